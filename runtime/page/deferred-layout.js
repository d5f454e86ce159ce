// styles/rendering.css leaves the blocks of a chapter that are out of view unlaid out
// (content-visibility: auto): a phone then lays out one screen, not 5,000 elements, while the
// page loads. But a skipped block's height is an estimate, and it is not there for hit testing:
// anything that measures the page (the scrollbar, a link to a section, Material's table of
// contents, an accessibility checker looking for what is behind a text) would see estimates
// and gaps that change under it. So, once the page has loaded, every block is laid out for
// good, a few per frame (each frame's work stays short), in reading order (`bp-laid-out`); the
// page is then as it would be without the rule.
//
// And a link to a section lands on its heading: while blocks around it get their real height,
// the page is put back on the heading, until the reader scrolls.
const BLOCKS = ".md-content__inner > *";
const LAID_OUT = "bp-laid-out";
// A batch grows while frames keep time (60 a second) and shrinks when one runs late: each frame's
// work stays far below the 50 ms of a long task, even on a phone 4 times slower than this one.
const ON_TIME_MS = 20;
const LARGEST_BATCH = 16;
const READER_SCROLLS = ["wheel", "touchstart", "keydown", "pointerdown"];

let run = 0; // the page being laid out (instant navigation starts another)

function layOutForGood() {
  const page = ++run;
  const blocks = [...document.querySelectorAll(BLOCKS)];
  let next = 0;
  let size = 1;
  let last = performance.now();
  const frame = (now) => {
    if (page !== run) return;
    size = now - last < ON_TIME_MS ? Math.min(size * 2, LARGEST_BATCH) : Math.max(1, size / 2);
    last = now;
    const batch = blocks.slice(next, next + size);
    next += batch.length;
    for (const block of batch) block.classList.add(LAID_OUT);
    if (batch.length) requestAnimationFrame(frame);
    else release(); // every block has its real height: the page holds still by itself
  };
  requestAnimationFrame(frame);
}

let target = null;
const chapterResized = new ResizeObserver(() => target?.scrollIntoView());

function release() {
  target = null;
  chapterResized.disconnect();
}

function holdSectionInView() {
  release();
  const id = decodeURIComponent(location.hash.slice(1));
  const heading = id && document.getElementById(id);
  const chapter = document.querySelector(".md-content__inner");
  if (!heading || !chapter) return;
  target = heading;
  chapterResized.observe(chapter);
}

function onPage() {
  holdSectionInView();
  if (document.readyState === "complete") layOutForGood();
  else addEventListener("load", layOutForGood, { once: true });
}

for (const name of READER_SCROLLS) addEventListener(name, release, { passive: true, capture: true });
addEventListener("hashchange", holdSectionInView);
// Material's instant navigation swaps the page without reloading scripts.
if (window.document$) window.document$.subscribe(onPage);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();
