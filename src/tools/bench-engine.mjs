#!/usr/bin/env node
// The engine benchmark's measuring process (tests/bench/engine.bench.ts): one plan size per process,
// on the compiled engine, in plain node, as the pane's commands call it. Not run inside jest, whose
// test context runs some engine code far slower than node does (tests/bench/built-cli.ts).
//   node src/tools/bench-engine.mjs <compiled core dir> <grid.json> <runs> <warmup> <as-of>
// Prints one JSON object: the timings of each run.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [coreDir, gridFile, runsArg, warmupArg, asOf] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const core = require(join(resolve(coreDir), "index.js"));
const {
  checkPlan,
  takeStoredSnapshot,
  storeReviews,
  readReviews,
  summariseProgress,
  planFormatting,
  CacheStore,
} = core;
const grid = JSON.parse(readFileSync(gridFile, "utf8"));
const runs = Number(runsArg);
const warmup = Number(warmupArg);
const options = { asOf, dueSoonDays: 30 };
const now = () => Number(process.hrtime.bigint()) / 1e6;

// The previous review (an earlier as-of date), stored as Summarise stores it and read back as the pane reads it.
const earlier = checkPlan(grid, { asOf: "2022-04-04", dueSoonDays: 30 });
const reviews = readReviews(
  JSON.parse(JSON.stringify(storeReviews(takeStoredSnapshot(earlier, "2022-04-04"), []))),
);

// The first check of a workbook has no kept caches: a fresh store each run (after one warm-up).
const first = [];
for (let i = 0; i < 4; i++) {
  const t0 = now();
  checkPlan(grid, { ...options, caches: new CacheStore() });
  if (i > 0) first.push(now() - t0);
}

// One Check + Summarise after another, as a user does, with the open workbook's kept caches
// (src/app/caches.ts); the previous result stays alive while the next is made, as in the pane.
const kept = { ...options, caches: new CacheStore() };
const check = [];
const summarise = [];
let result = null;
let moved = null;
for (let i = 0; i < warmup + runs; i++) {
  const t0 = now();
  const r = checkPlan(grid, kept);
  const t1 = now();
  const summary = summariseProgress({ result: r, grid, reviews, today: asOf });
  const t2 = now();
  result = r;
  moved = summary.movement;
  if (i >= warmup) {
    check.push(t1 - t0);
    summarise.push(t2 - t1);
  }
}
const formatting = [];
for (let i = 0; i < warmup + runs; i++) {
  const t0 = now();
  planFormatting(result);
  if (i >= warmup) formatting.push(now() - t0);
}
process.stdout.write(
  JSON.stringify({
    actions: result.summary.actions,
    reviews: reviews.length,
    comparedWith: moved ? moved.since : null,
    first,
    check,
    summarise,
    formatting,
  }),
);
