// The Playground page, used as a learner uses it: build a network with the + buttons and the inputs, train it, edit a
// weight (with the mouse on a link, and with the keyboard in the neuron card), switch to three classes, add and drag
// points, load a bad CSV file and then a good one, export the model and load it back, and open a shared link. Each
// step asserts what the page shows: the controls, the rewritten live cell, the numbers and the messages.
import {readFileSync} from "node:fs";
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {axeViolations, settle} from "./axe.js";
import {editCell, launch, liveCell, open, type PageReport, screenshot, settled} from "./browser.js";

const PATH = "/playground";

let browser: Browser;
let page: Page;
let report: PageReport;
let pg: Locator;

beforeAll(async () => {
  browser = await launch();
  ({page, report} = await open(browser, PATH));
  await settled(page);
  pg = page.locator(".nn-pg");
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** What the page's playground element offers a test (read, never used to drive it). */
interface App {
  epoch: number;
  playing: boolean;
  settings: {hidden: number[]; features: string[]; classes: number};
  data: {points: {x1: number; x2: number; y: number; test: boolean}[]; own: boolean; classes: number};
  network: {layers: {W: {data: Record<number, number>}; b: {data: Record<number, number>}; units: number}[]} | null;
}
const app = <T>(read: (app: App) => T): Promise<T> =>
  pg.evaluate((el, body) => new Function("app", `return (${body})(app)`)(el), read.toString()) as Promise<T>;

/** The model cell's source: in the editor once the playground has rewritten it, else as the page prints it. */
const cellSource = (p: Page = page) =>
  liveCell(p, "playground").evaluate(
    (cell) => ((cell.querySelector(".cm-content") ?? cell.querySelector("pre")) as HTMLElement | null)?.innerText ?? ""
  );
const control = (label: string, p: Locator = pg) => p.getByLabel(label, {exact: true});
const status = () => pg.locator(".nn-pg-status").textContent();
const scores = async () => (await pg.locator(".nn-pg-scores").textContent()) ?? "";
const number = (text: string, label: RegExp) => Number(new RegExp(`${label.source} ([\\d.]+)`).exec(text)?.[1]);
const nodes = () => pg.locator(".nn-pg-node").count();
const mapPixels = () => pg.locator(".nn-pg-map canvas").evaluate((c) => (c as HTMLCanvasElement).toDataURL());

/** Plays until at least `epochs` more epochs have run, then pauses. */
async function playFor(epochs: number): Promise<void> {
  const start = await app((a) => a.epoch);
  await pg.getByRole("button", {name: "▶ Play"}).click();
  await expect.poll(() => app((a) => a.epoch), {timeout: 90_000}).toBeGreaterThanOrEqual(start + epochs);
  await pg.getByRole("button", {name: "⏸ Pause"}).click();
}

/** Waits until the model cell has run again and the playground has taken what it built. */
async function rebuilt(): Promise<void> {
  await page.waitForTimeout(150);
  await settled(page);
  await expect.poll(status).not.toBe("Rebuilding the network…");
}

describe("the Playground", () => {
  it("opens on TensorFlow Playground's start: circle, x₁ and x₂, layers of 4 and 2 tanh neurons, its cell", async () => {
    expect(await control("data").inputValue()).toBe("circle");
    expect(await control("activation").inputValue()).toBe("tanh");
    expect(await control("learning rate").inputValue()).toBe("0.03");
    expect(await pg.locator(".nn-pg-layers").textContent()).toContain("2 hidden layers");
    expect(await nodes()).toBe(7 + 4 + 2 + 1);
    expect(await cellSource()).toContain("const hiddenLayers = [4, 2];");
    expect(await pg.getByRole("button", {name: /^Input x₁², the square of x₁: off/}).getAttribute("aria-pressed")).toBe(
      "false"
    );
    expect(await pg.locator(".nn-pg-map").getAttribute("aria-label")).toMatch(
      /^Map of the output over x₁ from -6 to 6/
    );
    expect(page.url()).toContain("#problem=classification&data=circle");
  });

  it("builds a network: a layer and a neuron more, x₁² switched on, ReLU; the cell is rewritten", async () => {
    await pg.getByRole("button", {name: "Add a hidden layer"}).click();
    await rebuilt();
    await pg.getByRole("button", {name: "Add a neuron to layer 3"}).click();
    await rebuilt();
    await pg.getByRole("button", {name: /^Input x₁², the square of x₁: off/}).click();
    await rebuilt();
    await control("activation").selectOption("relu");
    await rebuilt();
    const source = await cellSource();
    expect(source).toContain("const hiddenLayers = [4, 2, 3];");
    expect(source).toContain('const inputs = ["x1", "x2", "x1^2"];');
    expect(source).toContain('const activation: ActivationName = "relu";');
    expect(await pg.locator(".nn-pg-layers").textContent()).toContain("3 hidden layers");
    expect(await nodes()).toBe(7 + 4 + 2 + 3 + 1);
    expect(await pg.getByRole("button", {name: /^Input x₁², the square of x₁: on/}).getAttribute("aria-pressed")).toBe(
      "true"
    );
    expect(await app((a) => a.settings)).toMatchObject({hidden: [4, 2, 3], features: ["x1", "x2", "x1^2"]});
    expect(page.url()).toContain("hidden=4,2,3");
  });

  it("trains it: the epoch counts up, both losses fall, the map changes", async () => {
    const before = await scores();
    const pixels = await mapPixels();
    await control("learning rate").selectOption("0.1");
    await rebuilt();
    await playFor(120);
    const after = await scores();
    expect(number(after, /test loss/)).toBeLessThan(number(before, /test loss/) / 2);
    expect(number(after, /training loss/)).toBeLessThan(number(before, /training loss/) / 2);
    expect(number(after, /accuracy: test/)).toBeGreaterThan(90);
    expect(
      Number(/epoch (\d+)/.exec((await pg.locator(".nn-pg-epoch").textContent()) ?? "")?.[1])
    ).toBeGreaterThanOrEqual(120);
    expect(await mapPixels()).not.toBe(pixels);
    expect(
      await pg.locator(".nn-loss-curve").evaluate((c) => (c as unknown as {data: unknown[]}).data.length)
    ).toBeGreaterThan(2);
    // The learning rate changed without a reset: the cell's network was the same, so training went on.
    expect(await cellSource()).toContain("learningRate: 0.1,");
  });

  it("edits a weight by clicking its link, and another by keyboard in the neuron card", async () => {
    // The link from x₁ to neuron 1 of layer 1: halfway between the two nodes.
    const from = await pg.getByRole("button", {name: /^Input x₁, the first coordinate/}).boundingBox();
    const to = await pg.getByRole("button", {name: /^neuron 1 of layer 1\./}).boundingBox();
    if (!from || !to) throw new Error("the nodes are not on screen");
    const x = (from.x + from.width + to.x) / 2;
    const y = (from.y + to.y + from.height) / 2;
    await page.mouse.move(x, y);
    await expect
      .poll(() => pg.locator(".nn-pg-tooltip").textContent())
      .toMatch(/^w₁₁⁽¹⁾ = -?[\d.]+, from x₁ to neuron 1 of layer 1; click to edit$/);
    await page.mouse.click(x, y);
    const field = control("w₁₁⁽¹⁾, from x₁ to neuron 1 of layer 1");
    await expect.poll(() => field.isVisible()).toBe(true);
    await field.fill("2.5");
    await field.press("Enter");
    await page.mouse.move(x, y + 1);
    await expect.poll(() => pg.locator(".nn-pg-tooltip").textContent()).toMatch(/^w₁₁⁽¹⁾ = 2\.500, /);
    expect(await app((a) => a.network?.layers[0].W.data[0])).toBe(2.5);

    // By keyboard: Tab into the network, walk to neuron 1 of layer 1, select it, and set its bias in the card.
    await pg.getByRole("button", {name: "Add a neuron to layer 3"}).focus();
    let guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.classList.contains("nn-pg-node"))) && guard++ < 20) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Home"); // the first input, x₁
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(
      /^neuron 1 of layer 1\./
    );
    await page.keyboard.press("Enter");
    const card = pg.locator(".nn-pg-card");
    await expect.poll(() => card.locator(".katex-mathml").first().textContent()).toContain("h");
    await expect.poll(() => card.textContent()).toMatch(/Neuron 1 of layer 1: relu of its 3 inputs/);
    const bias = control("b₁⁽¹⁾ bias");
    await bias.focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("-1.25");
    await page.keyboard.press("Tab");
    await expect.poll(status).toBe("Set the bias of neuron 1 of layer 1 to -1.25.");
    expect(await app((a) => a.network?.layers[0].b.data[0])).toBe(-1.25);
    await expect
      .poll(() => card.locator(".nn-pg-card-formula annotation").textContent())
      .toMatch(/2\.50\\,x_1 .*- 1\.25/);
  });

  it("is axe-clean with the neuron card, the link editor and the map's table open, light and dark", async () => {
    await pg.locator("details.nn-pg-table summary").click();
    await expect.poll(() => pg.locator("details.nn-pg-table td").count()).toBe(49);
    expect(await pg.locator("details.nn-pg-table caption").textContent()).toBe(
      "The predicted class at 7 × 7 points of the plane (rows: x₂, columns: x₁)."
    );
    // The link between the top nodes: its middle is the only one there (links between rows r − k and r + k cross
    // in the middle of row r).
    const from = await pg.getByRole("button", {name: /^Input x₁, the first coordinate/}).boundingBox();
    const to = await pg.getByRole("button", {name: /^neuron 1 of layer 1\./}).boundingBox();
    if (!from || !to) throw new Error("the nodes are not on screen");
    await page.mouse.click((from.x + from.width + to.x) / 2, (from.y + to.y + from.height) / 2);
    await expect.poll(() => control("w₁₁⁽¹⁾, from x₁ to neuron 1 of layer 1").isVisible()).toBe(true);
    expect(await pg.locator(".nn-pg-card-map").textContent()).toMatch(/^Its map runs from -?[\d.]+ near \(/);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({colorScheme});
      await settle(page);
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
    await page.emulateMedia({colorScheme: "light"});
    await page.keyboard.press("Escape");
    await expect.poll(() => pg.locator(".nn-pg-editor").isVisible()).toBe(false);
    await pg.locator("details.nn-pg-table summary").click();
  });

  it("switches to three classes: softmax outputs, each class's region in its colour", async () => {
    await control("data").selectOption("gauss");
    await control("classes").selectOption("3");
    await rebuilt();
    const source = await cellSource();
    expect(source).toContain(
      'const outputLayer: LayerSpec = {units: 3, activation: "softmax"}; // 3 classes: a probability each'
    );
    expect(source).toContain('loss: "crossEntropy",');
    expect(await nodes()).toBe(7 + 4 + 2 + 3 + 3);
    expect(new Set(await app((a) => a.data.points.map((p) => p.y)))).toEqual(new Set([0, 1, 2]));
    await page.mouse.move(0, 0); // off the nodes: the big map shows the output again
    expect(await pg.locator(".nn-pg-map").getAttribute("aria-label")).toContain(
      "each class's region in its colour (orange, blue, green for classes 0 to 2)"
    );
    const before = number(await scores(), /training loss/);
    expect(before).toBeGreaterThan(0.9); // about log 3 = 1.10 before training
    await playFor(20);
    const after = await scores();
    expect(number(after, /training loss/)).toBeLessThan(before / 4);
    expect(number(after, /accuracy: test/)).toBeGreaterThan(90);
  });

  it("adds points with a click and with the keyboard, and drags one", async () => {
    await control("clicking the map").selectOption({label: "adds class 2 (green)"});
    const map = pg.locator(".nn-pg-map canvas");
    const box = await map.boundingBox();
    if (!box) throw new Error("the map is not on screen");
    await page.mouse.click(box.x + box.width * 0.95, box.y + box.height * 0.05); // a corner, away from the clouds
    await expect.poll(status).toMatch(/^Added a point at \(5\.\d\d, 5\.\d\d\)\.$/);
    expect(await control("data").evaluate((s) => (s as HTMLSelectElement).selectedOptions[0].text)).toBe(
      "your points (501)"
    );
    // By keyboard: the cursor starts in the middle; two steps right, Enter.
    await pg.locator(".nn-pg-map").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect.poll(status).toBe("Added a point at (0.50, 0.00).");
    const last = await app((a) => a.data.points.at(-1));
    expect(last).toEqual({x1: 0.5, x2: 0, y: 2, test: false});
    // Drag the point added by the click.
    await control("clicking the map").selectOption({label: "moves points (drag)"});
    const first = await app((a) => a.data.points[500]);
    // Measured again: focusing the map above may have scrolled the page.
    const now = await map.boundingBox();
    if (!now) throw new Error("the map is not on screen");
    const px = now.x + ((first.x1 + 6) / 12) * now.width;
    const py = now.y + ((6 - first.x2) / 12) * now.height;
    await page.mouse.move(px, py);
    await page.mouse.down();
    await page.mouse.move(px - now.width * 0.25, py + now.height * 0.25, {steps: 4});
    await page.mouse.up();
    const moved = await app((a) => a.data.points[500]);
    expect(moved.x1).toBeCloseTo(first.x1 - 3, 0);
    expect(moved.x2).toBeCloseTo(first.x2 - 3, 0);
    expect(await app((a) => a.data.points.length)).toBe(502);
  });

  it("refuses a bad CSV file with its line and reason and keeps the points; then loads a good one", async () => {
    const input = control("load points (CSV: x₁, x₂, label)");
    await input.setInputFiles({
      name: "bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("x1,x2,label\n1,2,0\n3,oops,1\n")
    });
    await expect
      .poll(() => pg.locator(".nn-pg-datarow [role=alert]").textContent())
      .toBe("bad.csv was not loaded: line 3: x₂ is “oops”, not a number. Your points are unchanged.");
    expect(await app((a) => a.data.points.length)).toBe(502);

    const rows = Array.from({length: 40}, (_, i) => `${(i % 8) - 4},${Math.floor(i / 8) - 2},${i % 8 < 4 ? 0 : 1}`);
    await input.setInputFiles({
      name: "good.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`x1,x2,label\n${rows.join("\n")}\n`)
    });
    await rebuilt();
    await expect.poll(status).toBe("Loaded 40 points from good.csv: 20 to train on, 20 to test.");
    expect(await pg.locator(".nn-pg-datarow [role=alert]").textContent()).toBe("");
    expect(await control("data").evaluate((s) => (s as HTMLSelectElement).selectedOptions[0].text)).toBe(
      "your points (40)"
    );
    expect(await control("classes").inputValue()).toBe("2"); // the file's labels are 0 and 1
    expect(await cellSource()).toContain(
      'const outputLayer: LayerSpec = {units: 1, activation: "sigmoid"}; // 2 classes: P(class 1)'
    );
    expect(await pg.locator(".nn-pg-map").getAttribute("aria-label")).toContain(
      "over x₁ from -4.7 to 3.7 and x₂ from -2.4 to 2.4"
    );
    await playFor(30);
    expect(number(await scores(), /· training/)).toBeGreaterThan(50); // the accuracy on the training points
  });

  it("exports the model and loads it back, weights and all; refuses a file that is not a model", async () => {
    const weights = await app((a) => Array.from({length: 3}, (_, k) => a.network?.layers[0].W.data[k]));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      pg.getByRole("button", {name: "Export model (JSON)"}).click()
    ]);
    expect(download.suggestedFilename()).toBe("playground-model.json");
    const file = await download.path();
    const text = readFileSync(file, "utf8");
    const json = JSON.parse(text);
    expect(json).toMatchObject({
      format: "nn-course/network",
      version: 1,
      inputs: 3,
      playground: {features: ["x1", "x2", "x1^2"], classes: 2}
    });
    expect(json.layers.map((l: {units: number}) => l.units)).toEqual([4, 2, 3, 1]);

    // Change the network (one layer less), then load the file: its architecture and its weights come back.
    await pg.getByRole("button", {name: "Remove the last hidden layer"}).click();
    await rebuilt();
    expect(await cellSource()).toContain("const hiddenLayers = [4, 2];");
    const modelInput = control("load a model (JSON)");
    await modelInput.setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("these are my notes")
    });
    await expect
      .poll(() => pg.locator(".nn-pg-files + [role=alert]").textContent())
      .toMatch(
        /^notes\.txt was not loaded: networkFromJSON: the text is not JSON \(.+\)\. The network is unchanged\.$/
      );
    await modelInput.setInputFiles({
      name: "playground-model.json",
      mimeType: "application/json",
      buffer: Buffer.from(text)
    });
    await rebuilt();
    expect(await cellSource()).toContain("const hiddenLayers = [4, 2, 3];");
    expect(await pg.locator(".nn-pg-files + [role=alert]").textContent()).toBe("");
    expect(await app((a) => Array.from({length: 3}, (_, k) => a.network?.layers[0].W.data[k]))).toEqual(weights);
    expect(await app((a) => a.epoch)).toBe(0);
    expect(await nodes()).toBe(7 + 4 + 2 + 3 + 1);
  });

  it("stops a diverging network with the epoch and the learning rate", async () => {
    await control("data").selectOption("circle");
    await control("activation").selectOption("identity");
    await rebuilt();
    await control("learning rate").selectOption("10");
    await rebuilt();
    await pg.getByRole("button", {name: "▶ Play"}).click();
    await expect
      .poll(status, {timeout: 60_000})
      .toMatch(/^training stopped in epoch \d+: the loss became (NaN|Infinity) with learning rate 10\./);
    await expect.poll(() => pg.getByRole("button", {name: "▶ Play"}).count()).toBe(1);
    expect(report.consoleErrors).toEqual([]);
  });

  it("steps and resets; noise, the training share and Regenerate draw new points; discretize; a hovered node's map", async () => {
    await control("activation").selectOption("tanh");
    await rebuilt();
    await control("learning rate").selectOption("0.03");
    await rebuilt();
    const epoch = () => pg.locator(".nn-pg-epoch").textContent();
    await pg.getByRole("button", {name: "Reset"}).click();
    await expect.poll(epoch).toBe("epoch 0");
    const loss0 = number(await scores(), /training loss/);
    await pg.getByRole("button", {name: "Step"}).click();
    await expect.poll(epoch).toBe("epoch 1");
    expect(number(await scores(), /training loss/)).not.toBe(loss0);
    await pg.getByRole("button", {name: "Reset"}).click();
    await expect.poll(epoch).toBe("epoch 0");
    expect(number(await scores(), /training loss/)).toBe(loss0); // the same first weights

    // The sliders by keyboard: noise 0 → 30 %, training data 50 → 60 %.
    const clean = await app((a) => a.data.points);
    await control("noise").focus();
    for (let k = 0; k < 6; k++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.url()).toContain("noise=30&");
    await control("training data").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.url()).toContain("train=60&");
    await rebuilt();
    const points = await app((a) => a.data.points);
    expect(points.filter((p) => p.test).length).toBe(Math.round(points.length * 0.4));
    // On the circle, as in TensorFlow Playground, noise jitters the radius a label is read at: the same points, some
    // near the boundary now in the other class.
    const key = (p: {x1: number; x2: number}) => `${p.x1},${p.x2}`;
    const label = new Map(clean.map((p) => [key(p), p.y]));
    const flipped = points.filter((p) => label.get(key(p)) !== p.y).length;
    expect(points.every((p) => label.has(key(p)))).toBe(true);
    expect(flipped).toBeGreaterThan(0);
    expect(flipped).toBeLessThan(points.length / 2);
    const seed = Number(/seed=(\d+)/.exec(page.url())?.[1]);
    await pg.getByRole("button", {name: "Regenerate"}).click();
    await expect.poll(() => page.url()).toContain(`seed=${seed + 1}&`);
    await rebuilt();
    expect((await app((a) => a.data.points))[0]).not.toEqual(points[0]);

    // Discretize: the map shows the decision only, so it changes.
    const smooth = await mapPixels();
    await control("discretize output").check();
    await expect.poll(mapPixels).not.toBe(smooth);
    expect(page.url()).toContain("discretize=1");
    await control("discretize output").uncheck();

    // Hovering a node shows its map on the big map; leaving it shows the output again.
    await pg.getByRole("button", {name: /^neuron 2 of layer 1\./}).hover();
    await expect
      .poll(() => pg.locator(".nn-pg-map").getAttribute("aria-label"))
      .toMatch(/^Map of neuron 2 of layer 1 /);
    expect(await pg.locator(".nn-pg-card-map").textContent()).toMatch(/^Its map runs from -?[\d.]+ near \(/);
    await page.mouse.move(0, 0);
    await expect.poll(() => pg.locator(".nn-pg-map").getAttribute("aria-label")).toMatch(/^Map of the output /);
  });

  it("regresses on the plane and the multi-Gaussian, with L1 and momentum", async () => {
    await control("problem type").selectOption("regression");
    await rebuilt();
    const offered = await control("data").evaluate((s) => Array.from((s as HTMLSelectElement).options, (o) => o.value));
    expect(offered).toEqual(expect.arrayContaining(["plane", "multiGauss"]));
    await control("data").selectOption("plane");
    await rebuilt();
    await control("regularisation").selectOption("l1");
    await rebuilt();
    await control("regularisation rate α").selectOption("0.01");
    await rebuilt();
    await control("optimizer").selectOption("momentum");
    await rebuilt();
    const source = await cellSource();
    expect(source).toContain('const outputLayer: LayerSpec = {units: 1, activation: "identity"};');
    expect(source).toContain('loss: "mse",');
    expect(source).toContain('optimizer: "momentum",');
    expect(source).toContain("l1: 0.01 //");
    expect(await scores()).not.toContain("accuracy");
    for (const name of ["plane", "multiGauss"]) {
      if (name !== "plane") {
        await control("data").selectOption(name);
        await rebuilt();
      }
      const values = await app((a) => a.data.points.map((p) => p.y));
      expect(new Set(values).size).toBeGreaterThan(50); // real values, not classes
      const before = number(await scores(), /training loss/);
      await playFor(50);
      expect(number(await scores(), /training loss/), name).toBeLessThan(0.75 * before);
    }
  });

  it("follows its cell: an edited and rerun cell rebuilds the network on the playground", async () => {
    await editCell(
      page,
      "playground",
      ["const hiddenLayers = [4, 2, 3];", "const hiddenLayers = [5];"],
      ['const activation: ActivationName = "tanh";', 'const activation: ActivationName = "sigmoid";']
    );
    await expect.poll(() => app((a) => a.settings.hidden)).toEqual([5]);
    expect(await nodes()).toBe(7 + 5 + 1);
    expect(await pg.locator(".nn-pg-layers").textContent()).toContain("1 hidden layer");
    expect(await control("activation").inputValue()).toBe("sigmoid");
    expect(page.url()).toContain("hidden=5&");
    expect(page.url()).toContain("activation=sigmoid&");
    await playFor(10);
    expect(report.consoleErrors).toEqual([]);
  });

  it("opens a shared link: the link's settings win over the saved cell, and nothing in it runs", async () => {
    const hash =
      "#data=spiral&classes=3&inputs=x1,x2,sin(x1)&hidden=8,8&activation=relu&optimizer=adam&lr=0.01&batch=20&showTest=1" +
      `&reg=${encodeURIComponent('l2"; alert(1); "')}`;
    // The same browser context: the learner's edited cell is saved there, and the link must still win.
    const shared = await page.context().newPage();
    const errors: string[] = [];
    shared.on("pageerror", (error) => errors.push(String(error)));
    await shared.goto(`${page.url().split("#")[0]}${hash}`, {waitUntil: "networkidle"});
    await settled(shared);
    const view = shared.locator(".nn-pg");
    await expect.poll(() => cellSource(shared)).toContain("const hiddenLayers = [8, 8];");
    const source = await cellSource(shared);
    expect(source).toContain('const inputs = ["x1", "x2", "sin(x1)"];');
    expect(source).toContain('const activation: ActivationName = "relu";');
    expect(source).toContain('optimizer: "adam",');
    expect(source).toContain("learningRate: 0.01,");
    expect(source).toContain("batchSize: 20,");
    expect(source).toContain('{units: 3, activation: "softmax"}');
    expect(source).not.toContain("alert");
    expect(await control("data", view).inputValue()).toBe("spiral");
    expect(await control("classes", view).inputValue()).toBe("3");
    expect(await control("optimizer", view).inputValue()).toBe("adam");
    expect(await control("show test data", view).isChecked()).toBe(true);
    await expect.poll(() => view.locator(".nn-pg-node").count()).toBe(7 + 8 + 8 + 3);
    expect(await view.locator(".nn-pg-status").textContent()).toContain(
      'Some of the link was not used: reg=l2"; alert(1); " is not a value the playground offers'
    );
    expect(await view.getByLabel("link to these settings").inputValue()).toContain("data=spiral&classes=3");
    expect(errors).toEqual([]);
    await screenshot(shared, "playground-shared-light");
    await shared.close();
  });
});
