// The playground trainer's pure half: the network a setting builds, the live-cell source that writes it out, the
// rewrite of one setting in a learner's cell, and reading the setting back from what the cell built.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {
  buildPlayground,
  DEFAULT_PLAYGROUND,
  type PlaygroundConfig,
  playgroundSource,
  readPlayground,
  rewritePlaygroundSource
} from "../../../src/components/playgroundConfig.js";
import * as nn from "../../../src/lib/nn/index.js";
import {runCell} from "../live/run-cell.js";

/** What a playground cell declares, run as the page runs it with the library's names in scope. */
async function exportsOf(source: string): Promise<{data: nn.Dataset; net: nn.Network; rate: number}> {
  const out = (await runCell(source, {...nn}).result) as Record<string, unknown>;
  return {
    data: out.playgroundData as nn.Dataset,
    net: out.playgroundNet as nn.Network,
    rate: out.playgroundRate as number
  };
}

const moonsDeep: PlaygroundConfig = {data: "moons", hidden: [4, 3], activation: "relu", learningRate: 0.3};

describe("playground settings", () => {
  it("builds the data set and a seeded network with one sigmoid output", () => {
    const {data, network} = buildPlayground(moonsDeep);
    expect(data.name).toBe("moons");
    expect(network.toString()).toBe("2 → 4 relu → 3 relu → 1 sigmoid (31 parameters)");
    // The same setting starts from the same weights.
    expect(buildPlayground(moonsDeep).network.layers[0].W.data).toEqual(network.layers[0].W.data);
    expect(buildPlayground({...moonsDeep, hidden: []}).network.toString()).toBe("2 → 1 sigmoid (3 parameters)");
  });

  it("writes a cell that builds the same network, and reads the setting back from it", async () => {
    for (const config of [
      DEFAULT_PLAYGROUND,
      moonsDeep,
      {...moonsDeep, data: "spirals", hidden: []} as PlaygroundConfig
    ]) {
      const source = playgroundSource(config);
      const {data, net, rate} = await exportsOf(source);
      const built = buildPlayground(config);
      expect(net.toString()).toBe(built.network.toString());
      expect(net.layers.map((l) => Array.from(l.W.data))).toEqual(
        built.network.layers.map((l) => Array.from(l.W.data))
      );
      expect(data.X.data).toEqual(built.data.X.data);
      const read = readPlayground(data, net, rate);
      expect(read.data).toBe(config.data);
      expect(read.hidden).toEqual(config.hidden);
      expect(read.learningRate).toBe(config.learningRate);
      if (config.hidden.length) expect(read.activation).toBe(config.activation);
      expect(read.notes).toEqual([]);
    }
  });

  it("is the cell chapter 4 starts from, so the controls and the chapter's cell agree", () => {
    const page = readFileSync("src/xor.md", "utf8");
    const cell = /```ts live id=playground\n([\s\S]*?)\n```/.exec(page)?.[1];
    expect(cell).toBe(playgroundSource(DEFAULT_PLAYGROUND));
  });

  it("rewrites only the lines of the settings that changed, keeping the learner's other edits", () => {
    const learner = playgroundSource(DEFAULT_PLAYGROUND)
      .replace('gate("xor")', "circles({noise: 0.2})")
      .replace("// the output: the probability of class 1", "// my comment");
    const rewritten = rewritePlaygroundSource(learner, {...DEFAULT_PLAYGROUND, hidden: [5, 2]}, ["hidden"]);
    expect(rewritten).toContain("const hiddenSizes = [5, 2];");
    expect(rewritten).toContain("circles({noise: 0.2})"); // untouched: the data set did not change
    expect(rewritten).toContain("// my comment");
    const rate = rewritePlaygroundSource(rewritten, {...DEFAULT_PLAYGROUND, learningRate: 0.03}, ["learningRate"]);
    expect(rate).toContain("const playgroundRate = 0.03;");
    const act = rewritePlaygroundSource(rate, {...DEFAULT_PLAYGROUND, activation: "relu"}, ["activation"]);
    expect(act).toContain('const hiddenActivation: ActivationName = "relu";');
    const data = rewritePlaygroundSource(act, {...DEFAULT_PLAYGROUND, data: "spirals"}, ["data"]);
    expect(data).toMatch(/^const playgroundData = spirals\(\{classes: 2\}\);$/m);
    // Everything else is as the learner left it.
    expect(data.split("\n").length).toBe(learner.split("\n").length);
  });

  it("writes the whole cell anew when the learner removed a setting's line", () => {
    const without = playgroundSource(DEFAULT_PLAYGROUND).replace(/^const hiddenSizes.*\n/m, "");
    const config = {...DEFAULT_PLAYGROUND, hidden: [3]};
    expect(rewritePlaygroundSource(without, config, ["hidden"])).toBe(playgroundSource(config));
  });

  it("reads a network the controls cannot show, and says what falls outside them", () => {
    const net = nn.network({
      inputs: 2,
      layers: [
        {units: 12, activation: "tanh"},
        {units: 3, activation: "relu"},
        {units: 1, activation: "sigmoid"}
      ]
    });
    const read = readPlayground(nn.blobs(), net, 0.05);
    expect(read.data).toBeNull();
    expect(read.hidden).toEqual([12, 3]);
    expect(read.activation).toBe("tanh");
    expect(read.notes).toEqual(["the hidden layers mix activations (tanh, relu)"]);
  });
});
