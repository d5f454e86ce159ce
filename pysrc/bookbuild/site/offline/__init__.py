"""What the built site needs to be read offline and to load light: run after `mkdocs build`.

    python -m bookbuild.site.offline SITE_DIR      (bookbuild.site.site_build runs it after every
    build)

    figures.py         build-time figures moved out of the pages into files, loaded lazily
    offline_page.py    the book's page for a page that was not saved, shown offline
    save_list.py       everything a reader needs offline, with sizes, for "Save for offline"
    service_worker.py  the service worker (runtime/service-worker/sw.js on Workbox's modules),
                       bundled with its precache manifest and the hashes it checks

`mkdocs serve`, for authors, skips these steps: its pages keep their figures inline and have no
service worker, so a preview is never served from a stale cache.
"""
