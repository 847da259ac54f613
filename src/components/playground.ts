// 10. Playground trainer: a network learning a 2-feature data set live, as TensorFlow Playground shows it. The
// decision map with a small map for every hidden unit, the loss curve, and controls for the data set, the hidden
// layers and their units, the activation and the learning rate. Training runs full-batch gradient descent, a few
// epochs per animation frame, only while Play is on.
//
// Two ways to use it. On its own, the controls build the network (buildPlayground). With a live cell that writes
// the network out, pass onChange: a control then reports the new setting (the page rewrites the cell with
// rewritePlaygroundSource), and the page hands whatever the cell built to load(), which sets the controls to match.
import {type Dataset, type LossName, type Network, Trainer} from "../lib/nn/index.js";
import {fmt} from "./axes.js";
import {type PlayControls, playControls} from "./controls.js";
import {type DecisionMap, decisionMap} from "./decisionMap.js";
import {type LossCurve, type LossPoint, lossCurve} from "./lossCurve.js";
import {dropDown} from "./playground/widgets.js";
import {
  buildPlayground,
  DEFAULT_PLAYGROUND,
  HIDDEN_ACTIVATIONS,
  LEARNING_RATES,
  MAX_HIDDEN_LAYERS,
  MAX_UNITS,
  PLAYGROUND_DATA_NAMES,
  PLAYGROUND_DATASETS,
  type PlaygroundConfig,
  readPlayground
} from "./playgroundConfig.js";
import {ensureStyles, extend, h, lifecycle, setText, uid} from "./theme.js";
import {plural, words} from "./words.js";

export interface PlaygroundOptions {
  /** The first setting (default: XOR, one hidden layer of 2 tanh units, learning rate 1). */
  config?: Partial<PlaygroundConfig>;
  /**
   * Called when a control changes the setting, with the keys that changed. Without it the trainer builds the network
   * itself; with it, the page builds it (e.g. by rewriting a live cell) and calls load().
   */
  onChange?: (config: PlaygroundConfig, changed: (keyof PlaygroundConfig)[]) => void;
  /** Show every hidden unit's own map (default true). */
  neuronMaps?: boolean;
  /** Epochs per animation frame while playing (default 5). */
  epochsPerFrame?: number;
  /** Training pauses after this many epochs (default 5000). */
  maxEpochs?: number;
  /** Cells per side of the decision map (default 50: a quarter of the work of the map's usual 100, drawn smoothly). */
  resolution?: number;
  invalidation?: Promise<unknown>;
}

/** What load() takes: a data set with 2 features, a network with 2 inputs, and the learning rate. */
export interface PlaygroundRun {
  data: Pick<Dataset, "name" | "X" | "y"> & {classNames?: string[]};
  network: Network;
  learningRate: number;
}

export type Playground = HTMLDivElement & {
  /** Trains this network on this data set from now on (a copy: the network passed in is not changed). */
  load(run: PlaygroundRun): void;
  /** The setting the controls show. */
  readonly config: PlaygroundConfig;
  play(): void;
  pause(): void;
  /** Back to the network's first weights. */
  reset(): void;
  /** Epochs trained since the last load or reset. */
  readonly epoch: number;
  /** The loss of the last epoch (NaN before the first). */
  readonly loss: number;
  /** Redraws of the decision map so far (for measuring the frame rate). */
  readonly frames: number;
  readonly map: DecisionMap;
  destroy(): void;
};

const CSS = `
/* Contained, so that its redraws never make the browser repaint the rest of a long page. */
.nn-playground { contain: content; padding: 2px; }
.nn-playground .nn-playground-body { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: flex-start; }
.nn-playground .nn-playground-body > .nn-decision-map { flex: 1 1 300px; min-width: 0; max-width: 520px; }
.nn-playground .nn-playground-body > .nn-loss-curve { flex: 1 1 240px; min-width: 0; max-width: 420px; }
.nn-playground .nn-playground-units { display: contents; }
.nn-playground .nn-playground-readout { display: inline-block; min-width: 26ch; }
.nn-playground .nn-playground-status { font: 12px var(--monospace); color: var(--theme-foreground); min-height: 1.4em; }
.nn-playground input[type=checkbox] { accent-color: var(--nn-pos); }
`;

function ensurePlaygroundStyles(): void {
  ensureStyles();
  if (document.getElementById("nn-playground-style")) return;
  document.head.append(h("style", {id: "nn-playground-style"}, CSS));
}

const range = (from: number, to: number) => Array.from({length: to - from + 1}, (_, i) => from + i);

export function playground(options: PlaygroundOptions = {}): Playground {
  ensurePlaygroundStyles();
  const life = lifecycle(options.invalidation);
  const epochsPerFrame = options.epochsPerFrame ?? 5;
  const maxEpochs = options.maxEpochs ?? 5000;
  let config: PlaygroundConfig = {...DEFAULT_PLAYGROUND, ...options.config};
  config.hidden = [...config.hidden];

  // What is being trained: the run as loaded (kept for Reset), and the trainer moving a copy of its network.
  let loaded: PlaygroundRun | null = null;
  let trainer: Trainer | null = null;
  let lastLoss = Number.NaN;
  let notes = "";
  // Losses not drawn yet, and when the loss curve and the readout were last redrawn. On a long page every change of
  // text or SVG makes the browser repaint and re-layer the page (tens of milliseconds), while the canvases redraw on
  // their own: so the map follows every frame, and the words and the curve 4 times a second.
  let unshown: LossPoint[] = [];
  let shownAt = 0;

  const root = h("div", {class: "nn-fig nn-playground"}) as Playground;

  // Settings.
  const dataControl = dropDown(words("playground.data"));
  const layersControl = dropDown(words("playground.layers"));
  const unitsBox = h("div", {class: "nn-playground-units"});
  let unitControls: ReturnType<typeof dropDown>[] = [];
  const activationControl = dropDown(words("playground.activation"));
  const rateControl = dropDown(words("playground.rate"));
  const mapsId = uid("nn-playground");
  const mapsBox = h("input", {type: "checkbox", id: mapsId, checked: options.neuronMaps ?? true});
  const mapsControl = h(
    "div",
    {class: "nn-control"},
    mapsBox,
    h("label", {for: mapsId, text: words("playground.maps")})
  );
  const settings = h(
    "div",
    {class: "nn-controls", role: "group", "aria-label": words("playground.settings")},
    dataControl.root,
    layersControl.root,
    unitsBox,
    activationControl.root,
    rateControl.root,
    mapsControl
  );

  // Training.
  const status = h("div", {class: "nn-playground-status", role: "status"});
  const readout = h("span", {class: "nn-readout nn-playground-readout"});
  const player: PlayControls = playControls({
    onStep: () => step(),
    onReset: () => reset(),
    stepsPerFrame: epochsPerFrame,
    invalidation: options.invalidation
  });
  player.append(readout);
  // Pausing (or a single Step) shows the latest loss at once.
  player.addEventListener("input", () => {
    if (!player.value.playing) showProgress();
  });

  // Pictures: the map starts on an untrained placeholder until the first load.
  const initial = buildPlayground(config);
  const map: DecisionMap = decisionMap({
    model: initial.network,
    data: initial.data,
    hidden: mapsBox.checked,
    caption: false, // the readout prints the accuracy, at most 4 times a second
    resolution: options.resolution ?? 50,
    invalidation: options.invalidation
  });
  const curve: LossCurve = lossCurve({height: 220, yLabel: words("axis.loss"), invalidation: options.invalidation});
  root.append(settings, player, h("div", {class: "nn-playground-body"}, map, curve), status);

  function showConfig(): void {
    dataControl.show(
      PLAYGROUND_DATA_NAMES.map((d) => ({value: d, text: PLAYGROUND_DATASETS[d].label})),
      config.data
    );
    layersControl.show(
      range(0, MAX_HIDDEN_LAYERS).map((n) => ({value: String(n), text: String(n)})),
      String(config.hidden.length)
    );
    while (unitControls.length < config.hidden.length) {
      const control = dropDown(words("playground.units", {l: unitControls.length + 1}));
      const l = unitControls.length;
      control.select.addEventListener("change", () => {
        const hidden = [...config.hidden];
        hidden[l] = Number(control.select.value);
        change({hidden});
      });
      unitControls.push(control);
    }
    unitControls.slice(config.hidden.length).forEach((c) => {
      c.root.remove();
    });
    unitControls = unitControls.slice(0, config.hidden.length);
    unitControls.forEach((control, l) => {
      control.show(
        range(1, MAX_UNITS).map((n) => ({value: String(n), text: String(n)})),
        String(config.hidden[l])
      );
      if (control.root.parentElement !== unitsBox) unitsBox.append(control.root);
    });
    activationControl.show(
      HIDDEN_ACTIVATIONS.map((a) => ({value: a, text: a})),
      config.activation
    );
    activationControl.select.disabled = config.hidden.length === 0;
    rateControl.show(
      LEARNING_RATES.map((r) => ({value: String(r), text: String(r)})),
      String(config.learningRate)
    );
  }

  /** A control changed part of the setting. */
  function change(part: Partial<PlaygroundConfig>): void {
    const changed = (Object.keys(part) as (keyof PlaygroundConfig)[]).filter(
      (k) => JSON.stringify(part[k]) !== JSON.stringify(config[k])
    );
    if (changed.length === 0) return;
    config = {...config, ...part};
    showConfig();
    if (options.onChange) {
      setText(status, words("playground.rebuilding"));
      options.onChange(config, changed);
    } else {
      const built = buildPlayground(config);
      load({...built, learningRate: config.learningRate});
    }
  }

  dataControl.select.addEventListener("change", () => {
    change({data: dataControl.select.value as PlaygroundConfig["data"]});
  });
  layersControl.select.addEventListener("change", () => {
    const n = Number(layersControl.select.value);
    const last = config.hidden[config.hidden.length - 1] ?? 2;
    change({hidden: range(1, n).map((l) => config.hidden[l - 1] ?? last)});
  });
  activationControl.select.addEventListener("change", () => {
    change({activation: activationControl.select.value as PlaygroundConfig["activation"]});
  });
  rateControl.select.addEventListener("change", () => {
    change({learningRate: Number(rateControl.select.value)});
  });
  mapsBox.addEventListener("change", () => map.update({hidden: mapsBox.checked}));

  /** The loss for the network's output layer: one sigmoid unit, k softmax units, or one raw score. */
  function lossFor(network: Network): {loss: LossName; fromLogits: boolean} {
    const out = network.layers[network.layers.length - 1];
    if (out.activation === "sigmoid" && out.units === 1) return {loss: "binaryCrossEntropy", fromLogits: false};
    if (out.activation === "softmax") return {loss: "crossEntropy", fromLogits: false};
    if (out.activation === "identity")
      return {loss: out.units === 1 ? "binaryCrossEntropy" : "crossEntropy", fromLogits: true};
    throw new Error(words("playground.output", {n: out.units, activation: out.activation, s: plural(out.units)}));
  }

  function load(run: PlaygroundRun): void {
    const wasPlaying = player.value.playing;
    loaded = run;
    const read = readPlayground(run.data, run.network, run.learningRate);
    config = {
      data: read.data ?? config.data,
      hidden: read.hidden,
      activation: (read.activation ?? config.activation) as PlaygroundConfig["activation"],
      learningRate: read.learningRate
    };
    showConfig();
    if (read.data === null) {
      const listed = [...dataControl.select.options].map((o) => ({value: o.value, text: o.text}));
      dataControl.show(listed, run.data.name);
    }
    notes = read.notes.length ? words("playground.note", {notes: read.notes.join(words("list.semicolon"))}) : "";
    player.reset(); // pauses, counts from 0 and calls reset()
    if (wasPlaying && trainer) player.play();
  }

  /** Starts training a fresh copy of the loaded network (Reset, and after every load). */
  function reset(): void {
    if (!loaded) return;
    try {
      const run = loaded;
      if (run.network.inputs !== 2) throw new Error(words("playground.inputs", {n: run.network.inputs}));
      const net = run.network.clone();
      const {loss, fromLogits} = lossFor(net);
      trainer = new Trainer(net, run.data.X, run.data.y, {
        loss,
        fromLogits,
        learningRate: run.learningRate,
        maxIter: maxEpochs
      });
      lastLoss = Number.NaN;
      unshown = [];
      curve.clear();
      map.update({model: net, data: run.data, classes: run.data.classNames, logits: fromLogits});
      setText(status, notes);
    } catch (error) {
      trainer = null;
      setText(status, words("playground.cannot", {message: (error as Error).message}));
    }
    showProgress();
  }

  /** Draws the losses not drawn yet and rewrites the readout: now, or when `now` is false, at most 4 times a second. */
  function showProgress(now = true): void {
    if (!now && performance.now() - shownAt < 250) return;
    shownAt = performance.now();
    if (unshown.length) curve.push(unshown);
    unshown = [];
    const parts: string[] = [];
    if (Number.isFinite(lastLoss)) {
      parts.push(words("playground.loss", {v: lastLoss.toFixed(4)}));
      if (Number.isFinite(map.accuracy)) parts.push(words("playground.accuracy", {v: fmt(map.accuracy * 100)}));
    }
    setText(readout, parts.join(" · "));
  }

  /** One epoch of full-batch gradient descent; false when training cannot go on (finished, or diverged). */
  function step(): boolean {
    if (!trainer || trainer.done) return false;
    try {
      const progress = trainer.runEpoch();
      lastLoss = progress.loss;
      // Every 5th epoch is enough for the curve (at most 1000 points), and keeps its redraws cheap.
      if (progress.epoch % 5 === 0 || progress.epoch === 1 || progress.done)
        unshown.push({epoch: progress.epoch, loss: progress.loss});
      map.update();
      showProgress(progress.done);
      if (progress.done) setText(status, words("playground.paused", {n: progress.epoch}));
      return !progress.done;
    } catch (error) {
      showProgress();
      setText(status, (error as Error).message);
      return false;
    }
  }

  showConfig();
  life.add(() => {
    player.destroy();
    map.destroy();
    curve.destroy();
  });
  if (!options.onChange) load({...initial, learningRate: config.learningRate});

  return extend(root, {
    load,
    get config() {
      return {...config, hidden: [...config.hidden]};
    },
    play: () => player.play(),
    pause: () => player.pause(),
    reset: () => player.reset(),
    get epoch() {
      return trainer?.epoch ?? 0;
    },
    get loss() {
      return lastLoss;
    },
    get frames() {
      return map.frames;
    },
    map,
    destroy: life.destroy
  });
}
