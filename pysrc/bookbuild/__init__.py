"""The build side of the book: cells executed at build time, math, runtime assets and the PDF.

It imports `backprop` like any reader would, and knows nothing the module needs.
"""
