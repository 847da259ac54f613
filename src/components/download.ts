// Download: fetches a file of the site with a progress bar (for data sets of a megabyte or more, so the page
// says what it is waiting for), and inflates it when it is gzip-compressed. The bytes arrive as a promise.
import {ensureStyles, extend, h, lifecycle, setText} from "./theme.js";
import {words} from "./words.js";

export interface DownloadOptions {
  /** The file's URL (from FileAttachment(…).url()). */
  url: string;
  /** Its size in bytes, when known (FileAttachment(…).size), for the progress bar. */
  size?: number;
  /** What is being downloaded, e.g. "10,000 digits". */
  label: string;
  invalidation?: Promise<unknown>;
}

export type Download = HTMLDivElement & {
  /** The file's bytes, inflated if they were gzip-compressed. */
  readonly bytes: Promise<Uint8Array>;
  destroy(): void;
};

/** Bytes as megabytes with one decimal ("1.6 MB"); small files in kB. Pure, for tests. */
export function formatSize(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

/** True when the bytes start as every gzip stream does (1f 8b). Pure, for tests. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The bytes inflated if they are gzip-compressed, as they are; else the bytes unchanged (a server may already have
 * inflated them, answering with Content-Encoding: gzip). Uses the browser's own DecompressionStream.
 */
export async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function download(options: DownloadOptions): Download {
  ensureStyles();
  const life = lifecycle(options.invalidation);
  const root = h("div", {class: "nn-fig nn-download"}) as Download;
  const bar = h("progress", {
    max: options.size ?? 1,
    value: 0,
    "aria-label": words("download.label", {what: options.label})
  });
  const text = h("div", {class: "nn-readout", "aria-live": "polite"});
  root.append(h("div", {class: "nn-bar"}, bar, text));
  const total = options.size && options.size > 0 ? options.size : 0;
  setText(
    text,
    words("download.start", {what: options.label, size: total ? words("download.size", {size: formatSize(total)}) : ""})
  );

  async function fetchAll(): Promise<Uint8Array> {
    const controller = new AbortController();
    life.add(() => controller.abort());
    const response = await fetch(options.url, {signal: controller.signal});
    if (!response.ok || !response.body)
      throw new Error(words("download.http", {what: options.label, status: response.status}));
    const reader = response.body.getReader();
    const parts: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      parts.push(value);
      received += value.length;
      if (total) bar.value = Math.min(received, total);
      setText(
        text,
        words("download.progress", {
          what: options.label,
          received: formatSize(received),
          total: total ? words("download.total", {total: formatSize(total)}) : ""
        })
      );
    }
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    setText(text, words("download.unpacking", {what: options.label}));
    const inflated = await inflate(bytes);
    bar.max = 1;
    bar.value = 1;
    setText(text, words("download.done", {what: options.label, received: formatSize(received)}));
    return inflated;
  }

  const bytes = fetchAll().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    text.setAttribute("role", "alert");
    setText(text, words("download.failed", {message}));
    throw error;
  });
  return extend(root, {
    get bytes() {
      return bytes;
    },
    destroy: life.destroy
  });
}
