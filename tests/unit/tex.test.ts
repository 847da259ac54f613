// Run-time formulas load KaTeX on first use; texToString needs it loaded and says how.
import {describe, expect, it} from "vitest";
import {loadTex, texToString} from "../../src/lib/tex.js";

describe("tex (run-time KaTeX)", () => {
  it("asks for loadTex() before KaTeX has loaded, then renders", async () => {
    expect(() => texToString("x^2")).toThrow("await loadTex() first");
    await loadTex();
    const html = texToString("\\sigma(z)");
    expect(html).toContain('class="katex"');
    expect(html).toContain('<annotation encoding="application/x-tex">\\sigma(z)</annotation>');
    expect(texToString("x", true)).toContain("katex-display");
    // Bad TeX shows KaTeX's error in the formula instead of throwing.
    expect(texToString("\\frac{1}")).toContain("katex-error");
  }, 60_000); // a generous limit for importing KaTeX on a busy machine
});
