// Added to every page before its own scripts (Playwright add_init_script): records main-thread
// long tasks and offers timed clicks, with times from performance.now() inside the page.
// With ?bench-autorun=N in the URL it clicks Run on cell N as soon as that button exists; with
// &bench-hover=MS too, the pointer first enters the cell (the reader's intent) and Run is
// clicked MS later, as a reader's hand moves from the code to the button. ?bench-autocheck=ID
// does the same with the Check button of exercise ID.
(() => {
  if (window.__bench) return;
  const bench = { longTasks: [], first: null };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: "longtask", buffered: true });
  } catch (error) {
    bench.longTaskError = String(error);
  }

  // Resolves with check()'s first truthy result, checked again after every DOM change.
  bench.waitFor = (check, target = document, options = { childList: true, subtree: true }) =>
    new Promise((resolve) => {
      const found = check();
      if (found) return resolve(found);
      const observer = new MutationObserver(() => {
        const found = check();
        if (found) {
          observer.disconnect();
          resolve(found);
        }
      });
      observer.observe(target, options);
    });

  bench.cell = (index) => document.querySelectorAll("[data-cell]")[index] || null;
  const runButton = (cell) => cell?.querySelector(".bp-button--run") || null;
  const liveText = (cell) => cell.querySelector(".bp-cell__live")?.textContent || "";

  // Click Run (the cell turns busy synchronously); resolve when it is idle with its output.
  bench.run = async (cell) => {
    const click = performance.now();
    runButton(cell).click();
    const idle = await bench.waitFor(() => !cell.hasAttribute("aria-busy") && performance.now(), cell, {
      attributes: true,
      attributeFilter: ["aria-busy"],
    });
    return { click, idle, output: liveText(cell) };
  };

  // Press Check on an exercise (it marks itself busy synchronously); resolve once it is judged.
  bench.check = async (root) => {
    const click = performance.now();
    root.querySelector(".bp-button--check").click();
    const judged = await bench.waitFor(
      () => root.getAttribute("aria-busy") !== "true" && root.dataset.exerciseState && performance.now(),
      root,
      { attributes: true, attributeFilter: ["aria-busy", "data-exercise-state"] },
    );
    return { click, judged, state: root.dataset.exerciseState };
  };

  // An explorable redrawn: resolves when data-frame passes `after` (and the state is `state`).
  bench.redrawn = (root, after, state) =>
    bench.waitFor(
      () => Number(root.dataset.frame) > after && (!state || root.dataset.state === state) && performance.now(),
      root,
      { attributes: true, attributeFilter: ["data-frame", "data-state"] },
    );

  // Move a slider as a keyboard does (one input event), then time until the figure is redrawn.
  bench.slide = async (root, label, value) => {
    const input = [...root.querySelectorAll("input[type=range]")].find((el) => el.labels[0]?.textContent === label);
    const after = Number(root.dataset.frame);
    const start = performance.now();
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const end = await bench.redrawn(root, after, "done");
    return end - start;
  };

  // The playground's Train: from the click until training is done.
  bench.train = async (root) => {
    const start = performance.now();
    [...root.querySelectorAll("button")].find((b) => b.textContent === "Train").click();
    const end = await bench.waitFor(() => root.dataset.state === "done" && performance.now(), root, {
      attributes: true,
      attributeFilter: ["data-state"],
    });
    return { start, end, status: root.querySelector(".bp-explorable__status").textContent };
  };

  // Footer's Next link (instant navigation), then Run on cell `index` of the new page.
  bench.nextAndRun = async (index) => {
    const old = bench.cell(index);
    const start = performance.now();
    document.querySelector("a.md-footer__link--next").click();
    const cell = await bench.waitFor(() => {
      const candidate = bench.cell(index);
      return candidate !== old && runButton(candidate) ? candidate : null;
    });
    return { start, path: location.pathname, ...(await bench.run(cell)) };
  };

  // Run `loop` (a cell that never ends), press Stop once it runs, and at once Run `next`:
  // resolves with the Stop click and `next`'s result (Stop -> a working Python).
  bench.stopThenRun = async (loop, next) => {
    runButton(loop).click();
    await bench.waitFor(() => loop.querySelector(".bp-cell__status")?.textContent === "Running…", loop, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stop = performance.now();
    [...loop.querySelectorAll("button")].find((button) => button.textContent === "Stop").click();
    const result = await bench.run(next);
    return { stop, ...result, isolated: self.crossOriginIsolated };
  };

  // Keep a promise's outcome for Python to poll (page.evaluate would wait without a timeout).
  bench.keep = (promise) => {
    bench.kept = { pending: true };
    promise.then(
      (value) => (bench.kept = { value }),
      (error) => (bench.kept = { error: String(error) }),
    );
  };

  const query = new URLSearchParams(location.search);
  const autorun = query.get("bench-autorun");
  const autocheck = query.get("bench-autocheck");
  const hover = query.get("bench-hover");
  const hovered = async (cell) => {
    if (hover === null) return null;
    const at = performance.now();
    cell.dispatchEvent(new PointerEvent("pointerenter"));
    await new Promise((resolve) => setTimeout(resolve, Number(hover)));
    return at;
  };
  // Which cells ran before the timed one, once it is done: their ids.
  const ranCells = () => [...document.querySelectorAll(".bp-cell--ran")].map((cell) => cell.dataset.cell);
  if (autorun !== null) {
    const cell = () => bench.cell(Number(autorun));
    bench.keep(
      bench
        .waitFor(() => runButton(cell()))
        .then(async () => {
          const intent = await hovered(cell());
          return { intent, ...(await bench.run(cell())), ran: ranCells() };
        }),
    );
  }
  if (autocheck !== null) {
    const root = () => document.querySelector(`[data-exercise="${autocheck}"]`);
    bench.keep(
      bench
        .waitFor(() => root()?.querySelector(".bp-button--check"))
        .then(async () => {
          const intent = await hovered(root().querySelector("[data-cell]"));
          return { intent, ...(await bench.check(root())), ran: ranCells() };
        }),
    );
  }
})();
