"""`make serve`: the port checked first (port_check), the browser's wheels rebuilt when pysrc/
changes and a failed build's error shown in place of the page (rebuild, through the MkDocs hook
preview_hook)."""
