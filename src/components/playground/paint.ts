// Colours of the Playground's maps. The output map reuses the decision map's painters (decisionGrid.ts); what is new
// here is what the output means for each problem, and "discretize", which shows only the decision (TensorFlow
// Playground's checkbox). Pure functions, no DOM.
import {t} from "../../lib/i18n.js";
import type {RGB} from "../palette.js";

import type {ThemeColors} from "../theme.js";
import type {MatrixLike} from "../validate.js";
import type {Problem} from "./settings.js";

/**
 * Class colours: class 0 orange and class 1 blue, as on every two-class map of the course (blue for "1"), then green
 * and purple.
 */
export function classPalette(colors: Pick<ThemeColors, "negative" | "positive" | "series">): RGB[] {
  return [colors.negative, colors.positive, colors.series[2], colors.series[3]];
}

/** Plain names of the class colours, for labels and text alternatives (the dark theme's shades have the same hue). */
export const CLASS_COLOR_NAMES = ["orange", "blue", "green", "purple"] as const;

const CLASS_COLOR_KEYS = ["pg.color0", "pg.color1", "pg.color2", "pg.color3"] as const;

/** The name of class `c`'s colour in the page's language (CLASS_COLOR_NAMES are the English ones). */
export function classColorName(c: number): string {
  return t(CLASS_COLOR_KEYS[c] ?? "pg.color0");
}

/**
 * What the output map paints, written into `buffer`: for one output column a value from 0 (orange) through 0.5
 * (background) to 1 (blue): the probability of class 1, or a regression output v in [−1, 1] as (v + 1)/2; for k
 * columns, the k class probabilities. With `discretize`, only the decision: 0 or 1, or a one-hot row.
 */
export function outputShades(
  output: MatrixLike,
  problem: Problem,
  discretize: boolean,
  buffer: Float64Array
): MatrixLike {
  const {rows, cols, data} = output;
  if (buffer.length < rows * cols) throw new Error("outputShades: the buffer is too small");
  if (cols === 1) {
    for (let r = 0; r < rows; r++) {
      const v = data[r];
      const p = problem === "regression" ? (v + 1) / 2 : v;
      buffer[r] = discretize ? (p >= 0.5 ? 1 : 0) : Math.min(1, Math.max(0, p));
    }
  } else {
    for (let r = 0; r < rows; r++) {
      let best = 0;
      for (let j = 0; j < cols; j++) {
        buffer[r * cols + j] = data[r * cols + j];
        if (data[r * cols + j] > data[r * cols + best]) best = j;
      }
      if (discretize) for (let j = 0; j < cols; j++) buffer[r * cols + j] = j === best ? 1 : 0;
    }
  }
  return {rows, cols, data: buffer};
}

/** The shade (0 … 1) of a regression target or output, for drawing points in the colours of the map. */
export const valueShade = (v: number): number => Math.min(1, Math.max(0, (v + 1) / 2));
