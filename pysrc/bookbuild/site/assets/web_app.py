"""The web app manifest and its icons, so the book can be installed ("Add to home screen").

Written to docs/assets/generated/web-app/: manifest.webmanifest, with the book's name and
description and colour from mkdocs.yml, and icons drawn here with Pillow (a small network: three
layers of units and their connections), so nothing is fetched and nothing is kept in two places.
"""

from __future__ import annotations

import json
import shutil

from PIL import Image, ImageDraw

from bookbuild.book_nav import mkdocs_config
from bookbuild.site.assets import GENERATED

TARGET = GENERATED / "web-app"
ICON_SIZES = (192, 512)
WHITE = (255, 255, 255)
LAYERS = (2, 3, 2)


def draw_icon(size: int, maskable: bool, colour: str) -> Image.Image:
    """A small network on the book's colour; a maskable one keeps it in the central circle."""
    icon = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(icon)
    inset = 0.26 if maskable else 0.16
    left, right = size * inset, size * (1 - inset)

    def unit(layer: int, index: int) -> tuple[float, float]:
        x = left + (right - left) * layer / (len(LAYERS) - 1)
        count = LAYERS[layer]
        y = size / 2 + (index - (count - 1) / 2) * (right - left) / 2.6
        return x, y

    for layer in range(len(LAYERS) - 1):
        for a in range(LAYERS[layer]):
            for b in range(LAYERS[layer + 1]):
                draw.line(
                    [unit(layer, a), unit(layer + 1, b)], fill=WHITE, width=max(2, size // 64)
                )
    radius = size * (0.07 if maskable else 0.085)
    for layer, count in enumerate(LAYERS):
        for index in range(count):
            x, y = unit(layer, index)
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=WHITE)
    return icon


def write_web_app() -> str:
    shutil.rmtree(TARGET, ignore_errors=True)
    TARGET.mkdir(parents=True)
    config = mkdocs_config()
    colour = config["extra"]["theme_color"]
    icons = []
    for size in ICON_SIZES:
        for maskable in (False, True):
            name = f"icon-{size}{'-maskable' if maskable else ''}.png"
            draw_icon(size, maskable, colour).save(TARGET / name, optimize=True)
            icons.append({"src": name, "sizes": f"{size}x{size}", "type": "image/png",
                          "purpose": "maskable" if maskable else "any"})  # fmt: skip
    manifest = {
        "name": config["site_name"],
        "short_name": "Backprop book",
        "description": config["site_description"],
        "start_url": "../../../",
        "scope": "../../../",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": colour,
        "icons": icons,
    }
    (TARGET / "manifest.webmanifest").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return f"web app: manifest and {len(icons)} icons"
