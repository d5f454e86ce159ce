"""Benchmarks, run with `python -m bench` from the repository root."""
