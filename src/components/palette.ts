// Colours for every component: the Okabe–Ito palette (distinguishable with the common colour-vision
// deficiencies), one shade for light pages and a lighter shade of the same hue for dark pages.
// Pure data and maths only, so it can be unit-tested in Node.

/** The eight Okabe–Ito colours. */
export const OKABE_ITO = {
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  green: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  black: "#000000"
} as const;

export type Scheme = "light" | "dark";

/** Series / class colours, in order. Same hue family in both schemes, lighter on dark pages. */
export const SERIES: Record<Scheme, readonly string[]> = {
  light: [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.green, OKABE_ITO.purple, OKABE_ITO.orange, "#8C6D31"],
  dark: [OKABE_ITO.skyBlue, OKABE_ITO.orange, "#2BC59A", "#E3A3C8", OKABE_ITO.yellow, "#C9A76B"]
};

/** Sign colours for weights and the binary probability map: positive / class 1 blue, negative / class 0 orange. */
export const SIGN: Record<Scheme, {positive: string; negative: string}> = {
  light: {positive: OKABE_ITO.blue, negative: OKABE_ITO.vermillion},
  dark: {positive: OKABE_ITO.skyBlue, negative: OKABE_ITO.orange}
};

/** The i-th series colour (wraps around). */
export function seriesColor(i: number, scheme: Scheme = "light"): string {
  const colors = SERIES[scheme];
  return colors[((i % colors.length) + colors.length) % colors.length];
}

export type RGB = readonly [number, number, number];

/** Parses #rgb / #rrggbb / rgb(…) / rgba(…) into 0–255 channels; throws on anything else. */
export function parseColor(color: string): RGB {
  const s = color.trim();
  let m = /^#([0-9a-f]{3})$/i.exec(s);
  if (m) return [0, 1, 2].map((i) => Number.parseInt(m?.[1][i].repeat(2) ?? "0", 16)) as unknown as RGB;
  m = /^#([0-9a-f]{6})$/i.exec(s);
  if (m) return [0, 2, 4].map((i) => Number.parseInt(m?.[1].slice(i, i + 2) ?? "0", 16)) as unknown as RGB;
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  throw new Error(`Cannot parse the colour "${color}": expected #rrggbb or rgb(r, g, b).`);
}

/** Linear interpolation between two colours, t in [0, 1] (clamped). */
export function mix(a: RGB, b: RGB, t: number): RGB {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5));
  return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u];
}

/**
 * Colour of a probability p of class 1 on a diverging map: p = 0 → `negative`, p = 0.5 → `neutral`
 * (the page background, so the boundary fades into the page), p = 1 → `positive`.
 * `strength` (0–1) says how saturated the extremes are, so data points on top stay visible.
 */
export function probabilityColor(p: number, negative: RGB, neutral: RGB, positive: RGB, strength = 0.75): RGB {
  const q = Math.min(1, Math.max(0, Number.isFinite(p) ? p : 0.5));
  return q < 0.5 ? mix(neutral, negative, (0.5 - q) * 2 * strength) : mix(neutral, positive, (q - 0.5) * 2 * strength);
}

/**
 * Colour of a multi-class prediction: the winning class's colour, blended with the background by confidence
 * (a uniform guess over k classes → background, certainty → `strength`).
 */
export function classColor(
  probabilities: ArrayLike<number>,
  colors: readonly RGB[],
  neutral: RGB,
  strength = 0.75
): RGB {
  const k = probabilities.length;
  let best = 0;
  for (let i = 1; i < k; i++) if (probabilities[i] > probabilities[best]) best = i;
  const confidence = k > 1 ? (probabilities[best] - 1 / k) / (1 - 1 / k) : 1;
  return mix(neutral, colors[best % colors.length], confidence * strength);
}

/** WCAG relative luminance of a colour (0 black – 1 white). */
export function luminance([r, g, b]: RGB): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio between two colours (1–21). */
export function contrast(a: RGB, b: RGB): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `background`. */
export function textOn(background: RGB): string {
  return contrast(background, [0, 0, 0]) >= contrast(background, [255, 255, 255]) ? "#000" : "#fff";
}
