// Page-level accessibility fixes that the theme and the math leave to us (found by axe-core).
export function improvePageAccessibility() {
  // Material leaves its search dialog and instant-navigation progress bar without a name.
  document.querySelector(".md-search[role=dialog]:not([aria-label])")?.setAttribute("aria-label", "Search");
  document.querySelector(".md-progress[role=progressbar]:not([aria-label])")?.setAttribute("aria-label", "Loading page");
  // A display formula wider than the column scrolls; keyboard users must be able to reach it.
  for (const formula of document.querySelectorAll(".md-typeset div.arithmatex")) {
    if (formula.scrollWidth > formula.clientWidth && !formula.hasAttribute("tabindex")) {
      formula.setAttribute("tabindex", "0");
      formula.setAttribute("role", "region");
      formula.setAttribute("aria-label", "Formula (scrolls sideways)");
    }
  }
}
