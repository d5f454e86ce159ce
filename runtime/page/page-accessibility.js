// Page-level accessibility fixes that the theme and the math leave to us (found by axe-core).

// A display formula wider than the column scrolls; keyboard users must be able to reach it.
// Whether it overflows is known only once it is laid out, and changes on a rotation. A
// ResizeObserver sees those moments in the browser's own rendering step, instead of forcing a
// layout of the whole chapter from a script, as reading scrollWidth on every formula at attach
// did. (If a block is ever skipped with content-visibility: auto, the event that it is shown
// covers one laid out at exactly its placeholder's height.)
const FORMULA = ".md-typeset div.arithmatex";
const SCROLLABLE = "data-scrolls-sideways"; // set here, so only our own tabindex is removed

function reachableIfItScrolls(formula) {
  const overflows = formula.scrollWidth > formula.clientWidth;
  if (overflows && !formula.hasAttribute("tabindex")) {
    formula.setAttribute("tabindex", "0");
    formula.setAttribute("role", "region");
    formula.setAttribute("aria-label", "Formula (scrolls sideways)");
    formula.setAttribute(SCROLLABLE, "");
  } else if (!overflows && formula.hasAttribute(SCROLLABLE)) {
    for (const name of ["tabindex", "role", "aria-label", SCROLLABLE]) formula.removeAttribute(name);
  }
}

const formulaObserver = new ResizeObserver((entries) => {
  for (const entry of entries) reachableIfItScrolls(entry.target);
});
document.addEventListener(
  "contentvisibilityautostatechange",
  (event) => {
    if (!event.skipped && event.target.matches?.(FORMULA)) reachableIfItScrolls(event.target);
  },
  true, // the event does not bubble
);

export function improvePageAccessibility() {
  // Material leaves its search dialog and instant-navigation progress bar without a name.
  document.querySelector(".md-search[role=dialog]:not([aria-label])")?.setAttribute("aria-label", "Search");
  document
    .querySelector(".md-progress[role=progressbar]:not([aria-label])")
    ?.setAttribute("aria-label", "Loading page");
  formulaObserver.disconnect(); // the formulas of the page instant navigation replaced
  for (const formula of document.querySelectorAll(FORMULA)) formulaObserver.observe(formula);
}
