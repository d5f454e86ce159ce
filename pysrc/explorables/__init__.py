"""explorables: the numbers behind the book's explorable figures, computed with backprop.

The page draws; this package computes, with the same tested `backprop` the cells import, so no
mathematics is written twice. Each explorable takes plain settings (numbers and names, checked
here) and returns plain data (lists of numbers, strings) for the page:

    secant.py            Derivatives: the secant from x to x + h, the tangent, the error for every h
    contour_gradient.py  Partial derivatives: contours, ∇f at a point, the slope along a direction
    gradient_descent.py  a cost surface as a grid, and a descent's trajectory and losses on it
    neuron.py            Forward propagation: one neuron, or one layer, over the plane
    graph.py             an expression over Values: its graph, and the backward pass node by node
    backward_pass.py     Backpropagation: a small network's forward pass, BP1 to BP4, and update
    playground.py        a network trained on a toy data set, in chunks of epochs, with its
                         loss curves, decision boundary, weights and each layer's gradient
    setting_kinds.py     the kinds of value a setting takes, each with its check and its range
    settings.py          each explorable's settings: defaults, ranges, and clear errors; and the
                         same as plain data for the page's controls (for_the_page)
    worker_adapter.py    the browser worker's entry point: JSON in, strict JSON out
    static_figures.py    the build's figure at the author's settings (matplotlib), for readers
                         without JavaScript and for the PDF; static_calculus.py and
                         static_network.py draw the newer ones
"""
