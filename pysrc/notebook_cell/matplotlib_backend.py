"""The matplotlib backend of the book's cells: Agg, with plt.show() showing the open figures.

Selected with MPLBACKEND=module://notebook_cell.matplotlib_backend (see page_defaults). Agg's own
show() only warns that it is non-interactive; here show() hands the open figures to the running
cell, in order, and closes them, as notebooks do, so a cell that plots and shows in a loop gets
one picture per show().
"""

from matplotlib.backends.backend_agg import FigureCanvasAgg

from . import figures

FigureCanvas = FigureCanvasAgg


def show(*args, **kwargs) -> None:
    if figures.current:
        figures.current[-1].show_open()
