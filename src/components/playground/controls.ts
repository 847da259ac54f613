// The Playground's settings controls, in three groups: training (TensorFlow Playground's top bar, plus the
// optimizer and the pace), data (the data set, its classes, noise and split) and view. Each control reports the
// part of the setting it changes; show() sets them all from a setting (after a link, a cell or a model file).

import {t} from "../../lib/i18n.js";
import {h} from "../theme.js";
import type {PlaygroundData} from "./data.js";
import {
  ACTIVATIONS,
  DATA_SET_NAMES,
  DATA_SETS,
  dataSetLabel,
  LEARNING_RATES,
  LIMITS,
  OPTIMIZERS,
  type PlaygroundSettings,
  PROBLEMS,
  REGULARIZATION_RATES,
  REGULARIZATIONS,
  SPEEDS
} from "./settings.js";
import {checkBox, dropDown, rangeInput} from "./widgets.js";

// The words of each choice, in the page's language (the values, which links and files hold, never change).
const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as (keyof typeof ACTIVATIONS)[];
const REGULARIZATION_NAMES = Object.keys(REGULARIZATIONS) as (keyof typeof REGULARIZATIONS)[];
const OPTIMIZER_NAMES = Object.keys(OPTIMIZERS) as (keyof typeof OPTIMIZERS)[];

const options = (entries: readonly (readonly [string | number, string])[]) =>
  entries.map(([value, text]) => ({value: String(value), text}));

/** Every settings control, wired to `onChange`. */
export function settingsControls(onChange: (part: Partial<PlaygroundSettings>) => void) {
  const rate = dropDown(t("pg.learningRate"));
  const activation = dropDown(t("pg.activation"));
  const regularization = dropDown(t("pg.regularization"));
  const regularizationRate = dropDown(t("pg.regularizationRate"));
  const problem = dropDown(t("pg.problem"));
  const optimizer = dropDown(t("pg.optimizer"));
  const batch = rangeInput(t("pg.batchSize"), LIMITS.batchSize);
  const speed = dropDown(t("pg.speed"));
  const data = dropDown(t("pg.data"));
  const classes = dropDown(t("pg.classes"));
  const noise = rangeInput(t("pg.noise"), LIMITS.noise, (v) => `${v} %`);
  const ratio = rangeInput(t("pg.trainRatio"), LIMITS.trainRatio, (v) => `${v} %`);
  const regenerate = h("button", {type: "button", text: t("pg.regenerate")});
  const showTest = checkBox(t("pg.showTest"));
  const discretize = checkBox(t("pg.discretize"));
  let current: PlaygroundSettings | null = null;

  const on = <E extends HTMLElement>(element: E, event: string, part: () => Partial<PlaygroundSettings>) =>
    element.addEventListener(event, () => onChange(part()));
  on(rate.select, "change", () => ({learningRate: Number(rate.select.value)}));
  on(activation.select, "change", () => ({activation: activation.select.value as PlaygroundSettings["activation"]}));
  on(regularization.select, "change", () => ({
    regularization: regularization.select.value as PlaygroundSettings["regularization"]
  }));
  on(regularizationRate.select, "change", () => ({regularizationRate: Number(regularizationRate.select.value)}));
  on(problem.select, "change", () => ({problem: problem.select.value as PlaygroundSettings["problem"]}));
  on(optimizer.select, "change", () => ({optimizer: optimizer.select.value as PlaygroundSettings["optimizer"]}));
  on(batch.input, "change", () => ({batchSize: Number(batch.input.value)}));
  on(speed.select, "change", () => ({speed: Number(speed.select.value)}));
  on(data.select, "change", () => ({data: data.select.value as PlaygroundSettings["data"]}));
  on(classes.select, "change", () => ({classes: Number(classes.select.value)}));
  on(noise.input, "change", () => ({noise: Number(noise.input.value)}));
  on(ratio.input, "change", () => ({trainRatio: Number(ratio.input.value)}));
  on(regenerate, "click", () => ({seed: ((current?.seed ?? 0) + 1) % (LIMITS.seed.max + 1)}));
  on(showTest.input, "change", () => ({showTest: showTest.input.checked}));
  on(discretize.input, "change", () => ({discretize: discretize.input.checked}));

  const group = (label: string, ...children: HTMLElement[]) =>
    h("div", {class: "nn-controls nn-pg-group", role: "group", "aria-label": label}, ...children);

  return {
    training: group(
      t("pg.trainingSettings"),
      rate.root,
      activation.root,
      regularization.root,
      regularizationRate.root,
      problem.root,
      optimizer.root,
      batch.root,
      speed.root
    ),
    data: group(t("pg.dataSettings"), data.root, classes.root, noise.root, ratio.root, regenerate),
    view: group(t("pg.mapSettings"), showTest.root, discretize.root),
    /** Shows a setting; `own` data (the learner's points) replaces the data set's name and turns off its noise. */
    show(s: PlaygroundSettings, own: PlaygroundData | null) {
      current = s;
      rate.show(options(LEARNING_RATES.map((r) => [r, String(r)])), String(s.learningRate));
      activation.show(options(ACTIVATION_NAMES.map((a) => [a, t(`pg.act.${a}`)])), s.activation);
      activation.select.disabled = s.hidden.length === 0;
      regularization.show(options(REGULARIZATION_NAMES.map((r) => [r, t(`pg.reg.${r}`)])), s.regularization);
      regularizationRate.show(options(REGULARIZATION_RATES.map((r) => [r, String(r)])), String(s.regularizationRate));
      regularizationRate.select.disabled = s.regularization === "none";
      problem.show(options(PROBLEMS.map((p) => [p, t(`pg.problem.${p}`)])), s.problem);
      optimizer.show(options(OPTIMIZER_NAMES.map((o) => [o, t(`pg.opt.${o}`)])), s.optimizer);
      batch.show(s.batchSize);
      speed.show(options(SPEEDS.map((v) => [v, String(v)])), String(s.speed));
      const sets = DATA_SET_NAMES.filter((d) => DATA_SETS[d].problem === s.problem).map(
        (d) => [d, dataSetLabel(d)] as const
      );
      const own$ = own ? [["own", t("pg.yourPointsCount", {n: own.points.length})] as const] : [];
      data.show(options([...sets, ...own$]), own ? "own" : s.data);
      const max = DATA_SETS[s.data].maxClasses;
      classes.show(
        options(Array.from({length: Math.max(1, max - 1)}, (_, i) => [i + 2, String(i + 2)])),
        String(s.classes)
      );
      classes.select.disabled = s.problem === "regression";
      noise.show(s.noise);
      noise.input.disabled = !!own;
      ratio.show(s.trainRatio);
      showTest.input.checked = s.showTest;
      discretize.input.checked = s.discretize;
    }
  };
}
