// Reading a learner's CSV: what is accepted, and for what is not, the line and the reason.
import {describe, expect, it} from "vitest";
import {CsvError, MAX_CSV_POINTS, parseCsv} from "../../../../src/components/playground/csv.js";

/** The message parseCsv throws for this text (fails the test if it does not throw a CsvError). */
function refusal(
  text: string,
  problem: "classification" | "regression" = "classification"
): {line: number; message: string} {
  try {
    parseCsv(text, problem);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvError);
    return {line: (error as CsvError).line, message: (error as Error).message};
  }
  throw new Error("parseCsv accepted the text");
}

describe("playground CSV", () => {
  it("reads x₁, x₂ and a class per line, after an optional header, skipping blank lines and comments", () => {
    const text = "x1,x2,label\r\n1.5,-2,1\n\n# a comment\n 0 , 3e-1 , 0 \n-4,4,2\n";
    expect(parseCsv(text, "classification")).toEqual({
      points: [
        {x1: 1.5, x2: -2, y: 1},
        {x1: 0, x2: 0.3, y: 0},
        {x1: -4, x2: 4, y: 2}
      ],
      classes: 3
    });
  });

  it("takes semicolons, tabs, quotes and a separator at the end of a line", () => {
    expect(parseCsv('"1";"2";"0"\n3;4;1;', "classification").points).toEqual([
      {x1: 1, x2: 2, y: 0},
      {x1: 3, x2: 4, y: 1}
    ]);
    expect(parseCsv("1\t2\t0\n3\t4\t1", "classification").classes).toBe(2);
  });

  it("reads values to regress", () => {
    expect(parseCsv("x1,x2,value\n1,2,0.25\n3,4,-1.5", "regression")).toEqual({
      points: [
        {x1: 1, x2: 2, y: 0.25},
        {x1: 3, x2: 4, y: -1.5}
      ],
      classes: 1
    });
  });

  it("names the line and the reason of what it refuses", () => {
    expect(refusal("x1,x2,label\n1,2,0\n3,4\n")).toEqual({
      line: 3,
      message: "line 3: expected 3 values (x₁, x₂, label), found 2: “3,4”"
    });
    expect(refusal("1,2,0\n5,abc,1")).toEqual({line: 2, message: "line 2: x₂ is “abc”, not a number"});
    expect(refusal("1,2,0\n5,6,,\n")).toEqual({line: 2, message: "line 2: label is “”, not a number"});
    expect(refusal("1,2,0\n3,4,7").message).toBe("line 2: the label 7 is not a class: use 0, 1, 2, 3");
    expect(refusal("1,2,0\n3,4,0.5").message).toBe(
      "line 2: the label 0.5 is not a class: use 0, 1, 2, 3 (for values to predict, choose the problem type regression)"
    );
    expect(refusal("1,2,NaN", "regression").message).toBe("line 1: value is “NaN”, not a number");
    expect(refusal("1,2,0\n3,4,0").message).toBe(
      "every point has the label 0: a classifier needs at least two classes"
    );
    expect(refusal("\n\n").message).toMatch(/^the file is empty/);
    expect(refusal("x1,x2,label\n").message).toMatch(/^the file has a header but no points/);
    expect(refusal("a,b,c\nd,e,f")).toEqual({line: 2, message: "line 2: x₁ is “d”, not a number"});
    const many = Array.from({length: MAX_CSV_POINTS + 1}, (_, i) => `${i},0,${i % 2}`).join("\n");
    expect(refusal(many)).toEqual({
      line: MAX_CSV_POINTS + 1,
      message: `line ${MAX_CSV_POINTS + 1}: more than 2000 points; the playground takes at most 2000`
    });
  });
});
