// Long inline formulas may break across lines where TeX breaks them: after a top-level relation
// or binary operator (The TeXbook, p. 173). Browsers lay out a <math> as one box that never
// breaks (Chromium and Safari ignore Temml's soft breaks, which only Firefox honours), so one
// long formula in a sentence would widen a phone's page. A long inline formula therefore becomes
// several <math> elements side by side, one per piece, and a line may end between two of them.
// Short formulas stay one <math> with their TeX annotation (for copy and paste).
import temml from "temml";

// About 300 px, a phone's column, holds some 17 glyphs of the math font at the book's size: a
// formula with more glyphs than this may not fit on one line.
export const LONGEST_UNBROKEN = 16;

export function breakableInline(tex, whole) {
  if (glyphCount(whole) <= LONGEST_UNBROKEN) return whole;
  const pieces = topLevelChildren(temml.renderToString(tex, { throwOnError: true, wrap: "tex" }));
  if (pieces.length < 2) return whole;
  return pieces.map((piece) => `<math>${piece}</math>`).join("");
}

// The characters a formula shows (its TeX annotation and tags left out).
function glyphCount(markup) {
  const text = markup
    .replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&[#\w]+;/g, "x");
  return [...text.replace(/\s/g, "")].length;
}

// The children of the outermost <math> element, as markup. Temml writes well-formed MathML:
// every tag is closed, and text escapes < and >.
function topLevelChildren(markup) {
  const inner = markup.slice(markup.indexOf(">") + 1, markup.lastIndexOf("</math>"));
  const pieces = [];
  let depth = 0;
  let start = 0;
  for (const tag of inner.matchAll(/<(\/?)[a-zA-Z][^>]*?(\/?)>/g)) {
    const [, closing, selfClosing] = tag;
    if (selfClosing) {
      if (depth === 0) {
        pieces.push(inner.slice(tag.index, tag.index + tag[0].length));
        start = tag.index + tag[0].length;
      }
      continue;
    }
    if (!closing) {
      if (depth === 0) start = tag.index;
      depth += 1;
      continue;
    }
    depth -= 1;
    if (depth === 0) pieces.push(inner.slice(start, tag.index + tag[0].length));
  }
  return pieces;
}
