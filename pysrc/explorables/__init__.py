"""explorables: the numbers behind the book's explorable figures, computed with backprop.

The page draws; this package computes, with the same tested `backprop` the cells import, so no
mathematics is written twice. Each explorable takes plain settings (numbers and names, checked
here) and returns plain data (lists of numbers, strings) for the page:

    gradient_descent.py  a cost surface as a grid, and a descent's trajectory and losses on it
    graph.py             an expression over Values: its graph, and the backward pass node by node
    playground.py        a network trained on a toy data set, in chunks of epochs, with its
                         loss curves, decision boundary and weights after each chunk
    settings.py          each explorable's settings: defaults, ranges, and clear errors
    worker_adapter.py    the browser worker's entry point: JSON in, JSON out
    static_figures.py    the build's figure at the default settings (matplotlib), for readers
                         without JavaScript and for the PDF
"""
