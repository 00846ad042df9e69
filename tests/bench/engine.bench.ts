/**
 * Figure 1, the engine: checkPlan + summariseProgress (what Summarise progress works out: movement
 * since the stored review, the committee report, the summary tab's writes, the reviews to store) and
 * planFormatting on generated plans of 1,000 / 5,000 / 20,000 / 50,000 actions.
 * Timed in plain node on the compiled engine (src/tools/bench-engine.mjs, one process per size), not
 * inside jest, whose test context runs some engine code many times slower (tests/bench/built-cli.ts).
 * Median of several runs after warm-up; per-action time must stay ~flat as plans grow.
 *
 * Budgets: 20,000 actions checked and summarised (checkPlan + summariseProgress) in <= 300 ms;
 * per-action time at 50k <= 1.5 x per-action time at 1k.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { cliScript } from "./built-cli";
import { ARTIFACTS, BENCH_AS_OF, GENERATOR_VERSION, generatePlan } from "./generate-plan";
import { REPO, median, round, writeFigure, type Budget } from "./record";

const SIZES = [1000, 5000, 20000, 50000];
const RUNS: Record<number, number> = { 1000: 40, 5000: 15, 20000: 7, 50000: 5 };
const WARMUP: Record<number, number> = { 1000: 10, 5000: 3, 20000: 2, 50000: 2 };
const BUDGET_20K_MS = 300;
const BUDGET_GROWTH = 1.5;

interface ChildFigures {
  actions: number;
  reviews: number;
  comparedWith: string | null;
  first: number[];
  check: number[];
  summarise: number[];
  formatting: number[];
}

function measure(coreDir: string, gridFile: string, n: number): ChildFigures {
  const child = spawnSync(
    process.execPath,
    [
      path.join(REPO, "src/tools/bench-engine.mjs"),
      coreDir,
      gridFile,
      String(RUNS[n]),
      String(WARMUP[n]),
      BENCH_AS_OF,
    ],
    { encoding: "utf8", maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`bench-engine.mjs exited ${child.status}: ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildFigures;
}

test("engine: checkPlan + summaries as plans grow", () => {
  const notes: string[] = [];
  const script = cliScript(notes);
  if (script === null) {
    writeFigure({
      id: "engine",
      title: "Engine: checkPlan + summaries",
      rows: [],
      budgets: [
        {
          name: "20,000 actions checked and summarised",
          value: null,
          limit: BUDGET_20K_MS,
          unit: "ms",
          note: "engine not built",
        },
        {
          name: "per-action time growth 50k / 1k",
          value: null,
          limit: BUDGET_GROWTH,
          unit: "x",
          note: "engine not built",
        },
      ],
      notes,
    });
    return;
  }
  const coreDir = path.join(path.dirname(script), "..", "core");
  const rows: Record<string, number | string | null>[] = [];
  const perAction: Record<number, number> = {};
  let total20k: number | null = null;

  for (const n of SIZES) {
    const plan = generatePlan({ actions: n });
    const gridFile = path.join(ARTIFACTS, `grid-${n}-v${GENERATOR_VERSION}.json`);
    fs.writeFileSync(gridFile, JSON.stringify(plan.grid));
    const f = measure(coreDir, gridFile, n);
    expect(f.actions).toBe(plan.actions);
    expect(f.comparedWith).toBe("2022-04-04"); // compared with the stored review
    const pipeline = f.check.map((c, i) => c + f.summarise[i]);
    const pipelineMs = median(pipeline);
    perAction[n] = (pipelineMs * 1000) / n;
    if (n === 20000) total20k = pipelineMs;
    rows.push({
      actions: n,
      tabs: plan.planTabs,
      cells: plan.cells,
      "checkPlan ms": round(median(f.check), 1),
      "first checkPlan ms": round(median(f.first), 1),
      "summaries ms": round(median(f.summarise), 1),
      "checked+summarised ms": round(pipelineMs, 1),
      "min..max ms": `${round(Math.min(...pipeline), 0)}..${round(Math.max(...pipeline), 0)}`,
      "planFormatting ms": round(median(f.formatting), 1),
      "µs / action": round(perAction[n], 1),
      "actions / s": Math.round(n / (pipelineMs / 1000)),
      runs: f.check.length,
    });
  }
  const growth = perAction[50000] / perAction[1000];
  const budgets: Budget[] = [
    {
      name: "20,000 actions checked and summarised",
      value: round(total20k, 1),
      limit: BUDGET_20K_MS,
      unit: "ms",
      note: "median; checkPlan + summariseProgress (movement, committee report, summary tab, reviews to store)",
    },
    {
      name: "per-action time growth 50k / 1k",
      value: round(growth, 2),
      limit: BUDGET_GROWTH,
      unit: "x",
      note: "µs per action at 50,000 / at 1,000 (flat = 1.0)",
    },
  ];
  writeFigure({
    id: "engine",
    title: "Engine: checkPlan + summaries",
    rows,
    budgets,
    notes: [
      `as-of ${BENCH_AS_OF}, due-soon 30 days; generated plans (tests/bench/generate-plan.ts, seed 20220715), 8 columns, 25-40 actions per section`,
      "summaries = summariseProgress (src/core/summarise.ts, as Summarise progress calls it): movement since the stored review of 2022-04-04, the committee report, the summary tab's writes, this review and the earlier one packed to store; planFormatting timed separately (Check plan's writes)",
      "run in plain node on the compiled engine (src/tools/bench-engine.mjs), one process per plan size; medians after warm-up; garbage collection is part of the time (the previous result stays alive, as in the pane)",
      "checkPlan ms: with the open workbook's kept caches (CacheStore, passed by the pane's commands: every check after the first); first checkPlan ms: a fresh store each run (the first check of a workbook, and every sdp-check), median of 3",
      ...notes,
    ],
  });
});
