// Each explorable's settings as Python defines them (explorables.settings.for_the_page), written
// into the bundle at build time (bookbuild.site.assets.runtime_bundle): the controls' ends, steps
// and choices are Python's own, never spelled again here.
import SETTINGS from "explorable-settings";

// Where a point goes when the reader switches surface: STARTS[kind][surface].
export const STARTS = SETTINGS.starts;
export const EXPERIMENTS = SETTINGS.experiments;

// The description of one setting: {default, type, min, max, whole, log, choices, ...}.
export function settingOf(kind, name) {
  const setting = SETTINGS.kinds[kind]?.[name];
  if (!setting) throw new Error(`explorables.settings has no setting ${name} for ${kind}`);
  return setting;
}

// A slider's or number input's range for a number setting: {min, max, log, step}; a whole
// number steps by 1, anything else by `step` (a fraction of its range unless given).
export function rangeOf(kind, name, step = null) {
  const { min, max, whole, log } = settingOf(kind, name);
  return { min, max, log, step: whole ? 1 : (step ?? (max - min) / 100) };
}

export function choicesOf(kind, name) {
  return settingOf(kind, name).choices;
}
