/**
 * Figure 1, the engine: checkPlan + summaries (snapshot movement and the summary tab's writes)
 * and planFormatting on generated plans of 1,000 / 5,000 / 20,000 / 50,000 actions.
 * Median of several runs after warm-up; per-action time must stay ~flat as plans grow.
 *
 * Budgets: 20,000 actions checked and summarised (checkPlan + takeSnapshot/compareSnapshot +
 * planSummarySheet) in <= 300 ms; per-action time at 50k <= 1.5 x per-action time at 1k.
 */
import type * as Core from "../../src/core";
import { BENCH_AS_OF, generatePlan } from "./generate-plan";
import { median, nowMs, round, timeRuns, tryRequire, writeFigure, type Budget } from "./record";

const SIZES = [1000, 5000, 20000, 50000];
const RUNS: Record<number, number> = { 1000: 40, 5000: 15, 20000: 7, 50000: 5 };
const WARMUP: Record<number, number> = { 1000: 10, 5000: 3, 20000: 1, 50000: 1 };
const BUDGET_20K_MS = 300;
const BUDGET_GROWTH = 1.5;

test("engine: checkPlan + summaries as plans grow", () => {
  const core = tryRequire<typeof Core>("../../src/core");
  if (!core.mod) {
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
          note: `engine not loadable: ${core.error}`,
        },
        {
          name: "per-action time growth 50k / 1k",
          value: null,
          limit: BUDGET_GROWTH,
          unit: "x",
          note: "engine not loadable",
        },
      ],
      notes: [`src/core did not load: ${core.error}`],
    });
    return;
  }
  const { checkPlan, takeSnapshot, compareSnapshot, planSummarySheet, planFormatting, CacheStore } = core.mod;
  const options = { asOf: BENCH_AS_OF, dueSoonDays: 30 };
  const rows: Record<string, number | string | null>[] = [];
  const perAction: Record<number, number> = {};
  let total20k: number | null = null;

  for (const n of SIZES) {
    const plan = generatePlan({ actions: n });
    // The previous review's snapshot (taken on an earlier as-of date), outside the timings.
    const previous = takeSnapshot(
      checkPlan(plan.grid, { asOf: "2022-04-04", dueSoonDays: 30 }),
      "2022-04-04",
    );
    let result = checkPlan(plan.grid, options);
    const runs = RUNS[n];
    const warmup = WARMUP[n];
    // One Check + Summarise after another, as a user does: each run checks the plan afresh and
    // summarises that result (snapshot, movement since the last review, the summary tab's writes),
    // with the open workbook's kept caches as the pane's commands pass them (src/app/caches.ts).
    const kept = { ...options, caches: new CacheStore() };
    // The first check of a workbook has no kept caches: timed apart, a fresh store each run.
    const first = timeRuns(() => checkPlan(plan.grid, { ...options, caches: new CacheStore() }), 3, 1);
    const check: number[] = [];
    const summarise: number[] = [];
    const pipeline: number[] = [];
    const once = () => {
      const t0 = nowMs();
      const r = checkPlan(plan.grid, kept);
      const t1 = nowMs();
      takeSnapshot(r, BENCH_AS_OF);
      planSummarySheet(r, compareSnapshot(previous, r));
      const t2 = nowMs();
      result = r;
      return [t1 - t0, t2 - t1, t2 - t0];
    };
    for (let i = 0; i < warmup; i++) once();
    for (let i = 0; i < runs; i++) {
      const [a, b, c] = once();
      check.push(a);
      summarise.push(b);
      pipeline.push(c);
    }
    const formatting = timeRuns(() => planFormatting(result), runs, warmup);
    expect(result.summary.actions).toBe(plan.actions);
    const checkMs = median(check);
    const summariseMs = median(summarise);
    const pipelineMs = median(pipeline);
    perAction[n] = (pipelineMs * 1000) / n;
    if (n === 20000) total20k = pipelineMs;
    rows.push({
      actions: n,
      tabs: plan.planTabs,
      cells: plan.cells,
      "checkPlan ms": round(checkMs, 1),
      "first checkPlan ms": round(median(first), 1),
      "summaries ms": round(summariseMs, 1),
      "checked+summarised ms": round(pipelineMs, 1),
      "min..max ms": `${round(Math.min(...pipeline), 0)}..${round(Math.max(...pipeline), 0)}`,
      "planFormatting ms": round(median(formatting), 1),
      "µs / action": round(perAction[n], 1),
      "actions / s": Math.round(n / (pipelineMs / 1000)),
      runs,
    });
  }
  const growth = perAction[50000] / perAction[1000];
  const budgets: Budget[] = [
    {
      name: "20,000 actions checked and summarised",
      value: round(total20k, 1),
      limit: BUDGET_20K_MS,
      unit: "ms",
      note: "median; checkPlan + takeSnapshot + compareSnapshot + planSummarySheet",
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
      "summaries = takeSnapshot + compareSnapshot (against an earlier review) + planSummarySheet; planFormatting timed separately (Check plan's writes)",
      "run in-process under jest (ts-jest, no coverage); medians after warm-up; garbage collection is part of the time (the previous result stays alive, as in the pane)",
      "checkPlan ms: with the open workbook's kept caches (CacheStore, passed by the pane's commands: every check after the first); first checkPlan ms: a fresh store each run (the first check of a workbook, and every sdp-check), median of 3",
    ],
  });
});
