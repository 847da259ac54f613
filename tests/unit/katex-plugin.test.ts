import MarkdownIt from "markdown-it";
import {describe, expect, it} from "vitest";
import {katexPlugin, TexError} from "../../src/build/katex-plugin.js";

const md = new MarkdownIt({html: true}).use(katexPlugin);
const render = (source: string, env: Record<string, unknown> = {}) => md.render(source, env);
const formulas = (html: string) => html.match(/class="katex"/g)?.length ?? 0;
const displays = (html: string) => html.match(/class="katex-display"/g)?.length ?? 0;

describe("katexPlugin", () => {
  it("renders inline $…$ to KaTeX HTML with MathML", () => {
    const html = render("The bias $b$ and $\\sigma(z)$.");
    expect(formulas(html)).toBe(2);
    expect(html).toContain("<math");
    expect(html).toContain('<annotation encoding="application/x-tex">\\sigma(z)</annotation>');
  });

  it("renders $$…$$ on its own lines in display mode", () => {
    const html = render("Before.\n\n$$\n\\hat z = b + w_1 x_1\n$$\n\nAfter.");
    expect(displays(html)).toBe(1);
    expect(html).toContain("\\hat z = b + w_1 x_1");
    expect(html).toContain("<p>After.</p>");
  });

  it("renders one-line $$…$$ blocks and inline $$…$$ in display mode", () => {
    expect(displays(render("$$ E = mc^2 $$"))).toBe(1);
    expect(displays(render("so $$x^2$$ here"))).toBe(1);
  });

  it("leaves currency alone", () => {
    const html = render("It costs $5 and $10, or $ 3.");
    expect(formulas(html)).toBe(0);
    expect(html).toContain("It costs $5 and $10, or $ 3.");
  });

  it("leaves an escaped dollar, code spans and fenced code alone", () => {
    expect(render("A literal \\$x\\$ here.")).toContain("A literal $x$ here.");
    expect(render("Code `a $b$ c` here.")).toContain("<code>a $b$ c</code>");
    const fenced = render('```js\nconst s = "$x$";\n```');
    expect(formulas(fenced)).toBe(0);
    expect(fenced).toContain("$x$");
  });

  // biome-ignore lint/suspicious/noTemplateCurlyInString: the test is about a literal ${…} in Markdown.
  it("never treats ${…} (Framework's interpolation) as math", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Markdown source, not a template.
    const html = render("Value ${x + 1} and $y$.");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Markdown source, not a template.
    expect(html).toContain("${x + 1}");
    expect(formulas(html)).toBe(1);
  });

  it("fails on invalid TeX with the page, the line and KaTeX's message", () => {
    const source = "# Title\n\nfirst line\nsecond $\\frac{1}{$ line";
    expect(() => render(source, {path: "/nowhere"})).toThrow(TexError);
    expect(() => render(source, {path: "/nowhere"})).toThrow(
      /^\/nowhere\.md:4: invalid TeX in \$…\$: KaTeX parse error/
    );
    expect(() => render("$$\n\\left( x\n$$", {path: "/p"})).toThrow(/^\/p\.md:1: invalid TeX in \$\$…\$\$/);
  });
});

describe("katexPlugin punctuation", () => {
  it("keeps the punctuation after an inline formula with it, so a line never starts with a period", () => {
    const html = render("The bias $b$. Then $w_1$, $w_2$; done");
    expect(html.match(/<span class="math-nowrap">/g)?.length).toBe(3);
    expect(html).toMatch(/<\/span>\.<\/span> Then/);
    expect(html).toMatch(/<\/span>,<\/span> <span class="math-nowrap">/);
    expect(html).not.toMatch(/<\/span><\/span>\. Then/);
  });
});
