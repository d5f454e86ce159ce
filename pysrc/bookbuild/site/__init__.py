"""The static-site pipeline: `python -m bookbuild.site.assets` before the build (the generated
assets), site_build (the one way the tools build the site: the strict build, the math font's
subset, then offline/), offline/ (figures as files, the save list, the service worker) and pdf/
(the book printed by Chromium)."""
