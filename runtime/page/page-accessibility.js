// Page-level accessibility fixes that the theme and the math leave to us (found by axe-core).
import "./deferred-layout.js"; // blocks laid out late, but a link to a section lands on it

// A box wider than the column scrolls sideways (a display formula, a table on a phone, a printed
// table in a cell's output); keyboard users must be able to reach it. Whether it overflows is
// known only once it is laid out, and changes on a rotation. A ResizeObserver sees those
// moments in the browser's own rendering step, instead of forcing a layout of the whole chapter
// from a script, as reading scrollWidth on every formula at attach did. (If a block is ever
// skipped with content-visibility: auto, the event that it is shown covers one laid out at
// exactly its placeholder's height.)
const SCROLLING_BOXES = {
  ".md-typeset div.arithmatex": "Formula (scrolls sideways)",
  ".md-typeset__scrollwrap": "Table (scrolls sideways)",
  ".bp-cell__static > .bp-output__text": "Output (scrolls sideways)",
};
const SCROLLING = Object.keys(SCROLLING_BOXES).join(", ");
const SCROLLABLE = "data-scrolls-sideways"; // set here, so only our own tabindex is removed

function reachableIfItScrolls(box) {
  const overflows = box.scrollWidth > box.clientWidth;
  // The build marks an output with long lines already (bookbuild/markdown/cell_html.py).
  if (overflows && (!box.hasAttribute("tabindex") || !box.hasAttribute("role"))) {
    const label = Object.entries(SCROLLING_BOXES).find(([selector]) => box.matches(selector))[1];
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", label);
    box.setAttribute(SCROLLABLE, "");
  } else if (!overflows && box.hasAttribute(SCROLLABLE)) {
    for (const name of ["tabindex", "role", "aria-label", SCROLLABLE]) box.removeAttribute(name);
  }
}

const boxObserver = new ResizeObserver((entries) => {
  for (const entry of entries) reachableIfItScrolls(entry.target);
});
document.addEventListener(
  "contentvisibilityautostatechange",
  (event) => {
    if (!event.skipped && event.target.matches?.(SCROLLING)) reachableIfItScrolls(event.target);
  },
  true, // the event does not bubble
);

export function improvePageAccessibility() {
  // Material leaves its search dialog and instant-navigation progress bar without a name.
  document.querySelector(".md-search[role=dialog]:not([aria-label])")?.setAttribute("aria-label", "Search");
  document
    .querySelector(".md-progress[role=progressbar]:not([aria-label])")
    ?.setAttribute("aria-label", "Loading page");
  boxObserver.disconnect(); // the boxes of the page instant navigation replaced
  for (const box of document.querySelectorAll(SCROLLING)) boxObserver.observe(box);
}
