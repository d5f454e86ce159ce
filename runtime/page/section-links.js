// A link to a section lands on its heading. Blocks out of view are laid out only when they come
// near it (content-visibility: auto, styles/rendering.css); until then their height is an
// estimate. The browser scrolls to the heading as placed with those estimates; the blocks around
// it are then laid out at their real heights, and the heading moves away. So, until the reader
// scrolls, the page is put back on the heading each time the chapter's height changes.
const READER_SCROLLS = ["wheel", "touchstart", "keydown", "pointerdown"];
const SETTLING_MS = 3000; // after which the page keeps still, whatever comes in

let target = null;
const resized = new ResizeObserver(() => target?.scrollIntoView());

function release() {
  target = null;
  resized.disconnect();
}

function holdSectionInView() {
  release();
  const id = decodeURIComponent(location.hash.slice(1));
  const heading = id && document.getElementById(id);
  const chapter = document.querySelector(".md-content__inner");
  if (!heading || !chapter) return;
  target = heading;
  resized.observe(chapter);
  setTimeout(release, SETTLING_MS);
}

for (const name of READER_SCROLLS) addEventListener(name, release, { passive: true, capture: true });
addEventListener("hashchange", holdSectionInView);
// Material's instant navigation swaps the page without reloading scripts.
if (window.document$) window.document$.subscribe(holdSectionInView);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", holdSectionInView);
else holdSectionInView();
