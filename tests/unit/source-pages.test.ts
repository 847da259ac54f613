// The build-time side of the source pages: line-by-line highlighting, the files in reading order, their purposes.
import {readdirSync, readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  highlightLines,
  libraryFiles,
  purposeOf,
  sourceLines,
  sourceListing,
  sourcePagePaths
} from "../../src/build/source-pages.js";

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#36;/g, "$")
    .replace(/&amp;/g, "&");

const balanced = (html: string) => (html.match(/<span\b/g) ?? []).length === (html.match(/<\/span>/g) ?? []).length;

describe("highlightLines", () => {
  it("splits tokens that span lines, so every line is balanced HTML with the line's own text", () => {
    const source = [
      "/**",
      " * A block comment over three lines, with <tags> & $dollars.",
      " */",
      "const t = `a ${b +",
      "  1} c`; // a template string over two lines",
      "",
      'import {x} from "./matrix.js";'
    ].join("\n");
    const lines = highlightLines(`${source}\n`);
    expect(lines).toHaveLength(7);
    expect(lines.every(balanced)).toBe(true);
    expect(lines.map(textOf)).toEqual(source.split("\n"));
    // The comment's middle line is still marked as a comment, the template's second line as a string.
    expect(lines[1]).toMatch(/^<span class="hljs-comment">/);
    expect(lines[4]).toMatch(/^<span class="hljs-string"><span class="hljs-subst">/);
  });

  it("keeps every line of every library file", () => {
    for (const file of readdirSync("src/lib/nn").filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(`src/lib/nn/${file}`, "utf-8");
      const lines = highlightLines(text);
      expect(lines.map(textOf), file).toEqual(sourceLines(text));
      expect(lines.every(balanced), file).toBe(true);
    }
  });
});

describe("sourceListing", () => {
  it("numbers every line, links it, and hides dollars from Framework's interpolation", () => {
    const html = sourceListing("matrix");
    const count = sourceLines(readFileSync("src/lib/nn/matrix.ts", "utf-8")).length;
    expect(html.match(/class="nn-source__line" id="L\d+"/g)).toHaveLength(count);
    expect(html).toContain(`<a class="nn-source__number" href="#L${count}" aria-label="line ${count}">${count}</a>`);
    expect(html).not.toContain("$");
    expect(html).toContain("&#36;{");
    // Imports of other library files link to their pages.
    expect(html).toContain('<a href="./products">&quot;./products.js&quot;</a>');
  });
});

describe("purposeOf", () => {
  it("is the first sentence of the header comment", () => {
    expect(purposeOf("// Seeded random numbers. Math.random cannot\n// be seeded.\n\nexport {};\n")).toBe(
      "Seeded random numbers."
    );
    expect(
      purposeOf("// Layers and the network: what a network is made of,\n// and the calls that run it.\n//\n// More.")
    ).toBe("Layers and the network: what a network is made of, and the calls that run it.");
    expect(purposeOf("export const x = 1;\n")).toBe("");
  });
});

describe("libraryFiles", () => {
  it("lists every file but index.ts, in the order index.ts exports them, then the others", () => {
    const files = libraryFiles();
    const onDisk = readdirSync("src/lib/nn")
      .filter((f) => f.endsWith(".ts") && f !== "index.ts")
      .sort();
    expect(files.map((f) => f.file).sort()).toEqual(onDisk);
    const index = readFileSync("src/lib/nn/index.ts", "utf-8");
    const exported = [...index.matchAll(/from "\.\/([\w-]+)\.js"/g)].map((m) => m[1]);
    expect(files.filter((f) => f.exported).map((f) => f.name)).toEqual([...new Set(exported)]);
    expect(files.findIndex((f) => !f.exported)).toBe(new Set(exported).size); // the others come last
    for (const f of files) expect(f.purpose, f.file).toMatch(/^[A-Z].{10,}[.!?]$/);
    expect(sourcePagePaths()).toEqual(files.map((f) => `/source/${f.name}`));
  });
});
