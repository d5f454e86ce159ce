// Pyodide and numpy, as the book's worker loads them, and nothing else.
try {
  const indexURL = new URL("assets/generated/pyodide/", self.location.href).href;
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL, lockFileURL: `${indexURL}pyodide-lock.json` });
  await pyodide.loadPackage("numpy", { messageCallback: () => {} });
  self.postMessage({ result: String(pyodide.runPython("1+1")) });
} catch (error) {
  self.postMessage({ error: String(error) });
}
