// The book's notation in plain HTML text: "Z^[1]" becomes Z<sup>[1]</sup> and "Σ_rows" becomes
// Σ<sub>rows</sub>, as text nodes and elements, never as HTML parsed from a string.
import { element } from "../cell-view.js";

const MARKS = /\^\[(\d+)\]|_(rows|\d+)/g;

export function notation(text) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of text.matchAll(MARKS)) {
    fragment.append(text.slice(last, match.index));
    fragment.append(match[1] ? element("sup", {}, `[${match[1]}]`) : element("sub", {}, match[2]));
    last = match.index + match[0].length;
  }
  fragment.append(text.slice(last));
  return fragment;
}
