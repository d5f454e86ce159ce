// Puts the page's explorables to work on the reader's first sign of interest in one: it scrolls
// into view, the pointer moves over it, or it takes focus. Only then is its code loaded (its own
// chunk, with d3) and Python started, so a page that nobody touches loads neither.
const EXPLORERS = {
  "gradient-descent": () => import("./gradient-descent.js"),
  graph: () => import("./graph-explorer.js"),
  playground: () => import("./playground.js"),
  "backward-pass": () => import("./backward-pass.js"),
  secant: () => import("./secant.js"),
  "contour-gradient": () => import("./contour-gradient.js"),
  neuron: () => import("./neuron.js"),
};

export function attachExplorables(runtime) {
  const roots = [...document.querySelectorAll("[data-explorable]:not([data-explorable-attached])")];
  const visibility = new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting) begin(entry.target);
  });
  const begin = (root) => {
    if (root.dataset.explorableAttached === "started") return;
    root.dataset.explorableAttached = "started";
    visibility.unobserve(root);
    runtime.start();
    EXPLORERS[root.dataset.explorable]()
      .then(({ Explorer }) => new Explorer(root, runtime))
      .catch((error) => {
        const message = root.querySelector(".bp-explorable__caption");
        message?.append(` (This figure could not start: ${error.message}.)`);
      });
  };
  for (const root of roots) {
    root.dataset.explorableAttached = "waiting";
    visibility.observe(root);
    for (const event of ["pointerenter", "focusin"]) root.addEventListener(event, () => begin(root), { once: true });
  }
  return () => visibility.disconnect();
}
