"""The book as one PDF: `python -m bookbuild.site.pdf` (what `make pdf` runs).

__main__.py           the command line: build the site, print it, report
print_book.py         print the combined print page with Chromium (Playwright)
contents_pages.py     page numbers for the printed contents, from a first print
prepare_print_page.js what only paper needs: numbered headings, running heads, the contents
print_page_hook.py    MkDocs hook: fixes to mkdocs-print-site-plugin's print page
"""

PDF_PATH = "pdf/backprop-book.pdf"  # inside the site; the header's link and the tests use it
