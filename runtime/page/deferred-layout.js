// styles/rendering.css leaves the blocks of a chapter that are out of view unlaid out
// (content-visibility: auto): a phone then lays out one screen, not 5,000 elements, while the
// page loads. But a skipped block's height is an estimate, and it is not there for hit testing:
// anything that measures the page (the scrollbar, a link to a section, Material's table of
// contents, an accessibility checker looking for what is behind a text) would see estimates
// and gaps that change under it. So every block is laid out for good, in reading order
// (`bp-laid-out`); the page is then as it would be without the rule.
//
// Not while the page loads: laying out a whole chapter is most of a phone's work on it (on
// Derivatives, 4x slowed, 4 s of long tasks against 1.5 s without it; Lighthouse's blocking time
// was mostly this). It starts on the reader's first input (a scroll, a key, a touch, a click), a
// batch of blocks per frame: each frame costs the page's paint whatever its batch, so a block
// per frame made a hundred long frames where a batch of 16 makes a few.
//
// And a link to a section lands on its heading: while blocks around it get their real height,
// the page is put back on the heading, until the reader scrolls.
// The chapter's blocks, and every cell (a cell's code is skipped in exercises too).
const BLOCKS = ".md-content__inner > *, .md-content__inner .bp-cell";
const LAID_OUT = "bp-laid-out";
const BATCH = 16;
const READER_SCROLLS = ["wheel", "touchstart", "keydown", "pointerdown"];
// What starts the layout: the reader's first input, or a scroll (a scrollbar dragged, a link).
const FIRST_INPUT = [...READER_SCROLLS, "scroll"];

let run = 0; // the page being laid out (instant navigation starts another)

function layOutForGood() {
  const page = ++run;
  const blocks = [...document.querySelectorAll(BLOCKS)];
  let next = 0;
  const frame = () => {
    if (page !== run) return;
    const batch = blocks.slice(next, next + BATCH);
    next += batch.length;
    for (const block of batch) block.classList.add(LAID_OUT);
    if (batch.length) requestAnimationFrame(frame);
    else {
      release(); // every block has its real height: the page holds still by itself
      focusableWhereCodeScrolls();
    }
  };
  requestAnimationFrame(frame);
}

// Material makes a code block that scrolls sideways focusable (a keyboard can then scroll it)
// when it measures the block as it mounts. A cell's code is measured while it is skipped,
// where nothing overflows, and its place is exact, so its size does not change when it is laid
// out and Material does not measure it again. Its rule, once the code is laid out:
function focusableWhereCodeScrolls() {
  if (!matchMedia("(hover)").matches) return;
  for (const code of document.querySelectorAll(".bp-cell__code code")) {
    if (code.scrollWidth > code.clientWidth) code.setAttribute("tabindex", "0");
  }
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

let waiting = null; // the page whose layout waits for the reader's first input

function layOutOnFirstInput() {
  if (waiting) for (const name of FIRST_INPUT) removeEventListener(name, waiting, { capture: true });
  const page = run;
  waiting = () => {
    for (const name of FIRST_INPUT) removeEventListener(name, waiting, { capture: true });
    waiting = null;
    if (page === run) layOutForGood();
  };
  for (const name of FIRST_INPUT) addEventListener(name, waiting, { passive: true, capture: true });
}

function onPage() {
  run++; // a layout still running belongs to the page left behind
  holdSectionInView();
  layOutOnFirstInput();
}

for (const name of READER_SCROLLS) addEventListener(name, release, { passive: true, capture: true });
addEventListener("hashchange", holdSectionInView);
// Material's instant navigation swaps the page without reloading scripts.
if (window.document$) window.document$.subscribe(onPage);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();
