// Digit grid: small square images in a row that wraps, each with a caption: handwritten digits (ink on paper)
// or weights drawn as images (blue where a weight is positive, orange where it is negative). With `onSelect` each
// image is a button, so a learner can pick one with the mouse or the keyboard.
import {mix, type RGB} from "./palette.js";
import {addStyles} from "./styles.js";
import {ensureStyles, extend, h, lifecycle, setLabel, setText, type ThemeColors, themeColors} from "./theme.js";

/** An image of any shape: `data` holds width × height values, row by row. */
export interface GridImage {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

export interface DigitGridOptions {
  /** The images: each `side × side` values row by row (a row of X, a column of W, …), or {width, height, data}. */
  images: readonly (ArrayLike<number> | GridImage)[];
  /** Pixels per side of the square images (default 28). */
  side?: number;
  /** A short caption under each image (e.g. its label). */
  captions?: readonly string[];
  /** What each image is, for screen readers (default: its caption). */
  descriptions?: readonly string[];
  /** Draw signed values (weights): blue positive, orange negative, each image scaled by its largest |value|. */
  signed?: boolean;
  /** Size of one image's longer side on screen, in CSS pixels (default 56). */
  size?: number;
  /** Makes each image a button; called with its index when it is chosen. */
  onSelect?: (index: number) => void;
  /** The text alternative of the whole grid. */
  label: string;
  invalidation?: Promise<unknown>;
}

export type DigitGrid = HTMLDivElement & {
  /** New images, captions or other options, redrawn in place. */
  update(options: Partial<DigitGridOptions>): void;
  /** The index of the image chosen last (−1 before any). */
  readonly selected: number;
  destroy(): void;
};

/**
 * The colour of one pixel: ink mixes the page's background into its foreground (0 paper, 1 full ink); signed
 * values go from orange (−scale) through the background (0) to blue (+scale). Pure, exported for tests.
 */
export function pixelColor(
  v: number,
  colors: Pick<ThemeColors, "background" | "foreground" | "positive" | "negative">,
  signed: boolean,
  scale = 1
): RGB {
  const t = Number.isFinite(v) && scale > 0 ? Math.max(-1, Math.min(1, v / scale)) : 0;
  if (!signed) return mix(colors.background, colors.foreground, Math.max(0, t));
  return t >= 0 ? mix(colors.background, colors.positive, t) : mix(colors.background, colors.negative, -t);
}

/** An image as {width, height, data}, checked: a plain list of values is a `side × side` square. Pure, for tests. */
export function asGridImage(image: ArrayLike<number> | GridImage, side: number, index: number): GridImage {
  const sized = image as GridImage;
  const shaped = typeof sized?.width === "number" && typeof sized?.height === "number" && sized.data !== undefined;
  const {width, height, data} = shaped ? sized : {width: side, height: side, data: image as ArrayLike<number>};
  if (data?.length !== width * height || !(width >= 1 && height >= 1)) {
    throw new Error(
      shaped
        ? `digitGrid: image ${index} is ${width} × ${height} but has ${data?.length} values`
        : `digitGrid: image ${index} has ${data?.length} values, but a ${side} × ${side} image has ${side * side}`
    );
  }
  return {width, height, data};
}

/** The largest |value| of an image (1 for an image of zeros, so that it draws as blank rather than NaN). */
export function largestMagnitude(values: ArrayLike<number>): number {
  let most = 0;
  for (let k = 0; k < values.length; k++) if (Math.abs(values[k]) > most) most = Math.abs(values[k]);
  return most > 0 ? most : 1;
}

const STYLE = `
.nn-digit-grid { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.nn-digit-grid figure { margin: 0; display: flex; flex-direction: column; align-items: center; gap: 0.1rem;
  font: 11px var(--sans-serif); color: var(--theme-foreground-muted); }
.nn-digit-grid figcaption { white-space: pre-line; text-align: center; line-height: 1.25; }
.nn-digit-grid canvas { image-rendering: pixelated; border: 1px solid var(--theme-foreground-faintest); display: block; }
.nn-digit-grid button { padding: 0; border: 2px solid transparent; background: none; cursor: pointer; border-radius: 3px; }
.nn-digit-grid button[aria-pressed=true] { border-color: var(--nn-pos); }
.nn-digit-grid button:focus-visible { outline: 2px solid var(--theme-foreground-focus); outline-offset: 1px; }
`;

export function digitGrid(options: DigitGridOptions): DigitGrid {
  ensureStyles();
  addStyles("nn-digit-grid-style", STYLE);
  const life = lifecycle(options.invalidation);
  let opts = {...options};
  let selected = -1;
  let colors: ThemeColors | null = null;
  const root = h("div", {class: "nn-fig"}) as DigitGrid;
  const grid = h("div", {class: "nn-digit-grid"});
  root.append(grid);

  function images(): GridImage[] {
    if (!Array.isArray(opts.images))
      throw new Error("digitGrid: images must be a list of images (each side × side values)");
    return opts.images.map((image, i) => asGridImage(image, opts.side ?? 28, i));
  }

  function draw(canvas: HTMLCanvasElement, image: GridImage) {
    const context = canvas.getContext("2d");
    if (!context) return;
    colors ??= themeColors(root.isConnected ? root : document.body);
    const scale = opts.signed ? largestMagnitude(image.data) : 1;
    const pixels = context.createImageData(image.width, image.height);
    for (let k = 0; k < image.data.length; k++) {
      const [r, g, b] = pixelColor(image.data[k], colors, !!opts.signed, scale);
      pixels.data.set([r, g, b, 255], 4 * k);
    }
    context.putImageData(pixels, 0, 0);
  }

  function render() {
    const size = opts.size ?? 56;
    const selectable = !!opts.onSelect;
    const items = images().map((image, i) => {
      const caption = opts.captions?.[i] ?? "";
      const description = opts.descriptions?.[i] ?? caption;
      const existing = grid.children[i] as HTMLElement | undefined;
      const figure = existing?.dataset.selectable === String(selectable) ? existing : h("figure", {});
      figure.dataset.selectable = String(selectable);
      let canvas = figure.querySelector("canvas");
      if (!canvas) {
        canvas = h("canvas", {"aria-hidden": "true"});
        const holder = opts.onSelect ? h("button", {type: "button"}, canvas) : canvas;
        if (opts.onSelect) {
          const index = i;
          life.listen(holder, "click", () => select(index));
        }
        figure.replaceChildren(holder, h("figcaption", {}));
      }
      if (canvas.width !== image.width) canvas.width = image.width;
      if (canvas.height !== image.height) canvas.height = image.height;
      const unit = size / Math.max(image.width, image.height); // CSS pixels per image pixel
      canvas.style.width = `${Math.round(image.width * unit)}px`;
      canvas.style.height = `${Math.round(image.height * unit)}px`;
      const button = figure.querySelector("button");
      if (button) {
        setLabel(button, description);
        button.setAttribute("aria-pressed", String(i === selected));
      }
      setText(figure.querySelector("figcaption") as HTMLElement, caption);
      draw(canvas, image);
      return figure;
    });
    grid.replaceChildren(...items);
    if (opts.onSelect) {
      grid.setAttribute("role", "group");
      grid.setAttribute("aria-label", opts.label);
      root.removeAttribute("role");
    } else {
      root.setAttribute("role", "img");
      setLabel(root, opts.label);
    }
  }

  function select(index: number) {
    selected = index;
    grid.querySelectorAll("button").forEach((b, i) => {
      b.setAttribute("aria-pressed", String(i === index));
    });
    opts.onSelect?.(index);
  }

  life.onThemeChange(() => {
    colors = null;
    render();
  });
  render();
  return extend(root, {
    update(next: Partial<DigitGridOptions>) {
      opts = {...opts, ...next};
      render();
    },
    get selected() {
      return selected;
    },
    destroy: life.destroy
  });
}
