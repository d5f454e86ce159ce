"""Run every benchmark: `python -m bench` (what `make bench` runs)."""

from . import browser_timings, module_step, pdf_print


def main():
    module_step.main()
    print()
    browser_timings.main()
    print()
    pdf_print.main()


if __name__ == "__main__":
    main()
