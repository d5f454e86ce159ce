// The book's service worker: runtime/service-worker/sw.js bundled by esbuild, with the settings
// the build computed (BOOK_OFFLINE), then given its precache manifest by Workbox's
// injectManifest, each entry's revision being the SHA-256 of the file (the worker checks what
// it serves against it).
// Usage: node generate_service_worker.mjs CONFIG.json, the configuration that
// bookbuild/site/offline/service_worker.py writes: {source, settings, injectManifest}.
// Prints one JSON line: {count, size, warnings, precached}.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { injectManifest } from "workbox-build";

const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const options = config.injectManifest;

await build({
  entryPoints: [config.source],
  outfile: options.swSrc,
  bundle: true,
  format: "iife",
  minify: true,
  target: "es2020",
  define: { BOOK_OFFLINE: JSON.stringify(config.settings), "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});

let precached = [];
const sha256Revisions = async (entries) => {
  precached = entries.map((entry) => entry.url);
  const manifest = entries.map((entry) => ({
    ...entry,
    revision: createHash("sha256")
      .update(fs.readFileSync(path.join(options.globDirectory, entry.url)))
      .digest("hex"),
  }));
  return { manifest, warnings: [] };
};

const result = await injectManifest({ ...options, manifestTransforms: [sha256Revisions] });
fs.rmSync(options.swSrc, { force: true });
console.log(
  JSON.stringify({
    count: result.count,
    size: result.size,
    warnings: result.warnings,
    precached,
  }),
);
