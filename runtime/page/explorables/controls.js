// Labelled form controls for the explorables: native inputs, operable by keyboard, each with its
// value visible beside it. `onInput` fires while a slider moves (the figure redraws); `onChange`
// when the reader lets go, and only then is the new value announced (politely, once), not on
// every pixel of a drag.
import { element } from "../cell-view.js";

let nextId = 0;
const uniqueId = (name) => {
  nextId += 1;
  return `bp-control-${name}-${nextId}`;
};

export class ControlPanel {
  constructor(container, { label }) {
    this.container = container;
    container.replaceChildren();
    container.setAttribute("role", "group");
    container.setAttribute("aria-label", label);
    this.announcer = element("p", { class: "bp-visually-hidden", "aria-live": "polite" });
    container.append(this.announcer);
  }

  announce(text) {
    this.announcer.textContent = text;
  }

  field(labelText, input, output = null) {
    const id = uniqueId(labelText.replace(/\W+/g, "-").toLowerCase());
    input.id = id;
    const label = element("label", { for: id, class: "bp-control__label" }, labelText);
    const field = element("div", { class: "bp-control" });
    field.append(label, input);
    if (output) field.append(output);
    this.container.insertBefore(field, this.announcer);
    return field;
  }

  // A slider. With `log`, the slider moves the exponent: min and max are the values at its ends,
  // and `logStep` is one keyboard step, in decades.
  range({ label, min, max, step, value, log = false, logStep = 0.01, format = (v) => String(v), onInput, onChange }) {
    const toSlider = (v) => (log ? Math.log10(v) : v);
    const fromSlider = (s) => (log ? Number((10 ** s).toPrecision(3)) : Number(s));
    const input = element("input", {
      type: "range",
      min: toSlider(min),
      max: toSlider(max),
      step: log ? logStep : step,
      value: toSlider(value),
    });
    const output = element("output", { class: "bp-control__value", for: "" }, format(value));
    const read = () => fromSlider(Number(input.value));
    input.addEventListener("input", () => {
      output.textContent = format(read());
      input.setAttribute("aria-valuetext", format(read()));
      onInput?.(read());
    });
    input.addEventListener("change", () => {
      this.announce(`${label}: ${format(read())}`);
      onChange?.(read());
    });
    input.setAttribute("aria-valuetext", format(value));
    this.field(label, input, output);
    return {
      input,
      get value() {
        return read();
      },
      set value(v) {
        input.value = toSlider(v);
        output.textContent = format(v);
        input.setAttribute("aria-valuetext", format(v));
      },
    };
  }

  number({ label, min, max, step, value, onChange }) {
    const input = element("input", { type: "number", min, max, step, value, inputmode: "decimal" });
    input.addEventListener("change", () => {
      const number = Number(input.value);
      if (input.value === "" || !Number.isFinite(number) || number < min || number > max) {
        input.setAttribute("aria-invalid", "true");
        this.announce(`${label} must be between ${min} and ${max}.`);
        return;
      }
      input.removeAttribute("aria-invalid");
      this.announce(`${label}: ${number}`);
      onChange?.(number);
    });
    this.field(label, input);
    return input;
  }

  select({ label, options, value, onChange }) {
    const input = element("select");
    for (const option of options) {
      const [optionValue, text] = Array.isArray(option) ? option : [option, option];
      input.append(element("option", { value: optionValue }, text));
    }
    input.value = value;
    input.addEventListener("change", () => {
      this.announce(`${label}: ${input.selectedOptions[0].textContent}`);
      onChange?.(input.value);
    });
    this.field(label, input);
    return input;
  }

  button(label, onClick, attributes = {}) {
    const button = element("button", { type: "button", class: "bp-button", ...attributes }, label);
    button.addEventListener("click", onClick);
    this.container.insertBefore(button, this.announcer);
    return button;
  }

  // A line of text that says what the figure shows now (read by screen readers when it changes).
  status() {
    const line = element("p", { class: "bp-explorable__status", role: "status" });
    this.container.after(line);
    return line;
  }
}
