"""Small readers for built pages: visible text, elements by attribute, links and assets."""

from __future__ import annotations

from html.parser import HTMLParser

# Each formula keeps its TeX in a MathML <annotation> (for copy and paste): not raw TeX.
SKIPPED_TEXT_ELEMENTS = {"script", "style", "code", "pre", "template", "annotation"}
# <link> relations that make the browser fetch something (canonical, alternate... do not).
FETCHING_LINK_RELATIONS = {"stylesheet", "preload", "modulepreload", "prefetch", "icon", "manifest"}


class PageReader(HTMLParser):
    """Collects a page's prose text (outside code), its ids, links and asset references."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text_parts: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.assets: list[tuple[str, str]] = []  # (tag, url)
        self.headings: list[str] = []
        self.skip_depth = 0
        self.heading_depth = 0
        self.heading_parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag in SKIPPED_TEXT_ELEMENTS:
            self.skip_depth += 1
        if tag in {"h1", "h2", "h3"}:
            self.heading_depth += 1
            self.heading_parts = []
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        for name in ("src", "srcset", "poster", "data"):
            if attributes.get(name):
                self.assets.append((tag, attributes[name]))
        relations = set((attributes.get("rel") or "").lower().split())
        if tag == "link" and attributes.get("href") and relations & FETCHING_LINK_RELATIONS:
            self.assets.append((f"link rel={attributes.get('rel')}", attributes["href"]))

    def handle_endtag(self, tag):
        if tag in SKIPPED_TEXT_ELEMENTS and self.skip_depth:
            self.skip_depth -= 1
        if tag in {"h1", "h2", "h3"} and self.heading_depth:
            self.heading_depth -= 1
            self.headings.append("".join(self.heading_parts).replace("¶", "").strip())

    def handle_data(self, data):
        if self.heading_depth:
            self.heading_parts.append(data)
        if not self.skip_depth:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(self.text_parts)


def read_page(path) -> PageReader:
    reader = PageReader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader
