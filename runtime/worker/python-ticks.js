// A moment for the worker to act while a cell runs, without cross-origin isolation.
//
// While Python executes, it checks for signals every few dozen bytecodes by reading element 0 of
// the buffer given to pyodide.setInterruptBuffer (and writing 0 back). Reading it through a
// getter turns that check into a regular call into JavaScript: `onTick` runs there (the worker
// sends what was printed). When the page is cross-origin isolated, the getter also passes on the
// SharedArrayBuffer the page writes SIGINT into, so Stop still raises KeyboardInterrupt.
// No tick happens inside one long C call (a big matrix product, time.sleep).
export function tickingInterruptBuffer(onTick, shared = null) {
  return {
    get 0() {
      onTick();
      return shared ? shared[0] : 0;
    },
    set 0(value) {
      if (shared) shared[0] = value;
    },
  };
}
