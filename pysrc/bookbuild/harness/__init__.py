"""What only the tests and the benchmarks use: Chromium (browser), a static server shaped like
GitHub Pages (static_server), what a reader does (reader_actions), `make serve` in a copy of the
project (preview_session)."""
