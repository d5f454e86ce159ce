"""Page numbers for the printed contents, read back from a first print of the book.

Chromium cannot compute the page an element will print on (no CSS `target-counter()`), but it
prints every internal link's target as a named destination (the target's id). So the book is
printed twice: the first print tells on which page each chapter and section starts, the numbers
are filled into the contents (into slots as wide as any number, so nothing moves), and the
second print is the book.
"""

from __future__ import annotations

import io

from pypdf import PdfReader

# Fills each contents entry's slot (prepare_print_page.js) with its page number.
FILL_PAGE_NUMBERS = """(pages) => {
  for (const slot of document.querySelectorAll(".bp-contents__page")) {
    slot.textContent = pages[slot.dataset.target] ?? "";
    slot.style.visibility = "visible";
  }
}"""


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Page number (1-based) of every named destination in `pdf`, by name (the element id)."""
    reader = PdfReader(io.BytesIO(pdf))
    return {
        str(name).removeprefix("/"): reader.get_destination_page_number(destination) + 1
        for name, destination in reader.named_destinations.items()
    }


def contents_page_numbers(pdf: bytes, ids: list[str]) -> dict[str, int]:
    """The page of each id in `ids` that `pdf` has a destination for."""
    pages = destination_pages(pdf)
    return {target: pages[target] for target in ids if target in pages}


def moved_entries(pdf: bytes, expected: dict[str, int]) -> list[str]:
    """Entries of `expected` that `pdf` prints on another page (there should be none)."""
    pages = destination_pages(pdf)
    return [target for target, page in expected.items() if pages.get(target) != page]
