"""The page `make serve` shows in place of every page while the book does not build.

Self-contained (no stylesheet, no script of its own): MkDocs adds its live-reload script when it
serves the page, so the book comes back by itself once the error is fixed.
"""

from __future__ import annotations

import html

TITLE = "The book did not build"


def error_page(message: str) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{TITLE}</title>
<style>
  body {{ margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a;
         background: #fff; font: 16px/1.5 system-ui, sans-serif; }}
  h1 {{ font-size: 1.5rem; color: #b71c1c; }}
  pre {{ padding: 1rem; overflow-x: auto; white-space: pre-wrap; background: #f5f5f5;
         border-left: 4px solid #b71c1c; font-size: 0.9rem; }}
</style>
</head>
<body>
<main>
<h1 id="build-error">{TITLE}</h1>
<p>The preview shows this page until the error is fixed. Save the fix: this page reloads by
itself when the book builds again.</p>
<pre>{html.escape(message)}</pre>
</main>
</body>
</html>
"""
