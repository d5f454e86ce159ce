// Readers' edits, kept in localStorage per page and cell, with the hash of the book's code
// they started from, so an edit of an older version of a cell is never shown as current.
// Storage can be full or blocked (private modes, policies): then saving fails softly and the
// reader is told, once per cell; nothing else breaks.
const PREFIX = "backprop-book:v1:";

function storage() {
  try {
    return window.localStorage; // reading the property itself throws where storage is blocked
  } catch {
    return null;
  }
}

function key(page, cellId) {
  return `${PREFIX}${page}:${cellId}`;
}

// Returns {code, originalHash} or null.
export function loadEdit(page, cellId) {
  try {
    const raw = storage()?.getItem(key(page, cellId));
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

// Returns true if saved, false if storage is full or unavailable.
export function saveEdit(page, cellId, code, originalHash) {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(key(page, cellId), JSON.stringify({ code, originalHash, savedAt: Date.now() }));
    return true;
  } catch {
    return false;
  }
}

// Another tab of the book saved (or forgot) an edit of this cell: `listener({code} or null)`.
const watchers = new Map(); // storage key -> listener
export function watchEdit(page, cellId, listener) {
  watchers.set(key(page, cellId), listener);
  return () => watchers.delete(key(page, cellId));
}
window.addEventListener("storage", (event) => {
  const listener = watchers.get(event.key);
  if (!listener) return;
  try {
    listener(event.newValue ? JSON.parse(event.newValue) : null);
  } catch {
    // not an edit this page wrote: ignore it
  }
});

export function forgetEdit(page, cellId) {
  try {
    storage()?.removeItem(key(page, cellId));
  } catch {
    // nothing stored, nothing to forget
  }
}
