// How the explorables print numbers: a true minus sign, and infinity and NaN by name. Python
// sends them as {non_finite: "Infinity" | "-Infinity" | "NaN"} (JSON has neither), which
// `decodeNonFinite` turns back into numbers before anything else reads the answer.
const MINUS = "\u2212";

export function decodeNonFinite(value) {
  if (Array.isArray(value)) return value.map(decodeNonFinite);
  if (value && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === "non_finite") return Number(value.non_finite);
    return Object.fromEntries(keys.map((key) => [key, decodeNonFinite(value[key])]));
  }
  return value;
}

function signed(text) {
  return text.startsWith("-") ? MINUS + text.slice(1) : text;
}

function nonFinite(value) {
  if (Number.isNaN(value)) return "NaN";
  return value > 0 ? "∞" : `${MINUS}∞`;
}

// `digits` significant digits, trailing zeros dropped: 0.786448, −0.5, 1.3e−7.
export function significant(value, digits = 6) {
  if (!Number.isFinite(value)) return nonFinite(value);
  if (value === 0) return "0";
  const text = Number(value.toPrecision(digits)).toString();
  return signed(text.replace("e-", `e${MINUS}`).replace("e+", "e"));
}

// A fixed number of decimals, as the book's worked example prints: 0.138498562.
export function decimals(value, places) {
  if (!Number.isFinite(value)) return nonFinite(value);
  const text = value.toFixed(places);
  return signed(Number(text) === 0 ? (0).toFixed(places) : text);
}

// A factor in a product: negative numbers in parentheses, "0.786448 × (−0.5)".
export function factor(text) {
  return text.startsWith(MINUS) ? `(${text})` : text;
}
