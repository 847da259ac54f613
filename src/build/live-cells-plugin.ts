// Placeholder: turns ```ts live fences into live cells (see the live-cells issue). Until then it changes nothing.
import type MarkdownIt from "markdown-it";

export function liveCellsPlugin(_md: MarkdownIt): void {}
