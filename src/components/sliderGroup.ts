// Several sliders read as one value, e.g. the weights and the bias of a neuron: view(sliderGroup({w1: …, w2: …, b: …}))
// gives {w1, w2, b} and follows any of the sliders.
import {type Control, controlRow, type SliderOptions, slider} from "./controls.js";
import {ensureStyles, extend} from "./theme.js";

/**
 * Several sliders in one row, read as one value: sliderGroup({w1: {label: "w₁", …}, b: {…}}).value is {w1, b}.
 * Each slider fires "input", so view(sliderGroup(…)) follows any of them.
 */
export function sliderGroup<K extends string>(
  specs: Record<K, SliderOptions>
): Control<Record<K, number>> & {readonly sliders: Record<K, Control<number>>} {
  ensureStyles();
  const keys = Object.keys(specs) as K[];
  if (keys.length === 0)
    throw new Error("sliderGroup: give at least one slider, e.g. {w1: {label: 'w₁', min: -1, max: 1}}.");
  const sliders = Object.fromEntries(keys.map((k) => [k, slider(specs[k])])) as Record<K, Control<number>>;
  const row = controlRow(...keys.map((k) => sliders[k]));
  return extend(row, {
    get value(): Record<K, number> {
      return Object.fromEntries(keys.map((k) => [k, sliders[k].value])) as Record<K, number>;
    },
    set value(v: Record<K, number>) {
      for (const k of keys) if (typeof v[k] === "number") sliders[k].value = v[k];
    },
    get sliders() {
      return sliders;
    }
  });
}
