"""Browser benchmarks: see __main__.py."""
