// npm run bench, browser part: builds the site once into a folder of its own, then measures in Chromium
//   the live cells (tests/bench/live-cells.ts), every page (tests/bench/pages.ts), the decision map's frame rate,
//   chapter 4's trainer (tests/bench/xor-trainer.ts), the Playground (tests/bench/playground.ts) and the
//   capstone's digit reader (tests/bench/digits.ts).
// Every target gets a verdict, met or MISSED; nothing here fails a test (speed is reported, not asserted).
//
//   npx tsx tests/bench/browser.ts [live] [pages] [fps] [xor] [playground] [digits]   only those parts (default: all)
//   BENCH_DIST=dist npx tsx tests/bench/browser.ts        reuse an existing build instead of building
import os from "node:os";
import {benchDigits} from "./digits.js";
import {benchLiveCells} from "./live-cells.js";
import {benchDecisionMap, benchPages} from "./pages.js";
import {benchPlayground} from "./playground.js";
import {openSite, printRows, type Row, verdict} from "./site.js";
import {benchXorTrainer} from "./xor-trainer.js";

const parts = process.argv.slice(2);
const wanted = (part: string) => parts.length === 0 || parts.includes(part);

const load = () => os.loadavg()[0].toFixed(2);
const loadBefore = load();
const site = await openSite();
const all: Row[] = [];
try {
  if (wanted("live")) {
    const rows = await benchLiveCells(site);
    printRows("Live cells (Chromium, localhost, built site)", rows);
    all.push(...rows);
  }
  if (wanted("pages")) all.push(...(await benchPages(site)));
  if (wanted("fps")) {
    const rows = await benchDecisionMap(site);
    printRows("Decision map (Chromium, localhost, built site)", rows);
    all.push(...rows);
  }
  if (wanted("xor")) all.push(...(await benchXorTrainer(site)));
  if (wanted("playground")) {
    const rows = await benchPlayground(site);
    printRows("Playground (Chromium, 1200 × 900, built site)", rows);
    all.push(...rows);
  }
  if (wanted("digits")) all.push(...(await benchDigits(site)));
} finally {
  await site.close();
}
const judged = all.filter((r) => r.met !== undefined);
const missed = judged.filter((r) => r.met === false);
console.log(
  `\n${judged.length - missed.length} of ${judged.length} targets met` +
    (missed.length ? `; ${verdict(false)}: ${missed.map((r) => `${r.name} (${r.value})`).join(", ")}` : "") +
    `\nNode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}; load average ${loadBefore} before, ${load()} after.`
);
