"""MkDocs hook: Material's palette stylesheet without its rule for the moment of a switch.

Material's palette.css stops every transition while the palette changes:
`[data-md-color-switching] *, … {transition-duration: 0s !important}`. Its JavaScript sets that
attribute on <body>, and removes it, on every page load, not only on a switch. A rule on all
descendants of <body> makes the browser restyle every element of the page each time: on a
chapter, two restyles of the whole page while it loads (Chromium's traces, 4x slowed phone CPU,
Backpropagation: 1,439 -> 1,071 ms of style recalculation without the rule). Without it, a
palette switch lets Material's own colour transitions run (125 to 250 ms), which is all the rule
was for.

`on_post_build` rewrites the copied stylesheet; if Material's rule is no longer there (a new
Material), the build says so, and `mkdocs build --strict` fails, so this is looked at again.
"""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger("mkdocs.hooks.palette_switch")
SWITCHING_RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)


def without_switching_rule(stylesheet: str) -> str | None:
    """The stylesheet without the rule, or None if it does not have it."""
    if SWITCHING_RULE not in stylesheet:
        return None
    return stylesheet.replace(SWITCHING_RULE, "")


def on_post_build(config):
    palettes = sorted(Path(config["site_dir"], "assets", "stylesheets").glob("palette.*.css"))
    for path in palettes:
        stylesheet = without_switching_rule(path.read_text(encoding="utf-8"))
        if stylesheet is None:
            log.warning(f"{path.name}: Material's palette-switching rule was not found")
        else:
            path.write_text(stylesheet, encoding="utf-8")
    if not palettes:
        log.warning("no palette stylesheet in assets/stylesheets/ (Material's palette.*.css)")
