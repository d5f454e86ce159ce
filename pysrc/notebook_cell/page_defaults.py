"""What a page starts from: numpy's print options and matplotlib's settings at their defaults.

Cells commonly change these globally (np.set_printoptions, plt.rcParams); putting them back when
a page starts means no page's output depends on what another page did.
"""

from __future__ import annotations

import os
import sys

MATPLOTLIB_BACKEND = "module://notebook_cell.matplotlib_backend"
NUMPY_PRINT_DEFAULTS: dict = {}


def use_book_matplotlib_backend() -> None:
    """plt.show() shows the open figures (matplotlib_backend), at build time and in the browser."""
    if "matplotlib" in sys.modules:
        sys.modules["matplotlib"].use(MATPLOTLIB_BACKEND)
    else:
        os.environ["MPLBACKEND"] = MATPLOTLIB_BACKEND


def start_page() -> None:
    """Reset numpy's print options and matplotlib's state (if a cell imported them)."""
    if "numpy" in sys.modules:
        numpy = sys.modules["numpy"]
        NUMPY_PRINT_DEFAULTS.setdefault("options", numpy.get_printoptions())  # before any cell
        numpy.set_printoptions(**NUMPY_PRINT_DEFAULTS["options"])
    if "matplotlib.pyplot" in sys.modules:
        plt = sys.modules["matplotlib.pyplot"]
        plt.close("all")
        plt.rcdefaults()
        use_book_matplotlib_backend()  # rcdefaults() forgets the backend


# Settings the book itself sets while it draws a cell's figures (stable SVG ids, its backend).
BOOK_SETTINGS = ("svg.hashsalt", "backend")


def matplotlib_settings(defaults: bool = False) -> dict:
    """matplotlib's settings now (its defaults with `defaults`; {} if no cell imported it), but
    those the book sets itself: compared before and after a cell, to tell the reader which
    settings the cell changed."""
    matplotlib = sys.modules.get("matplotlib")
    if matplotlib is None:
        return {}
    settings = matplotlib.rcParamsDefault if defaults else matplotlib.rcParams
    return {key: value for key, value in settings.items() if key not in BOOK_SETTINGS}
