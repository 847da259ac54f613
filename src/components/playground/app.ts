// The Playground: everything TensorFlow Playground does (data sets, features, layers, activation, regularisation,
// learning rate, batch size, problem type, play/step/reset, losses, a map on every node, links to read and edit,
// test data, discretize, the whole setting in the link), plus more than two classes, momentum and Adam, the math of
// each neuron, the learner's own points (click, drag, CSV), and the model saved to a file and loaded back.
//
// This file wires the parts together; each part is a file of its own. Training runs in the animation frame, within
// a time budget per frame (session.ts), so the page never freezes; the maps redraw every frame while it trains and
// the words (losses, the curve, text alternatives) four times a second.
//
// Two ways to use it. On its own, the controls build the network (cell.ts: buildNetwork). With `onChange`, a live
// cell builds it: a control reports the new setting (the page rewrites the cell with rewritePlaygroundCell), and the
// page hands what the cell built to load(), which sets the controls to match.

import {t} from "../../lib/i18n.js";
import {Matrix, type Network, Random} from "../../lib/nn/index.js";
import {fmt} from "../axes.js";
import {paintOutputs, paintUnit} from "../decisionGrid.js";
import {type LossPoint, lossCurve} from "../lossCurve.js";
import {extend, followWidth, h, lifecycle, setText, type ThemeColors, themeColors, watchVisibility} from "../theme.js";
import {buildNetwork, type CellValues, readCell, trainOptions} from "./cell.js";
import {settingsControls} from "./controls.js";
import {CsvError, parseCsv} from "./csv.js";
import {dataToCSV, domainAround, generateData, type PlaygroundData, split} from "./data.js";
import {FEATURE_IDS, FEATURES, type FeatureId, featureMatrix} from "./features.js";
import {extremes, Grid} from "./grid.js";
import {modelFromFile, modelToFile} from "./modelFile.js";
import {type NodeTarget, networkView, nodeWords, sameTarget} from "./networkView.js";
import {neuronCard} from "./neuronCard.js";
import {type MapTool, outputMap} from "./outputMap.js";
import {classColorName, classPalette, outputShades} from "./paint.js";
import {type Scores, Session, sameArchitecture, sameNetwork} from "./session.js";
import {
  changedKeys,
  DEFAULT_SETTINGS,
  MODEL_KEYS,
  normalizeSettings,
  outputUnits,
  type PlaygroundSettings,
  type SettingKey
} from "./settings.js";
import {ensurePlaygroundStyles} from "./styles.js";
import {decodeSettings, encodeSettings} from "./url.js";
import {download, dropDown, fileInput, rangeInput} from "./widgets.js";

export interface PlaygroundAppOptions {
  /** The first setting (default: TensorFlow Playground's circle, 2 inputs, layers of 4 and 2 tanh neurons). */
  settings?: Partial<PlaygroundSettings>;
  /** Read the setting from the page's address (#…), keep the address up to date, and follow it when it changes. */
  url?: boolean;
  /** A model setting changed (see the file's comment); without it, the playground builds the network itself. */
  onChange?: (settings: PlaygroundSettings, changed: SettingKey[]) => void;
  /** Cells per side of the maps' grid (default 50). */
  resolution?: number;
  invalidation?: Promise<unknown>;
}

export type PlaygroundApp = HTMLDivElement & {
  /** Trains what a live cell built: {inputs, network, training} (the network is copied). */
  load(values: CellValues): void;
  readonly settings: PlaygroundSettings;
  readonly data: PlaygroundData;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  readonly playing: boolean;
  /** Epochs trained since the start or the last reset. */
  readonly epoch: number;
  /** Redraws of the maps so far (for measuring the frame rate). */
  readonly frames: number;
  readonly scores: Scores | null;
  /** The network being trained. */
  readonly network: Network | null;
  destroy(): void;
};

/** Milliseconds of training per animation frame at most, leaving the rest of a 60 Hz frame for drawing. */
const TRAIN_BUDGET_MS = 8;
/** Points the loss curve keeps at most: beyond that, every other one is dropped. */
const CURVE_POINTS = 600;
const DATA_KEYS: readonly SettingKey[] = ["problem", "data", "classes", "noise", "trainRatio", "seed"];

export function playgroundApp(options: PlaygroundAppOptions = {}): PlaygroundApp {
  ensurePlaygroundStyles();
  const life = lifecycle(options.invalidation);
  const res = options.resolution ?? 50;
  const base = normalizeSettings({...DEFAULT_SETTINGS, ...options.settings}).settings;
  const fromUrl = options.url ? decodeSettings(location.hash, base) : null;
  let settings = fromUrl?.settings ?? base;
  /** Model settings a link asked for: the first load rewrites the cell to them rather than adopt the cell's. */
  let linkWins: SettingKey[] = fromUrl ? MODEL_KEYS.filter((k) => fromUrl.given.includes(k)) : [];
  let data = generateData(settings);
  let session: Session | null = null;
  let cellNetwork: Network | null = null; // the network the cell built last (before any training)
  let pending: Network | null = null; // weights from a model file, waiting for the cell to build their architecture
  let grid: Grid | null = null;
  let allFeatures: {grid: Grid; maps: ReturnType<typeof featureMatrix>} | null = null;
  let colors: ThemeColors | null = null;
  let playing = false;
  let frames = 0;
  let scores: Scores | null = null;
  let curve: LossPoint[] = [];
  let curveStride = 1;
  let looked: NodeTarget | null = null; // under the pointer or focused
  let selected: NodeTarget | null = null;
  let dirty = true;
  let scheduled = false;
  let wordsAt = 0;
  const shades = new Float64Array(res * res * 4);

  const root = h("div", {class: "nn-fig nn-pg"}) as PlaygroundApp;
  const status = h("p", {class: "nn-pg-status", role: "status"});
  const say = (text: string) => setText(status, text);
  const REBUILDING = t("pg.rebuilding");
  const WAITING = t("pg.waiting");

  // Running: play, step, reset, the epoch.
  const playButton = h("button", {type: "button", "aria-pressed": "false", text: t("pg.play")});
  const stepButton = h("button", {type: "button", text: t("pg.step")});
  const resetButton = h("button", {type: "button", text: t("pg.reset")});
  const epochText = h("span", {class: "nn-pg-epoch", "aria-live": "off", text: t("pg.epoch", {n: 0})});
  const controls = settingsControls((part) => change(part, {picked: "data" in part}));
  const bar = h(
    "div",
    {class: "nn-pg-bar"},
    h(
      "div",
      {class: "nn-controls", role: "group", "aria-label": t("pg.trainingControls")},
      playButton,
      stepButton,
      resetButton,
      epochText
    )
  );

  // Data: the learner's points.
  const tool = dropDown(t("pg.tool"));
  const pointValue = rangeInput(t("pg.pointValue"), {min: -1, max: 1, step: 0.1}, (v) => v.toFixed(1));
  pointValue.show(1);
  const csvError = h("p", {class: "nn-error", role: "alert"});
  const csvInput = fileInput(t("pg.loadCsv"), ".csv,text/csv,text/plain", loadCsv);
  const savePoints = h("button", {type: "button", text: t("pg.savePoints")});

  // Output.
  const scoresText = h("div", {class: "nn-pg-scores", "aria-live": "off"});
  const loss = lossCurve({
    height: 150,
    xLabel: t("pg.epochAxis"),
    yLabel: t("pg.loss"),
    invalidation: options.invalidation
  });
  const mapCaption = h("p", {class: "nn-pg-hint"});
  const tableBox = h("details", {class: "nn-pg-table"}, h("summary", {text: t("pg.tableSummary")}));
  const table = h("table");
  tableBox.append(table);

  // Files and the link.
  const exportButton = h("button", {type: "button", text: t("pg.exportModel")});
  const modelInput = fileInput(t("pg.loadModel"), ".json,application/json", loadModel);
  const modelError = h("p", {class: "nn-error", role: "alert"});
  const linkInput = h("input", {
    type: "text",
    readonly: true,
    id: `nn-pg-link-${Math.random().toString(36).slice(2, 8)}`
  });
  const copyLink = h("button", {type: "button", text: t("pg.copyLink")});

  const view = networkView(
    {
      onToggleFeature(id) {
        const on = settings.features.includes(id);
        if (on && settings.features.length === 1) {
          say(t("pg.needsInput"));
          return;
        }
        change({features: on ? settings.features.filter((f) => f !== id) : [...settings.features, id]});
      },
      onHidden: (hidden) => change({hidden}),
      onLook(target) {
        looked = target;
        view.setLooked(target);
        showCard();
        describeMap();
        invalidate();
      },
      onSelect(target) {
        selected = sameTarget(selected, target) ? null : target;
        view.setSelected(selected);
        showCard();
      },
      onWeight: editWeight
    },
    life
  );
  const card = neuronCard(editWeight, describeNode);
  const map = outputMap(
    {
      onAdd(x1, x2) {
        const y = tool.select.value === "add" ? Number(pointValue.input.value) : Number(tool.select.value.slice(4));
        const points = [...data.points, {x1, x2, y, test: false}];
        setOwnData(points);
        return points.length - 1;
      },
      onMove(index, x1, x2) {
        setOwnData(data.points.map((p, i) => (i === index ? {...p, x1, x2} : p)));
      },
      onRemove(index) {
        setOwnData(data.points.filter((_, i) => i !== index));
      },
      announce: say
    },
    life
  );

  const column = (title: string, className: string, ...children: HTMLElement[]) =>
    h("div", {class: `nn-pg-column ${className}`}, h("p", {class: "nn-pg-title", text: title}), ...children);
  root.append(
    bar,
    controls.training,
    h(
      "div",
      {class: "nn-pg-datarow"},
      controls.data,
      h("div", {class: "nn-controls nn-pg-group"}, csvInput.root, savePoints),
      csvError
    ),
    h(
      "div",
      {class: "nn-pg-columns"},
      column(
        t("pg.network"),
        "nn-pg-wide",
        view.root,
        h("p", {
          class: "nn-pg-hint",
          text: t("pg.networkHint")
        }),
        card.root
      ),
      column(
        t("pg.output"),
        "nn-pg-output",
        scoresText,
        map.root,
        mapCaption,
        controls.view,
        h("div", {class: "nn-controls nn-pg-group"}, tool.root, pointValue.root),
        tableBox,
        loss
      )
    ),
    h(
      "div",
      {class: "nn-pg-files"},
      exportButton,
      modelInput.root,
      h(
        "div",
        {class: "nn-control nn-pg-link"},
        h("label", {for: linkInput.id, text: t("pg.linkLabel")}),
        linkInput,
        copyLink
      )
    ),
    modelError,
    status
  );

  // ————— Settings —————

  /**
   * Applies part of a setting. `data` replaces the points (a CSV file); `model` is a network to start from (a
   * model file); `picked` says the data set menu was used (which regenerates even the same data set).
   */
  function change(
    part: Partial<PlaygroundSettings>,
    how: {data?: PlaygroundData; model?: Network; picked?: boolean} = {}
  ): void {
    const next = normalizeSettings({...settings, ...part}).settings;
    const changed = changedKeys(settings, next);
    const regenerate = how.picked && data.own;
    if (changed.length === 0 && !how.data && !how.model && !regenerate) return;
    const before = settings;
    settings = next;
    // The data.
    let newData: PlaygroundData | null = how.data ?? null;
    const dataChanged = changed.filter((k) => DATA_KEYS.includes(k));
    if (!newData && (dataChanged.length || regenerate)) {
      if (data.own && !regenerate && dataChanged.every((k) => k === "trainRatio" || k === "classes")) {
        let points = data.points;
        if (changed.includes("classes")) {
          points = points.filter((p) => p.y < settings.classes);
          const dropped = data.points.length - points.length;
          if (dropped)
            say(t("pg.dropped", {n: dropped, s: dropped === 1 ? "" : "s", were: dropped === 1 ? "was" : "were"}));
        }
        if (changed.includes("trainRatio")) points = split(points, settings.trainRatio, new Random(settings.seed));
        newData = {...data, points, classes: settings.classes};
      } else newData = generateData(settings);
    }
    if (newData) data = newData;
    if (how.model) pending = how.model;
    showSettings();
    const model = changed.filter((k) => (MODEL_KEYS as readonly string[]).includes(k));
    const needsNetwork = model.length > 0 || !!how.model;
    if (needsNetwork && options.onChange && model.length > 0) {
      // The cell builds the network; until it has, training waits (the output layer may not fit the data yet).
      if (
        model.some(
          (k) => k !== "learningRate" && k !== "optimizer" && k !== "batchSize" && !k.startsWith("regularization")
        )
      )
        pause();
      say(REBUILDING);
      options.onChange(settings, model);
    } else if (needsNetwork && !options.onChange) {
      start(pending ?? buildNetwork(settings), trainOptions(settings), model.every(trainingOnly) && !how.model);
      pending = null;
    } else if (how.model && pending && session) {
      start(pending, session.training, false);
      pending = null;
    } else if (newData && session) {
      session.setData(data);
      // A new data set, or a file of points, starts from the first weights, as in TensorFlow Playground; the
      // learner's own points, split anew, go on training.
      if (!data.own || how.data) {
        session.reset();
        restartCurve();
      }
      afterDataChange();
    }
    if (changed.includes("showTest") || changed.includes("discretize")) invalidate();
    if (before.problem !== settings.problem || before.classes !== settings.classes) grid = null;
  }

  const trainingOnly = (k: SettingKey) =>
    k === "learningRate" ||
    k === "optimizer" ||
    k === "batchSize" ||
    k === "regularization" ||
    k === "regularizationRate";

  /** Starts training `network` (copied) with `training`; keeps the current weights when only the options changed. */
  function start(network: Network, training: ReturnType<typeof trainOptions>, keepWeights: boolean): void {
    try {
      if (keepWeights && session && sameArchitecture(session.network, network)) {
        session.setTraining(training);
      } else {
        session = new Session({data, features: settings.features, network, training});
        restartCurve();
      }
      modelError.textContent = "";
      afterDataChange();
    } catch (error) {
      pause();
      say(t("pg.cannotTrain", {message: (error as Error).message}));
    }
  }

  function afterDataChange(): void {
    grid = null;
    layout();
    showCard();
    showWords(true);
    invalidate();
  }

  /** The controls, the network picture's layout, the tools and the link, for the current setting. */
  function showSettings(): void {
    controls.show(settings, data.own ? data : null);
    const classes = Array.from({length: data.problem === "regression" ? 0 : data.classes}, (_, c) => ({
      value: `add ${c}`,
      text: t("pg.toolAddClass", {c, color: classColorName(c)})
    }));
    const adds = data.problem === "regression" ? [{value: "add", text: t("pg.toolAdd")}] : classes;
    const current = tool.select.value || "move";
    const list = [{value: "move", text: t("pg.toolMove")}, ...adds, {value: "remove", text: t("pg.toolRemove")}];
    tool.show(list, list.some((o) => o.value === current) ? current : "move");
    pointValue.root.hidden = data.problem !== "regression";
    setTool();
    layout();
    writeUrl();
  }

  function setTool(): void {
    const v = tool.select.value;
    const next: MapTool =
      v === "remove"
        ? {kind: "remove"}
        : v.startsWith("add")
          ? {kind: "add", y: v === "add" ? Number(pointValue.input.value) : Number(v.slice(4))}
          : {kind: "move"};
    map.setTool(next);
  }
  tool.select.addEventListener("change", setTool);
  pointValue.input.addEventListener("input", setTool);

  function layout(): void {
    const net = session?.network;
    view.layout(
      {
        features: session?.features ?? settings.features,
        hidden: net ? net.layers.slice(0, -1).map((l) => l.units) : settings.hidden,
        outputs: net?.outputs ?? outputUnits(settings),
        problem: settings.problem
      },
      Math.max(240, networkWidth)
    );
  }

  function writeUrl(): void {
    const hash = `#${encodeSettings(settings)}`;
    if (options.url && location.hash !== hash) history.replaceState(history.state, "", hash);
    linkInput.value = options.url ? location.href : `${location.origin}${location.pathname}${hash}`;
  }

  // ————— What the cell built —————

  function load(values: CellValues): void {
    let read: ReturnType<typeof readCell>;
    try {
      read = readCell(values, settings);
    } catch (error) {
      if (linkWins.length && options.onChange) {
        followLink();
        return;
      }
      pause();
      say(t("pg.cellCannotTrain", {message: (error as Error).message}));
      return;
    }
    if (linkWins.length && options.onChange) {
      const differs = linkWins.filter(
        (k) => k in read.settings && JSON.stringify(read.settings[k]) !== JSON.stringify(settings[k])
      );
      if (differs.length || read.network.outputs !== outputUnits(settings)) {
        followLink();
        return;
      }
      linkWins = [];
    }
    settings = normalizeSettings({...settings, ...read.settings}).settings;
    showSettings();
    // The same network as last time: only the training options changed, so training goes on from where it is.
    const unchangedCell =
      !!cellNetwork &&
      !!session &&
      sameNetwork(read.network, cellNetwork) &&
      read.features.join() === session.features.join();
    cellNetwork = read.network.clone();
    let first = read.network;
    const notes = [...read.notes];
    if (pending) {
      if (sameArchitecture(pending, read.network)) first = pending;
      else notes.push(t("pg.fileWeightsUnused"));
      pending = null;
    }
    start(first, read.training, unchangedCell && first === read.network);
    if (!session) return;
    if (notes.length) say(t("pg.note", {notes: notes.join(t("pg.noteSep"))}));
    else if (status.textContent === REBUILDING || status.textContent === WAITING) say("");
  }

  /** A link's model settings win over the cell's on the first load: rewrite the cell to them. */
  function followLink(): void {
    const keys = linkWins;
    linkWins = [];
    options.onChange?.(settings, keys.length ? keys : [...MODEL_KEYS]);
  }

  // ————— Data edits, CSV, model files —————

  function setOwnData(points: PlaygroundData["points"]): void {
    data = {...data, name: t("pg.yourPoints"), own: true, points};
    controls.show(settings, data);
    if (session) {
      session.setData(data);
      showWords(true);
    }
    invalidate();
  }

  function loadCsv(text: string, name: string): void {
    let parsed: ReturnType<typeof parseCsv>;
    try {
      parsed = parseCsv(text, settings.problem);
    } catch (error) {
      const reason = error instanceof CsvError ? error.message : String(error);
      csvError.textContent = t("pg.csvNotLoaded", {name, reason});
      return;
    }
    csvError.textContent = "";
    const points = split(
      parsed.points.map((p) => ({...p, test: false})),
      settings.trainRatio,
      new Random(settings.seed)
    );
    const classes = settings.problem === "regression" ? settings.classes : Math.max(2, parsed.classes);
    const loaded: PlaygroundData = {
      name,
      problem: settings.problem,
      classes: settings.problem === "regression" ? 1 : classes,
      points,
      domain: domainAround(points),
      own: true
    };
    change({classes}, {data: loaded});
    say(
      t("pg.csvLoaded", {
        n: points.length,
        name,
        train: points.filter((p) => !p.test).length,
        test: points.filter((p) => p.test).length
      })
    );
  }

  function loadModel(text: string, name: string): void {
    try {
      const {network, info} = modelFromFile(text);
      if (
        data.own &&
        (info.problem !== data.problem || (info.problem === "classification" && info.classes !== data.classes))
      ) {
        throw new Error(
          t("pg.modelMismatch", {
            model: info.problem === "regression" ? t("pg.regressionModel") : t("pg.classModel", {k: info.classes}),
            points: data.problem === "regression" ? t("pg.pointsValues") : t("pg.pointsClasses", {k: data.classes})
          })
        );
      }
      const hidden = network.layers.slice(0, -1);
      const activation = hidden[0]?.activation;
      modelError.textContent = "";
      change(
        {
          features: info.features,
          hidden: hidden.map((l) => l.units),
          problem: info.problem,
          classes: info.classes,
          ...(activation && activation in {relu: 1, tanh: 1, sigmoid: 1, identity: 1}
            ? {activation: activation as PlaygroundSettings["activation"]}
            : {})
        },
        {model: network}
      );
      say(t("pg.modelLoaded", {name, network: network.toString()}));
    } catch (error) {
      modelError.textContent = t("pg.modelNotLoaded", {name, message: (error as Error).message});
    }
  }

  exportButton.addEventListener("click", () => {
    if (!session) return;
    try {
      download("playground-model.json", modelToFile(session.network, settings), "application/json");
      modelError.textContent = "";
      say(t("pg.modelSaved", {network: session.network.toString()}));
    } catch (error) {
      modelError.textContent = t("pg.modelNotSaved", {message: (error as Error).message});
    }
  });
  savePoints.addEventListener("click", () => download("playground-points.csv", dataToCSV(data), "text/csv"));
  copyLink.addEventListener("click", async () => {
    linkInput.select();
    try {
      await navigator.clipboard.writeText(linkInput.value);
      say(t("pg.copied"));
    } catch {
      say(t("pg.copyByHand"));
    }
  });

  function editWeight(layer: number, i: number, j: number, value: number): void {
    if (!session) return;
    try {
      session.setWeight(layer, i, j, value);
      say(
        t(i < 0 ? "pg.setBias" : "pg.setWeight", {
          node: nodeWords(layer, j, session.network.layers.length, session.network.outputs),
          value
        })
      );
      card.refresh();
      showWords(true);
      invalidate();
    } catch (error) {
      say((error as Error).message);
    }
  }

  // ————— Running —————

  function play(): void {
    if (playing || !session) return;
    playing = true;
    showPlaying();
    request();
  }
  function pause(): void {
    if (!playing) return;
    playing = false;
    showPlaying();
    showWords(true);
  }
  function showPlaying(): void {
    playButton.textContent = playing ? t("pg.pause") : t("pg.play");
    playButton.setAttribute("aria-pressed", String(playing));
  }
  /** Trains one frame's worth; false when training cannot go on. */
  function train(epochs: number, budget: number): boolean {
    if (!session) return false;
    try {
      session.trainFor(epochs, budget);
      if (session.stopReason) {
        say(t("pg.trainingStopped", {reason: session.stopReason}));
        return false;
      }
      return true;
    } catch (error) {
      say((error as Error).message);
      return false;
    }
  }
  function resetRun(): void {
    if (!session) return;
    session.reset();
    restartCurve();
    say("");
    showWords(true);
    invalidate();
  }
  playButton.addEventListener("click", () => (playing ? pause() : play()));
  stepButton.addEventListener("click", () => {
    pause();
    train(1, Number.POSITIVE_INFINITY);
    showWords(true);
    invalidate();
  });
  resetButton.addEventListener("click", () => {
    pause();
    resetRun();
  });

  function restartCurve(): void {
    curve = [];
    curveStride = 1;
    loss.clear();
  }

  // ————— Drawing —————

  const visibility = watchVisibility(root, life, () => invalidate());
  let networkWidth = 400;
  let outputWidth = 320;
  followWidth(view.root, life, (w) => {
    networkWidth = w;
    layout();
  });
  followWidth(map.root, life, (w) => {
    outputWidth = w;
    map.resize(outputWidth);
  });
  life.onThemeChange(() => {
    colors = null;
    map.restyle();
    invalidate();
  });

  function invalidate(): void {
    dirty = true;
    request();
  }
  function request(): void {
    if (scheduled || life.destroyed) return;
    scheduled = true;
    life.frame(tick);
  }
  function tick(): void {
    scheduled = false;
    if (playing && !train(settings.speed, TRAIN_BUDGET_MS)) pause();
    if (visibility.visible && (dirty || playing)) draw();
    if (playing) {
      showWords(false);
      request();
    }
  }

  /** The node whose map the big map shows: the one under the pointer or focused, else the output. */
  function mapTarget(): NodeTarget | null {
    return looked ?? null;
  }

  function draw(): void {
    if (!session) return;
    colors ??= themeColors(root.isConnected ? root : document.body);
    const c = colors;
    if (!grid?.fits(data.domain, res, session.features)) grid = new Grid(data.domain, res, session.features);
    if (!allFeatures || allFeatures.grid !== grid) allFeatures = {grid, maps: featureMatrix(grid.points, FEATURE_IDS)};
    const layers = grid.pass(session.network);
    const output = layers[layers.length - 1];
    const palette = classPalette(c);
    const target = mapTarget();
    const features = allFeatures.maps;
    map.paint({
      res,
      data,
      showTest: settings.showTest,
      colors: c,
      palette,
      fill(pixels) {
        const neutral = c.background;
        if (target?.kind === "feature") {
          const j = FEATURE_IDS.indexOf(target.feature);
          paintUnit(features, j, pixels, {negative: c.negative, positive: c.positive, neutral});
        } else if (target && target.layer < layers.length - 1) {
          const sigmoid = session?.network.layers[target.layer].activation === "sigmoid";
          paintUnit(
            layers[target.layer],
            target.unit,
            pixels,
            {negative: c.negative, positive: c.positive, neutral},
            sigmoid ? 0.5 : 0
          );
        } else if (target && output.cols > 1) {
          const colorsOf = {negative: neutral, neutral, positive: palette[target.unit]};
          paintUnit(output, target.unit, pixels, colorsOf, 0, 1, 1);
        } else {
          const values = outputShades(output, settings.problem, settings.discretize, shades);
          paintOutputs(values, pixels, {negative: c.negative, positive: c.positive, neutral, classes: palette});
        }
      }
    });
    view.paint({network: session.network, featureMaps: features, layers, res, colors: c});
    dirty = false;
    frames++;
  }

  /** The words: epoch, losses, the curve, the text alternatives and the card (now, or at most 4 times a second). */
  function showWords(now: boolean): void {
    if (!now && performance.now() - wordsAt < 250) return;
    wordsAt = performance.now();
    if (!session) {
      setText(epochText, t("pg.epoch", {n: 0}));
      return;
    }
    setText(epochText, t("pg.epoch", {n: session.epoch}));
    scores = session.scores();
    const s = scores;
    const number = (v: number) => (Number.isNaN(v) ? "–" : v.toFixed(3));
    const percent = (v: number) => (Number.isNaN(v) ? "–" : `${fmt(v * 100)} %`);
    const lines = [t("pg.scoresLoss", {test: number(s.testLoss), train: number(s.trainLoss)})];
    if (settings.problem === "classification")
      lines.push(t("pg.scoresAccuracy", {test: percent(s.testAccuracy), train: percent(s.trainAccuracy)}));
    setText(scoresText, lines.join("\n"));
    const point: LossPoint = {
      epoch: session.epoch,
      loss: s.trainLoss,
      ...(Number.isNaN(s.testLoss) ? {} : {testLoss: s.testLoss})
    };
    const lastPoint = curve[curve.length - 1];
    if (Number.isFinite(point.loss) && (!lastPoint || point.epoch > lastPoint.epoch)) {
      if (!lastPoint || point.epoch - lastPoint.epoch >= curveStride) {
        curve.push(point);
        if (curve.length > CURVE_POINTS) {
          curve = curve.filter((_, i) => i % 2 === 0 || i === curve.length - 1);
          curveStride *= 2;
          loss.update({data: curve});
        } else loss.push(point);
      }
    }
    describeMap();
    card.refresh();
    if (tableBox.open) fillTable();
  }

  function describeMap(): void {
    const [[a0, b0], [a1, b1]] = data.domain;
    const target = mapTarget();
    const network = session?.network;
    const shows =
      target && network
        ? target.kind === "feature"
          ? t("pg.theInput", {name: FEATURES.find((f) => f.id === target.feature)?.text ?? ""})
          : nodeWords(target.layer, target.unit, network.layers.length, network.outputs)
        : t("pg.theOutput");
    const colours = Array.from({length: data.classes}, (_, c) => classColorName(c));
    const meaning =
      settings.problem === "regression"
        ? t("pg.meaningRegression")
        : data.classes === 2
          ? t("pg.meaningTwo")
          : t("pg.meaningMany", {colors: colours.join(t("pg.listSep")), last: data.classes - 1});
    const train = data.points.filter((p) => !p.test).length;
    const test = data.points.length - train;
    const acc =
      scores && settings.problem === "classification"
        ? t("pg.accuracyNote", {percent: percent(scores.trainAccuracy)})
        : "";
    map.label(
      t("pg.mapLabel", {
        shows,
        a0: fmt(a0),
        b0: fmt(b0),
        a1: fmt(a1),
        b1: fmt(b1),
        meaning: target ? t("pg.meaningHighLow") : meaning,
        train,
        test: settings.showTest ? t("pg.testPoints", {n: test}) : "",
        acc
      })
    );
    setText(
      mapCaption,
      t("pg.mapShows", {
        shows,
        looked: target ? t("pg.looked") : "",
        points: data.own
          ? t("pg.ownPoints", {n: data.points.length})
          : t("pg.dataPoints", {name: data.name, n: data.points.length})
      })
    );
  }
  const percent = (v: number) => (Number.isNaN(v) ? "–" : `${fmt(v * 100)} %`);

  /** The output at 7 × 7 points of the plane, as text: the map's text alternative. */
  function fillTable(): void {
    if (!session) return;
    const [[a0, b0], [a1, b1]] = data.domain;
    const n = 7;
    const xs = Array.from({length: n}, (_, i) => a0 + ((b0 - a0) * i) / (n - 1));
    const ys = Array.from({length: n}, (_, i) => b1 - ((b1 - a1) * i) / (n - 1));
    const points = Matrix.from(ys.flatMap((y) => xs.map((x) => [x, y])));
    const F = featureMatrix(points, session.features);
    const out = session.network.forward(F);
    const cellText = (k: number) => {
      if (out.cols > 1) {
        let best = 0;
        for (let j = 1; j < out.cols; j++) if (out.data[k * out.cols + j] > out.data[k * out.cols + best]) best = j;
        return `${best}`;
      }
      const v = out.data[k];
      return settings.problem === "regression" ? v.toFixed(2) : v >= 0.5 ? "1" : "0";
    };
    const what = settings.problem === "regression" ? t("pg.predictedValue") : t("pg.predictedClass");
    table.replaceChildren(
      h("caption", {text: t("pg.tableCaption", {what, n})}),
      h(
        "thead",
        {},
        h("tr", {}, h("th", {scope: "col", text: "x₂ \\ x₁"}), ...xs.map((x) => h("th", {scope: "col", text: fmt(x)})))
      ),
      h(
        "tbody",
        {},
        ...ys.map((y, r) =>
          h("tr", {}, h("th", {scope: "row", text: fmt(y)}), ...xs.map((_, c) => h("td", {text: cellText(r * n + c)})))
        )
      )
    );
  }
  tableBox.addEventListener("toggle", () => {
    if (tableBox.open) fillTable();
  });

  /** A node's map in words: where it is lowest and highest (from the last grid pass). */
  function describeNode(target: NodeTarget): string {
    if (!grid || !session || !allFeatures) return "";
    const layers = grid.pass(session.network);
    const values = target.kind === "feature" ? allFeatures.maps : layers[target.layer];
    const column = target.kind === "feature" ? FEATURE_IDS.indexOf(target.feature) : target.unit;
    if (!values || column < 0 || column >= values.cols) return "";
    const {low, high} = extremes(values, column, grid.points);
    const at = (p: {x1: number; x2: number}) => `(${p.x1.toFixed(1)}, ${p.x2.toFixed(1)})`;
    if (!Number.isFinite(low.value) || !Number.isFinite(high.value)) return t("pg.nodeNaN");
    return t("pg.nodeRange", {low: fmt(low.value), lowAt: at(low), high: fmt(high.value), highAt: at(high)});
  }

  function showCard(): void {
    const target = looked ?? selected;
    card.show(
      target,
      session ? {network: session.network, features: session.features, outputs: session.network.outputs} : null
    );
  }

  // ————— Start —————

  if (options.url) {
    life.listen(window, "hashchange", () => {
      const link = decodeSettings(location.hash, settings);
      if (link.notes.length) say(t("pg.linkUnused", {notes: link.notes.join(t("pg.noteSep"))}));
      change(link.settings);
    });
  }
  showSettings();
  if (!options.onChange) start(buildNetwork(settings), trainOptions(settings), false);
  else say(WAITING);
  if (fromUrl?.notes.length) say(t("pg.linkUnused", {notes: fromUrl.notes.join(t("pg.noteSep"))}));

  life.add(() => {
    playing = false;
    loss.destroy();
  });

  return extend(root, {
    load,
    get settings() {
      return {...settings, hidden: [...settings.hidden], features: [...settings.features] as FeatureId[]};
    },
    get data() {
      return data;
    },
    play,
    pause,
    step: () => stepButton.click(),
    reset: () => resetButton.click(),
    get playing() {
      return playing;
    },
    get epoch() {
      return session?.epoch ?? 0;
    },
    get frames() {
      return frames;
    },
    get scores() {
      return scores;
    },
    get network() {
      return session?.network ?? null;
    },
    destroy: life.destroy
  });
}
