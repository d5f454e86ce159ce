"""MkDocs hook (mkdocs.yml `hooks:`): `make serve`'s preview, see bookbuild.preview.

MkDocs loads a hook file afresh each time it reads its configuration, which `mkdocs serve` does
for every rebuild; the preview's state lives in bookbuild.preview.rebuild, which is imported once.
"""

from bookbuild.preview.rebuild import (  # noqa: F401 - MkDocs calls these by name
    on_build_error,
    on_files,
    on_post_build,
    on_post_page,
    on_pre_build,
    on_serve,
    on_startup,
)
