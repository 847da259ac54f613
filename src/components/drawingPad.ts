// Drawing pad: a square to write a digit on with the mouse, a finger or a pen, or with the keyboard (focus the
// pad, move the pen with the arrow keys, press Space to lift or lower it). It holds the drawing as an InkImage and
// tells the page after every change, at most once per animation frame.
import {blankImage, type InkImage, stampLine} from "./digitImages.js";
import {addStyles} from "./styles.js";
import {ensureStyles, extend, h, lifecycle, rgbString, setText, type ThemeColors, themeColors} from "./theme.js";
import {words} from "./words.js";

export interface DrawingPadOptions {
  /** Pixels per side of the drawing (default 112, four times MNIST's 28). */
  resolution?: number;
  /** Radius of the pen in drawing pixels (default 4.5). */
  pen?: number;
  /** Size on screen in CSS pixels (default 224, less on a narrow screen). */
  size?: number;
  /** Called with the drawing after every change (at most once per frame). */
  onChange?: (image: InkImage) => void;
  /** The pad's accessible name. */
  label?: string;
  invalidation?: Promise<unknown>;
}

export type DrawingPad = HTMLDivElement & {
  /** The drawing as it is now. */
  readonly image: InkImage;
  /** Wipes the drawing. */
  clear(): void;
  /** Replaces the drawing with `image`, scaled to the pad (e.g. a test digit to read back). */
  load(image: InkImage): void;
  destroy(): void;
};

/** Where the keyboard pen goes after an arrow key: `step` pixels that way, kept inside the pad. Pure, for tests. */
export function movePen(
  at: {x: number; y: number},
  key: string,
  step: number,
  resolution: number
): {x: number; y: number} | null {
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1]
  };
  const move = moves[key];
  if (!move) return null;
  const inside = (v: number) => Math.min(resolution - 0.5, Math.max(0.5, v));
  return {x: inside(at.x + move[0] * step), y: inside(at.y + move[1] * step)};
}

const STYLE = `
.nn-drawing-pad canvas { touch-action: none; cursor: crosshair; border: 1px solid var(--theme-foreground-faint);
  border-radius: 4px; display: block; max-width: 100%; }
.nn-drawing-pad canvas:focus-visible { outline: 2px solid var(--theme-foreground-focus); outline-offset: 2px; }
`;

export function drawingPad(options: DrawingPadOptions = {}): DrawingPad {
  ensureStyles();
  addStyles("nn-drawing-pad-style", STYLE);
  const life = lifecycle(options.invalidation);
  const opts = {...options};
  const resolution = opts.resolution ?? 112;
  const pen = opts.pen ?? 4.5;
  let image = blankImage(resolution, resolution);
  let colors: ThemeColors | null = null;
  let last: {x: number; y: number} | null = null; // where the pointer pen was at the previous event
  let keyPen = {x: resolution / 2, y: resolution / 2};
  let keyPenDown = false;
  let focused = false;
  let pending = false;

  const root = h("div", {class: "nn-fig nn-drawing-pad"}) as DrawingPad;
  const canvas = h("canvas", {
    width: resolution,
    height: resolution,
    tabindex: 0,
    role: "img",
    "aria-label": opts.label ?? words("pad.label")
  });
  const size = Math.round(opts.size ?? 224);
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  const clearButton = h("button", {type: "button", text: words("button.clear")});
  const readout = h("div", {class: "nn-readout", "aria-live": "polite"});
  root.append(canvas, h("div", {class: "nn-bar"}, clearButton), readout);

  function changed() {
    draw();
    if (pending) return;
    pending = true;
    life.frame(() => {
      pending = false;
      opts.onChange?.(image);
    });
  }

  function draw() {
    const context = canvas.getContext("2d");
    if (!context) return;
    colors ??= themeColors(root.isConnected ? root : document.body);
    const pixels = context.createImageData(resolution, resolution);
    const [bg, fg] = [colors.background, colors.foreground];
    for (let k = 0; k < image.data.length; k++) {
      const t = image.data[k];
      pixels.data.set(
        [bg[0] + (fg[0] - bg[0]) * t, bg[1] + (fg[1] - bg[1]) * t, bg[2] + (fg[2] - bg[2]) * t, 255],
        4 * k
      );
    }
    context.putImageData(pixels, 0, 0);
    if (focused) {
      // the keyboard pen: a ring, filled while it is down
      context.strokeStyle = rgbString(colors.positive);
      context.fillStyle = rgbString(colors.positive, 0.35);
      context.lineWidth = 1.5;
      context.beginPath();
      context.arc(keyPen.x, keyPen.y, pen + 1, 0, 2 * Math.PI);
      if (keyPenDown) context.fill();
      context.stroke();
    }
  }

  /** The pointer's position in drawing pixels. */
  function position(event: PointerEvent): {x: number; y: number} {
    const box = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * resolution,
      y: ((event.clientY - box.top) / box.height) * resolution
    };
  }

  life.listen(canvas, "pointerdown", (event: PointerEvent) => {
    event.preventDefault();
    canvas.setPointerCapture?.(event.pointerId);
    last = position(event);
    stampLine(image, last, last, pen);
    changed();
  });
  life.listen(canvas, "pointermove", (event: PointerEvent) => {
    if (!last) return;
    const at = position(event);
    stampLine(image, last, at, pen);
    last = at;
    changed();
  });
  const lift = () => {
    last = null;
  };
  life.listen(canvas, "pointerup", lift);
  life.listen(canvas, "pointercancel", lift);

  function say() {
    setText(readout, focused ? words(keyPenDown ? "pad.penDown" : "pad.penUp") : "");
  }
  life.listen(canvas, "focus", () => {
    focused = true;
    say();
    draw();
  });
  life.listen(canvas, "blur", () => {
    focused = false;
    keyPenDown = false;
    say();
    draw();
  });
  life.listen(canvas, "keydown", (event: KeyboardEvent) => {
    if (event.key === " " || event.key === "Enter") {
      keyPenDown = !keyPenDown;
      if (keyPenDown) stampLine(image, keyPen, keyPen, pen);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      image = blankImage(resolution, resolution);
    } else {
      const next = movePen(keyPen, event.key, event.shiftKey ? 1 : 4, resolution);
      if (!next) return;
      if (keyPenDown) stampLine(image, keyPen, next, pen);
      keyPen = next;
    }
    event.preventDefault();
    say();
    changed();
  });
  life.listen(clearButton, "click", () => {
    image = blankImage(resolution, resolution);
    changed();
  });
  life.onThemeChange(() => {
    colors = null;
    draw();
  });
  draw();

  return extend(root, {
    get image() {
      return image;
    },
    clear() {
      image = blankImage(resolution, resolution);
      changed();
    },
    load(source: InkImage) {
      // nearest pixel: each pad pixel takes the source pixel under its centre
      const next = blankImage(resolution, resolution);
      for (let y = 0; y < resolution; y++) {
        for (let x = 0; x < resolution; x++) {
          const sx = Math.floor(((x + 0.5) / resolution) * source.width);
          const sy = Math.floor(((y + 0.5) / resolution) * source.height);
          next.data[y * resolution + x] = source.data[sy * source.width + sx];
        }
      }
      image = next;
      changed();
    },
    destroy: life.destroy
  });
}
