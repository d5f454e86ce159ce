// Counts the bytes of Pyodide's downloads in the worker, so the page can show
// "Downloading Python: 4.2 MB of 17.1 MB". Pyodide fetches with the global fetch, so we wrap it;
// the expected sizes come from the build (manifest.json), because a compressed response's
// Content-Length is not the size of the bytes we count.
const STAGES = [
  [/^pyodide|^python_stdlib/, "Downloading Python"],
  [/^numpy-/, "Loading numpy"],
  [/^backprop-/, "Loading backprop"],
];

// `fail(message)` is called as soon as a download fails: Pyodide itself does not always reject
// loadPyodide when the wasm cannot be fetched, and the reader should not wait for a timeout.
export function countDownloads(sizes, report, fail) {
  const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
  let loaded = 0;
  const originalFetch = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const file = decodeURIComponent(new URL(url, self.location.href).pathname.split("/").pop());
    let response;
    try {
      response = await originalFetch(input, init);
    } catch (error) {
      fail(`could not download ${file}: the network request failed (are you offline?)`);
      throw error;
    }
    if (!response.ok) {
      fail(`could not download ${file} (HTTP ${response.status})`);
      return response; // the page stops this worker; throwing here would only leak an error
    }
    if (!(file in sizes) || !response.body) return response;
    const stage = (STAGES.find(([pattern]) => pattern.test(file)) || [null, "Loading"])[1];
    report({ stage, file, loaded, total });
    const counter = new TransformStream({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        report({ stage, file, loaded, total });
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
