// The Playground's settings in the address bar, so that a link reopens them: "#data=spiral&hidden=8,8&lr=0.03…".
// A link holds settings only. Each value is read against the list of what the controls offer (a name from a fixed
// list, or a number in range): nothing in a link is ever run, or pasted into code, as it stands. A value that is
// not understood is left at its default and named in `notes`.
import {t} from "../../lib/i18n.js";
import {FEATURE_IDS, type FeatureId} from "./features.js";
import {
  ACTIVATIONS,
  DATA_SETS,
  DEFAULT_SETTINGS,
  LEARNING_RATES,
  LIMITS,
  MAX_CLASSES,
  MAX_LAYERS,
  MAX_NEURONS,
  normalizeSettings,
  OPTIMIZERS,
  type PlaygroundSettings,
  PROBLEMS,
  REGULARIZATION_RATES,
  REGULARIZATIONS,
  SPEEDS
} from "./settings.js";

/** Short names in the link, by setting. */
const KEYS: Record<keyof PlaygroundSettings, string> = {
  problem: "problem",
  data: "data",
  classes: "classes",
  noise: "noise",
  trainRatio: "train",
  seed: "seed",
  features: "inputs",
  hidden: "hidden",
  activation: "activation",
  regularization: "reg",
  regularizationRate: "regRate",
  learningRate: "lr",
  optimizer: "optimizer",
  batchSize: "batch",
  showTest: "showTest",
  discretize: "discretize",
  speed: "speed"
};

/** The link's part after "#" for these settings (every setting, so a link does not depend on the defaults). */
export function encodeSettings(s: PlaygroundSettings): string {
  const value = (k: keyof PlaygroundSettings): string => {
    const v = s[k];
    if (Array.isArray(v)) return v.join(",");
    if (typeof v === "boolean") return v ? "1" : "0";
    return String(v);
  };
  return (Object.keys(KEYS) as (keyof PlaygroundSettings)[])
    .map((k) => `${KEYS[k]}=${encodeURIComponent(value(k)).replace(/%2C/g, ",")}`)
    .join("&");
}

type Reader = (raw: string) => unknown;

const oneOf =
  (names: readonly string[]): Reader =>
  (raw) =>
    names.includes(raw) ? raw : undefined;
const numberIn =
  (allowed: readonly number[]): Reader =>
  (raw) => {
    const v = Number(raw);
    return raw !== "" && allowed.includes(v) ? v : undefined;
  };
const integer =
  (min: number, max: number): Reader =>
  (raw) => {
    const v = Number(raw);
    return /^\d+$/.test(raw) && v >= min && v <= max ? v : undefined;
  };
const flag: Reader = (raw) =>
  raw === "1" || raw === "true" ? true : raw === "0" || raw === "false" ? false : undefined;

/** How to read each setting; undefined means "not understood". */
const READERS: Record<keyof PlaygroundSettings, Reader> = {
  problem: oneOf(PROBLEMS),
  data: oneOf(Object.keys(DATA_SETS)),
  classes: integer(2, MAX_CLASSES),
  noise: integer(LIMITS.noise.min, LIMITS.noise.max),
  trainRatio: integer(LIMITS.trainRatio.min, LIMITS.trainRatio.max),
  seed: integer(LIMITS.seed.min, LIMITS.seed.max),
  features: (raw) => {
    const ids = raw === "" ? [] : raw.split(",");
    return ids.length > 0 && ids.every((id) => (FEATURE_IDS as readonly string[]).includes(id))
      ? (ids as FeatureId[])
      : undefined;
  },
  hidden: (raw) => {
    const sizes = raw === "" ? [] : raw.split(",").map((n) => integer(1, MAX_NEURONS)(n));
    return sizes.length <= MAX_LAYERS && sizes.every((n) => n !== undefined) ? sizes : undefined;
  },
  activation: oneOf(Object.keys(ACTIVATIONS)),
  regularization: oneOf(Object.keys(REGULARIZATIONS)),
  regularizationRate: numberIn(REGULARIZATION_RATES),
  learningRate: numberIn(LEARNING_RATES),
  optimizer: oneOf(Object.keys(OPTIMIZERS)),
  batchSize: integer(LIMITS.batchSize.min, LIMITS.batchSize.max),
  showTest: flag,
  discretize: flag,
  speed: numberIn(SPEEDS)
};

/**
 * The settings a link asks for: every value it holds and understands, the defaults (or `base`) for the rest.
 * `given` lists the settings the link held; `notes` says what was not understood.
 */
export function decodeSettings(
  hash: string,
  base: PlaygroundSettings = DEFAULT_SETTINGS
): {settings: PlaygroundSettings; given: (keyof PlaygroundSettings)[]; notes: string[]} {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const byShortName = new Map(Object.entries(KEYS).map(([k, short]) => [short, k as keyof PlaygroundSettings]));
  const out: Record<string, unknown> = {...base};
  const given: (keyof PlaygroundSettings)[] = [];
  const notes: string[] = [];
  for (const [short, raw] of params) {
    const key = byShortName.get(short);
    if (!key) {
      notes.push(t("pg.url.notSetting", {short}));
      continue;
    }
    const value = READERS[key](raw);
    if (value === undefined)
      notes.push(t("pg.url.notValue", {short, raw: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}));
    else {
      out[key] = value;
      given.push(key);
    }
  }
  const normal = normalizeSettings(out as unknown as PlaygroundSettings);
  return {settings: normal.settings, given, notes: [...notes, ...normal.notes]};
}
