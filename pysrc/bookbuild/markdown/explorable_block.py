"""The explorables' Markdown: a ```` ```explorable kind="..." ```` fence, its defaults in YAML.

    ```explorable kind="gradient-descent"
    surface: valley
    start: [-4.5, 1.8]
    learning_rate: 0.05
    caption: Plain gradient descent on the valley of this chapter.
    ```

The kinds and their settings are explorables.settings' (an unknown setting or a value out of
range fails the build, naming the file and line). The HTML is static first: the figure at the
given settings, drawn at build time by explorables.static_figures, and a caption that says what
the figure shows and what the controls do online. The runtime (runtime/page/explorables/) takes
the root over by its hooks: data-explorable (the kind), data-state ("static" until Python has
drawn the live figure), data-frame, data-settings (the settings, as JSON). The caption speaks of
the build's settings, so once the figure is live the page hides it (data-static-caption) and
says what the live figure shows instead.
"""

from __future__ import annotations

import functools
import html
import json
import re

import matplotlib.pyplot as plt
import yaml

from bookbuild.markdown.book_error import BookError
from bookbuild.markdown.build_session import IMAGES
from bookbuild.markdown.source_location import page_source
from explorables.backward_pass import BackwardPassError
from explorables.graph import ExpressionError
from explorables.settings import SETTINGS, SettingsError, settings_for
from explorables.static_figures import FIGURES, ONLINE
from notebook_cell import Image
from notebook_cell.figures import figure_image


def validate(language, inputs, options, attrs, md) -> bool:
    if set(inputs) != {"kind"} or inputs.get("kind") not in SETTINGS:
        # Said in format_explorable, which knows the fence's line.
        options["mistake"] = (f"an explorable fence names its kind, one of {', '.join(SETTINGS)}: "
                              f'```explorable kind="gradient-descent" (got {inputs})')  # fmt: skip
    options["kind"] = inputs.get("kind", "")
    return True


def format_explorable(source, language, css_class, options, md, **kwargs) -> str:
    kind = options["kind"]
    page = page_source(md)
    opening = page.find_block(source)
    where = page.where(opening)
    if options.get("mistake"):
        raise BookError(where, options["mistake"])
    try:
        given = yaml.safe_load(source) or {}
        if not isinstance(given, dict):
            raise SettingsError("the fence's body must be settings, one `name: value` per line")
        caption = str(given.pop("caption", "")).strip()
        settings = settings_for(kind, given)
        image, result = remembered_figure(kind, json.dumps(settings, sort_keys=True))
    except SettingsError as error:
        # At the setting's own line, where the author has to look; the fence's if it is unknown.
        line = setting_line(source, error.setting)
        at = where if opening is None or line is None else page.where(opening, 1 + line)
        unknown = error.setting is not None and error.setting not in SETTINGS[kind]
        also = " (and caption, the figure's sentence)" if unknown else ""
        raise BookError(at, f"explorable {kind}: {error}{also}") from None
    except (yaml.YAMLError, ExpressionError, BackwardPassError) as error:
        raise BookError(where, f"explorable {kind}: {error}") from None
    words = " ".join(part for part in (caption, result) if part)
    attributes = (
        f'class="bp-explorable" data-explorable="{kind}" data-state="static" data-frame="0" '
        f'data-settings="{html.escape(json.dumps(settings))}"'
    )
    return (
        f"<figure {attributes}>"
        f'<div class="bp-explorable__stage">'
        f'<img class="bp-explorable__static" src="{image.data_uri}" alt="{html.escape(image.alt)}">'
        "</div>"
        '<div class="bp-explorable__controls" data-explorable-controls></div>'
        '<figcaption class="bp-explorable__caption"><span data-static-caption>'
        f"{html.escape(words)} "
        f'<span class="bp-explorable__online">{html.escape(ONLINE[kind])}</span></span>'
        "</figcaption>"
        "</figure>"
    )


def setting_line(source: str, setting: str | None) -> int | None:
    """The index, in the fence's body, of the line that gives `setting` (None if none does)."""
    if setting is None:
        return None
    pattern = re.compile(rf"{re.escape(setting)}\s*:")
    return next((i for i, line in enumerate(source.splitlines()) if pattern.match(line)), None)


@functools.lru_cache(maxsize=64)
def remembered_figure(kind: str, settings_json: str) -> tuple[Image, str]:
    """`static_figure`, drawn once per process: `make serve` rebuilds every page on each save,
    and training the playground's network again would cost half a second each time. (The
    process imported explorables once, so its code cannot change under the cache.)"""
    return static_figure(kind, json.loads(settings_json))


def static_figure(kind: str, settings: dict) -> tuple[Image, str]:
    """The figure at `settings`, as an image, and one sentence saying what it shows."""
    figure, result = FIGURES[kind](settings)
    if isinstance(figure, str):  # the graph: backprop.draw's SVG
        alt = f"Computational graph of {settings['expression']}"
        return Image("image/svg+xml", figure.encode(), alt), result
    try:
        return figure_image(figure, IMAGES), result
    finally:
        plt.close(figure)
