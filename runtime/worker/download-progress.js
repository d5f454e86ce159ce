// Counts the bytes of Python's boot downloads in the worker, so the page can show
// "Downloading Python: 4.2 MB of 17.1 MB". Pyodide fetches with the global fetch, so we wrap it.
// The files and their sizes come from the boot manifest (bookbuild.site.assets.boot_manifest), because
// a compressed response's Content-Length is not the size of the bytes counted.

// `fail(message)` is called as soon as a download fails: Pyodide itself does not always reject
// loadPyodide when the wasm cannot be fetched, and the reader should not wait for a timeout.
export function countDownloads(files, report, fail) {
  const byName = new Map(files.map((file) => [file.name, file]));
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  let loaded = 0;
  const originalFetch = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const name = decodeURIComponent(new URL(url, self.location.href).pathname.split("/").pop());
    let response;
    try {
      response = await originalFetch(input, init);
    } catch (error) {
      fail(`could not download ${name}: the network request failed (are you offline?)`);
      throw error;
    }
    if (!response.ok) {
      fail(`could not download ${name} (HTTP ${response.status})`);
      return response; // the page stops this worker; throwing here would only leak an error
    }
    const file = byName.get(name);
    if (!file || !response.body) return response;
    const stage = file.package ? "Loading packages" : "Downloading Python";
    report({ stage, file: name, loaded, total });
    const counter = new TransformStream({
      transform(chunk, controller) {
        loaded += chunk.byteLength;
        report({ stage, file: name, loaded, total });
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
