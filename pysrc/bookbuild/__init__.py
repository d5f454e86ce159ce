"""The build side of the book (never shipped to readers), grouped by role:

    markdown/   the Python-Markdown extensions mkdocs.yml lists: cells, exercises, explorables,
                build-time blocks, diagrams and math, each failing the build with the Markdown
                file and line of a mistake
    site/       the static-site pipeline around `mkdocs build`: the generated assets (site/assets),
                the math font's subset, the offline files and service worker (site/offline), the
                PDF (site/pdf)
    preview/    `make serve`: wheels rebuilt on module edits, a failed build shown in the browser
    harness/    what only the tests and the benchmarks use: Chromium, a static server, the
                reader's actions, a preview in a copy of the project
    book_nav.py the book's pages in nav order (every role reads it)
    paths.py    where the project's files are

It imports `backprop` like any reader would, and knows nothing the module needs.
"""
