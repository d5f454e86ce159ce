"""Run every benchmark: `python -m bench` (what `make bench` runs)."""

from . import lighthouse, module_step, pdf_print, rebuild
from .browser import __main__ as browser_timings


def main():
    module_step.main()
    print()
    browser_timings.main()
    print()
    pdf_print.main()
    print()
    rebuild.main()
    print()
    lighthouse.main()


if __name__ == "__main__":
    main()
