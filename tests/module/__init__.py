"""Tests of the backprop module: its behaviour, written as a specification."""
