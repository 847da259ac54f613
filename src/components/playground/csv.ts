// Reading a learner's CSV file of points: x₁, x₂ and a label (a class 0, 1, … or, to regress, a value) on each line.
// A header line, blank lines and lines starting with # are skipped; commas, semicolons or tabs separate the values.
// Anything else is refused with the line number and the reason, and the caller keeps the data it had.
import {t} from "../../lib/i18n.js";
import {MAX_CLASSES, type Problem} from "./settings.js";

/** At most this many points (the maps redraw every point at every frame). */
export const MAX_CSV_POINTS = 2000;

/** A file that cannot be read, with the line (counting from 1) where it went wrong. */
export class CsvError extends Error {
  readonly line: number;
  readonly reason: string;
  constructor(line: number, reason: string) {
    super(line > 0 ? t("pg.csv.line", {line, reason}) : reason);
    this.name = "CsvError";
    this.line = line;
    this.reason = reason;
  }
}

/** The points of a CSV text, and how many classes their labels use (1 for regression). */
export function parseCsv(
  text: string,
  problem: Problem
): {points: {x1: number; x2: number; y: number}[]; classes: number} {
  const lines = text.split(/\r\n|\r|\n/);
  const content = lines
    .map((line, i) => ({line: i + 1, text: line.trim()}))
    .filter((l) => l.text && !l.text.startsWith("#"));
  if (content.length === 0) throw new CsvError(0, t("pg.csv.empty"));
  const separator = [",", ";", "\t"].find((s) => content[0].text.includes(s)) ?? /\s+/;
  const fields = (text: string) => {
    const parts = text.split(separator).map((f) =>
      f
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .trim()
    );
    while (parts.length > 3 && parts[parts.length - 1] === "") parts.pop(); // a separator at the end of the line
    return parts;
  };
  const isNumber = (f: string) => f !== "" && Number.isFinite(Number(f));
  // A first line without a single number is a header (column names); every later line must be data.
  const rows = fields(content[0].text).some(isNumber) ? content : content.slice(1);
  if (rows.length === 0) throw new CsvError(0, t("pg.csv.headerOnly"));
  const label = problem === "regression" ? t("pg.csv.value") : t("pg.csv.label");
  const names = ["x₁", "x₂", label];
  const points = rows.map(({line, text}, i) => {
    if (i >= MAX_CSV_POINTS) throw new CsvError(line, t("pg.csv.tooMany", {max: MAX_CSV_POINTS}));
    const values = fields(text);
    if (values.length !== 3) {
      throw new CsvError(line, t("pg.csv.count", {label, n: values.length, text}));
    }
    values.forEach((v, j) => {
      if (!isNumber(v)) throw new CsvError(line, t("pg.csv.notNumber", {name: names[j], v}));
    });
    const [x1, x2, y] = values.map(Number);
    if (problem === "classification" && !(Number.isInteger(y) && y >= 0 && y < MAX_CLASSES)) {
      const classes = Array.from({length: MAX_CLASSES}, (_, c) => c).join(", ");
      throw new CsvError(
        line,
        t("pg.csv.notClass", {y: values[2], classes}) + (Number.isInteger(y) ? "" : t("pg.csv.useRegression"))
      );
    }
    return {x1, x2, y};
  });
  if (problem === "regression") return {points, classes: 1};
  const used = new Set(points.map((p) => p.y));
  if (used.size < 2) throw new CsvError(0, t("pg.csv.oneClass", {y: points[0].y}));
  return {points, classes: Math.max(...used) + 1};
}
