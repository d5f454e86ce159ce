// The reader's solved exercises, kept in this browser only (localStorage), never sent anywhere.
//
// Each entry is keyed by the exercise's id and remembers the exercise's version (a hash of its
// statement, check and solution, from the build): when the book changes an exercise, an old
// "solved" no longer counts for it. Progress can be exported as a small JSON file and imported
// into another browser. Storage can be full or blocked: then progress lasts until the page closes.
const STORAGE_KEY = "backprop-book:v1:exercises";
const EXPORT_FORMAT = "backprop-book exercise progress";
const listeners = new Set();
let inMemory = {};

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function solvedExercises() {
  try {
    const raw = storage()?.getItem(STORAGE_KEY);
    return raw ? { ...inMemory, ...JSON.parse(raw) } : { ...inMemory };
  } catch {
    return { ...inMemory };
  }
}

// Returns false when the browser could not keep it (storage full or blocked): it then lasts
// until the page closes, and the reader is told.
function save(solved) {
  inMemory = solved;
  let saved = false;
  try {
    const store = storage();
    store?.setItem(STORAGE_KEY, JSON.stringify(solved));
    saved = Boolean(store);
  } catch {
    // full or blocked: kept in memory for this page
  }
  for (const listener of listeners) listener(solved);
  return saved;
}

export function onProgressChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// "solved", "changed" (solved, but the book changed the exercise since) or null.
export function stateOf(id, version) {
  const entry = solvedExercises()[id];
  if (!entry) return null;
  return entry.version === version ? "solved" : "changed";
}

// Returns false if the browser could not keep it beyond this page.
export function markSolved(id, version) {
  return save({ ...solvedExercises(), [id]: { version, solvedAt: new Date().toISOString() } });
}

export function resetProgress() {
  inMemory = {};
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
  for (const listener of listeners) listener({});
}

export function exportProgress() {
  return JSON.stringify(
    { format: EXPORT_FORMAT, version: 1, exported: new Date().toISOString(), solved: solvedExercises() },
    null,
    1,
  );
}

// Merge an exported file's progress into this browser's, for the exercises of this edition
// (`known`: id -> version); returns {added, unknown}: how many exercises it marks as solved that
// were not, and how many entries it left out (an exercise this edition does not have, or has
// changed since).
export function importProgress(text, known) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error("This file is not JSON.");
  }
  if (data?.format !== EXPORT_FORMAT || typeof data.solved !== "object" || data.solved === null) {
    throw new Error("This file is not an export of this book's exercise progress.");
  }
  const current = solvedExercises();
  let added = 0;
  let unknown = 0;
  for (const [id, entry] of Object.entries(data.solved)) {
    // Only the ids and versions of this edition: nothing else ("__proto__", say) becomes a key.
    if (!known.has(id) || known.get(id) !== entry?.version) {
      unknown += 1;
      continue;
    }
    if (current[id]?.version !== entry.version) added += 1;
    current[id] = { version: entry.version, solvedAt: String(entry.solvedAt || "").slice(0, 40) };
  }
  if (added) save(current);
  return { added, unknown };
}
