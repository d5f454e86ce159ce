// A figure shown smaller than it was drawn (a wide figure on a phone) opens full size on a tap,
// a click, Enter or Space: in a dialog where it can be zoomed (buttons, + and -) and scrolled,
// closed by its Close button or Esc. The build's figures are found on each page; the reader's
// own come through watchFigure (cell-view.js).

const FIGURE = "img.bp-output__image";
const ZOOMABLE = "data-zoomable"; // set here, on figures shown smaller than drawn
const ZOOM_STEP = 1.5;
const ZOOM_RANGE = [0.25, 6];

// Whether it is shown smaller is known only once it is laid out, and changes with a rotation:
// a ResizeObserver sees those moments without forcing a layout (as for the formulas).
const sizes = new ResizeObserver((entries) => {
  for (const entry of entries) markIfShownSmaller(entry.target);
});

function element(tag, attributes = {}, text = "") {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.textContent = text;
  return node;
}

function drawnWidth(figure) {
  return figure.naturalWidth || Number(figure.getAttribute("width")) || 0;
}

function markIfShownSmaller(figure) {
  const smaller = drawnWidth(figure) > figure.clientWidth + 1;
  if (smaller && !figure.hasAttribute(ZOOMABLE)) {
    figure.setAttribute(ZOOMABLE, "");
    figure.setAttribute("tabindex", "0");
    figure.setAttribute("role", "button");
    figure.setAttribute("aria-label", `${figure.alt || "Figure"} (opens full size)`);
  } else if (!smaller && figure.hasAttribute(ZOOMABLE)) {
    for (const name of [ZOOMABLE, "tabindex", "role", "aria-label"]) figure.removeAttribute(name);
  }
}

export function watchFigure(figure) {
  sizes.observe(figure);
  figure.addEventListener("load", () => markIfShownSmaller(figure), { once: true });
}

function watchPageFigures() {
  sizes.disconnect(); // the figures of the page instant navigation replaced
  for (const figure of document.querySelectorAll(FIGURE)) watchFigure(figure);
}

class FigureViewer {
  constructor() {
    this.dialog = element("dialog", { class: "bp-figure-viewer", "aria-label": "Figure, full size" });
    const bar = element("div", { class: "bp-figure-viewer__bar" });
    this.zoomOut = element("button", { type: "button", class: "bp-button", "aria-label": "Zoom out" }, "−");
    this.zoomIn = element("button", { type: "button", class: "bp-button", "aria-label": "Zoom in" }, "+");
    this.close = element("button", { type: "button", class: "bp-button" }, "Close");
    this.caption = element("p", { class: "bp-figure-viewer__caption" });
    bar.append(this.caption, this.zoomOut, this.zoomIn, this.close);
    this.canvas = element("div", { class: "bp-figure-viewer__canvas", tabindex: "0", "aria-label": "Figure" });
    this.image = element("img", { class: "bp-figure-viewer__image", alt: "" });
    this.canvas.append(this.image);
    this.dialog.append(bar, this.canvas);
    this.zoomOut.addEventListener("click", () => this.zoomBy(1 / ZOOM_STEP));
    this.zoomIn.addEventListener("click", () => this.zoomBy(ZOOM_STEP));
    this.close.addEventListener("click", () => this.dialog.close());
    this.dialog.addEventListener("keydown", (event) => {
      if (event.key === "+" || event.key === "=") this.zoomBy(ZOOM_STEP);
      else if (event.key === "-") this.zoomBy(1 / ZOOM_STEP);
    });
    // Esc closes a modal <dialog> by itself; focus then returns to the figure that opened it.
    this.dialog.addEventListener("close", () => this.opener?.focus());
    document.body.append(this.dialog);
  }

  open(figure) {
    this.opener = figure;
    // The figure as drawn for wide screens (a <picture>'s own <img>), not a phone's variant.
    this.image.alt = figure.alt;
    this.caption.textContent = figure.alt;
    this.zoom = 1;
    this.width = 0; // until the figure as drawn for wide screens has loaded
    const loaded = () => {
      this.width = this.image.naturalWidth;
      this.zoomBy(1);
    };
    this.image.onload = loaded;
    const src = figure.getAttribute("src");
    if (this.image.getAttribute("src") === src && this.image.complete) loaded();
    else this.image.src = src;
    this.zoomBy(1);
    this.dialog.showModal();
    this.canvas.focus();
  }

  zoomBy(factor) {
    this.zoom = Math.min(ZOOM_RANGE[1], Math.max(ZOOM_RANGE[0], this.zoom * factor));
    this.image.style.width = this.width ? `${Math.round(this.width * this.zoom)}px` : "";
    this.zoomOut.disabled = this.zoom <= ZOOM_RANGE[0];
    this.zoomIn.disabled = this.zoom >= ZOOM_RANGE[1];
  }
}

let viewer = null;

function openFullSize(figure) {
  if (!viewer?.dialog.isConnected) viewer = new FigureViewer();
  viewer.open(figure);
}

document.addEventListener("click", (event) => {
  const figure = event.target.closest?.(`${FIGURE}[${ZOOMABLE}]`);
  if (figure) openFullSize(figure);
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" && event.key !== " ") return;
  if (!event.target.matches?.(`${FIGURE}[${ZOOMABLE}]`)) return;
  event.preventDefault();
  openFullSize(event.target);
});

// Material's instant navigation swaps the page without reloading scripts.
if (window.document$) window.document$.subscribe(watchPageFigures);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchPageFigures);
else watchPageFigures();
