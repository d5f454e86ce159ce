"""Build-time figures moved out of the pages into files of their own, loaded lazily.

The build embeds each figure in its page as a data URI, which is simple and prints well, but it
makes a page with many figures heavy before a reader scrolls to any of them. After the build,
every figure of every page (but the print page, which the PDF is printed from) becomes a file in
assets/figures/, named by its content's hash (the same figure is stored once), with
loading="lazy" and its width and height, so the page keeps its layout while figures load.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
import struct
from pathlib import Path

# A figure's <img>, or the <source> of its phone variant (bookbuild/markdown/cell_html.py), with
# the attributes that follow its address, up to the tag's end.
FIGURE = re.compile(
    r'(?P<head><img class="(?:bp-output__image|bp-explorable__static)" src='
    r'|<source media="[^"]*" srcset=)'
    r'"data:(?P<mime>image/(?:png|svg\+xml));base64,(?P<data>[^"]+)"(?P<rest>[^>]*)>'
)
SVG_SIZE = re.compile(rb'<svg[^>]*?\swidth="([\d.]+)(pt|px)?"[^>]*?\sheight="([\d.]+)(pt|px)?"')
EXTENSIONS = {"image/png": "png", "image/svg+xml": "svg"}
FOLDER = "assets/figures"
PRINT_PAGE = "print_page"


def size_of(mime: str, data: bytes) -> tuple[int, int] | None:
    """A figure's width and height in CSS pixels, read from its PNG header or its <svg>."""
    if mime == "image/png" and data[:8] == b"\x89PNG\r\n\x1a\n":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    found = SVG_SIZE.search(data[:2000])
    if found:
        scale = 4 / 3 if found.group(2) == b"pt" else 1.0  # 1pt = 4/3 px
        return round(float(found.group(1)) * scale), round(float(found.group(3)) * scale)
    return None


def externalize_figures(site: Path) -> tuple[int, int]:
    """Move every page's figures into files; return (figures replaced, distinct files)."""
    folder = site / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    replaced, written = 0, set()
    for page in site.rglob("*.html"):
        if page.parent.name == PRINT_PAGE:
            continue
        text = page.read_text(encoding="utf-8")

        def to_file(match: re.Match, page=page) -> str:
            nonlocal replaced
            data = base64.b64decode(match["data"])
            name = f"{hashlib.sha256(data).hexdigest()[:16]}.{EXTENSIONS[match['mime']]}"
            if name not in written:
                (folder / name).write_bytes(data)
                written.add(name)
            replaced += 1
            url = os.path.relpath(folder / name, page.parent).replace(os.sep, "/")
            rest = match["rest"]
            if match["head"].startswith("<img"):
                if " width=" not in rest:
                    size = size_of(match["mime"], data)
                    rest = (f' width="{size[0]}" height="{size[1]}"' if size else "") + rest
                rest += ' loading="lazy" decoding="async"'
            return f'{match["head"]}"{html.escape(url)}"{rest}>'

        changed = FIGURE.sub(to_file, text)
        if changed != text:
            page.write_text(changed, encoding="utf-8")
    return replaced, len(written)
