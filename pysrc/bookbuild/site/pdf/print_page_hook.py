"""MkDocs hook: three fixes to mkdocs-print-site-plugin's combined print page (print_page/).

1. Speed. The plugin makes ids unique across chapters by prefixing the ids of headings, footnote
   marks and footnotes (`h1`-`h6`, `sup`, `li`) with the page's key: `id="summary"` on the
   gradient descent page becomes `id="gradient-descent-summary"`, and the links follow. Its regex,
   `<([^\\s]+).*?id="..."`, backtracks cubically on build-time math markup (long runs of tags
   without whitespace): about 12 s per chapter, over two minutes per build. `on_config` swaps in
   a regex with the same intent that cannot backtrack past a tag's closing `>`.
2. Dangling links. The plugin turns a link to the home page from a nested page into `#.`, and
   mkdocstrings' unresolved references (`str`, `list`: plain text on the API page) into links to
   `#str`. `on_post_build`, which runs after the plugin has written the print page, points `#.`
   at the home page's section and makes the other links without a target plain text.

3. Its assets on the print page only. The plugin adds its stylesheets and script to every page
   of the site (render-blocking, on every chapter, for nothing). `on_config` takes them out of
   the site's extra_css and extra_javascript, and `on_post_build` links them from the print page.

Listed under `hooks:` in mkdocs.yml. It touches only the print page, which exists only under
MkDocs, so it adds no MkDocs-only behaviour to the chapters.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs_print_site_plugin import urls as print_site_urls

from bookbuild.site.api_stylesheet_hook import with_api_stylesheet

# The tags whose ids the plugin rewrites (its `change_tags`), with an id attribute in the tag.
RENAMED_ID = re.compile(r'<(h[1-6]|sup|li)((?:\s[^>]*?)?\s)id="([^"]*)"', re.IGNORECASE)
ANY_ID = re.compile(r"""\sid=(["'])(.*?)\1""")
ANCHOR_LINK = re.compile(r"""(<a\b[^>]*?)\shref=(["'])#(.*?)\2""", re.IGNORECASE)
HOME_PAGE_KEY = "index"  # the plugin's key (section id) for index.md
PLUGIN_ASSETS: dict[str, list[str]] = {"css": [], "js": []}  # taken from every page, for print


def update_anchor_ids(page_html: str, page_key: str) -> str:
    """Prefix the ids of headings, footnote marks and footnotes with `page_key` and a dash."""
    return RENAMED_ID.sub(
        lambda match: f'<{match[1]}{match[2]}id="{page_key}-{match[3]}"', page_html
    )


def repair_dangling_links(page_html: str) -> str:
    """Point `#.` at the home page; make other links to a missing id plain text."""
    ids = {match[2] for match in ANY_ID.finditer(page_html)}

    def repair(link: re.Match) -> str:
        start, quote, target = link[1], link[2], link[3]
        if target in ids:
            return link[0]
        if target == "." and HOME_PAGE_KEY in ids:
            return f"{start} href={quote}#{HOME_PAGE_KEY}{quote}"
        return start  # an <a> without href: text, not a link

    return ANCHOR_LINK.sub(repair, page_html)


def on_config(config):
    """Replace the plugin's function before it renders the print page (after the build)."""
    if not callable(getattr(print_site_urls, "update_anchor_ids", None)):
        raise RuntimeError(
            "mkdocs-print-site-plugin no longer has urls.update_anchor_ids; "
            "review bookbuild/site/pdf/print_page_hook.py against the installed version"
        )
    print_site_urls.update_anchor_ids = update_anchor_ids
    own_assets(config)
    return config


def is_the_plugins(path) -> bool:
    return str(path).startswith(("css/print-site", "js/print-site"))


def own_assets(config) -> None:
    """Keep the plugin's CSS and JS (css/print-site*, js/print-site.js) for the print page."""
    PLUGIN_ASSETS["css"] = [str(f) for f in config["extra_css"] if is_the_plugins(f)]
    PLUGIN_ASSETS["js"] = [str(f) for f in config["extra_javascript"] if is_the_plugins(f)]
    config["extra_css"] = [f for f in config["extra_css"] if not is_the_plugins(f)]
    config["extra_javascript"] = [f for f in config["extra_javascript"] if not is_the_plugins(f)]


def link_plugin_assets(page_html: str) -> str:
    """The plugin's stylesheets (before the book's own) and script, on the print page."""
    styles = "".join(f'<link rel="stylesheet" href="../{css}">' for css in PLUGIN_ASSETS["css"])
    scripts = "".join(f'<script src="../{js}"></script>' for js in PLUGIN_ASSETS["js"])
    first_stylesheet = page_html.index('<link rel="stylesheet"')
    page_html = page_html[:first_stylesheet] + styles + page_html[first_stylesheet:]
    return page_html.replace("</body>", scripts + "</body>", 1)


def on_post_build(config):
    plugin = config.plugins.get("print-site")
    if plugin is None or not plugin.config.get("enabled"):
        return
    print_page = Path(plugin.print_file.abs_dest_path)
    page_html = repair_dangling_links(print_page.read_text(encoding="utf-8"))
    page_html = with_api_stylesheet(page_html, plugin.print_file.url)
    print_page.write_text(link_plugin_assets(page_html), "utf-8")
