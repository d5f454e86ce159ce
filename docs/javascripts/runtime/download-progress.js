// Counts the bytes of Pyodide's downloads in the worker, so the page can show
// "Downloading Python: 4.2 MB of 17.1 MB". Pyodide fetches with the global fetch, so we wrap it;
// the expected sizes come from the build (manifest.json), because a compressed response's
// Content-Length is not the size of the bytes we count.
const STAGES = [
  [/^pyodide|^python_stdlib/, "Downloading Python"],
  [/^numpy-/, "Loading numpy"],
  [/^backprop-/, "Loading backprop"],
];

export function countDownloads(sizes, report) {
  const total = Object.values(sizes).reduce((sum, size) => sum + size, 0);
  let loaded = 0;
  const originalFetch = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const response = await originalFetch(input, init);
    const url = typeof input === "string" ? input : input.url;
    const file = decodeURIComponent(new URL(url, self.location.href).pathname.split("/").pop());
    if (!response.ok) throw new Error(`could not download ${file} (HTTP ${response.status})`);
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
