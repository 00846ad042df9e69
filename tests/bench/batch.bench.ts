/**
 * Figure: sdp-check over a folder of 20 workbooks of 1,000 actions each (seeded generated plans,
 * tests/bench/generate-plan.ts), wall time from spawn to exit with the worker pool (--jobs 2, the
 * default on a machine of two cores or more) versus one workbook at a time (--jobs 1), as child
 * processes, interleaved, stdout to a file. Both runs must print the same report.
 * Budget: the pool's median wall time <= 0.85 x one at a time (it must pay for its threads).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { ARTIFACTS, BENCH_AS_OF, planXlsxFile } from "./generate-plan";
import { REPO, median, nowMs, round, writeFigure, type Budget } from "./record";

const WORKBOOKS = 20;
const ACTIONS = 1000;
const RUNS = 3;
const BUDGET = 0.85;

/** A private build of the CLI sources (never dist-cli/, which other tests use). */
function buildCli(): string {
  const out = path.join(ARTIFACTS, "batch-cli-build");
  fs.rmSync(out, { recursive: true, force: true });
  spawnSync(
    process.execPath,
    [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json", "--outDir", out],
    { cwd: REPO, encoding: "utf8" },
  );
  return path.join(out, "cli/sdp-check.js");
}

const PRELOAD = path.join(REPO, "src/tools/bench-cpu-preload.mjs");
const CPU_FILE = path.join(ARTIFACTS, "batch-cpu.json");

/** Wall time from spawn to exit, and the child's CPU time (user + system, all its threads, from the preload). */
function timeRun(
  script: string,
  args: string[],
  outFile: string,
): { ms: number; cpuMs: number | null; status: number | null; stderr: string } {
  const fd = fs.openSync(outFile, "w");
  fs.rmSync(CPU_FILE, { force: true });
  try {
    const t0 = nowMs();
    const r = spawnSync(process.execPath, ["--import", pathToFileURL(PRELOAD).href, script, ...args], {
      cwd: REPO,
      stdio: ["ignore", fd, "pipe"],
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", BENCH_CPU_FILE: CPU_FILE },
    });
    const ms = nowMs() - t0;
    let cpuMs: number | null = null;
    try {
      cpuMs = (JSON.parse(fs.readFileSync(CPU_FILE, "utf8")) as { cpuMs: number }).cpuMs;
    } catch {
      /* the child died before its exit hook */
    }
    return { ms, cpuMs, status: r.status, stderr: r.stderr ?? "" };
  } finally {
    fs.closeSync(fd);
  }
}

test("sdp-check over 20 workbooks of 1,000 actions: worker pool versus one at a time", async () => {
  const notes: string[] = [];
  const folder = path.join(ARTIFACTS, `batch-${WORKBOOKS}x${ACTIONS}`);
  fs.mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (let k = 0; k < WORKBOOKS; k++) {
    const { file } = await planXlsxFile(ACTIONS, 1000 + k);
    const target = path.join(folder, `plan-${String(k + 1).padStart(2, "0")}.xlsx`);
    if (!fs.existsSync(target)) fs.copyFileSync(file, target);
    bytes += fs.statSync(target).size;
  }
  notes.push(
    `${WORKBOOKS} generated workbooks (seeds 1000-${1000 + WORKBOOKS - 1}) of ${ACTIONS} actions each, ${(bytes / 2 ** 20).toFixed(1)} MB in all, in ${path.relative(REPO, folder)}`,
  );
  const script = buildCli();
  const args = [folder, "--as-of", BENCH_AS_OF, "--json"];
  const outOne = path.join(ARTIFACTS, "batch-out-jobs1.json");
  const outPool = path.join(ARTIFACTS, "batch-out-jobs2.json");
  const one: number[] = [];
  const pool: number[] = [];
  const cpuOne: number[] = [];
  const cpuPool: number[] = [];
  let failure: string | null = null;
  for (let k = 0; k <= RUNS && failure === null; k++) {
    const a = timeRun(script, [...args, "--jobs", "1"], outOne);
    const b = timeRun(script, [...args, "--jobs", "2"], outPool);
    if (a.status !== 0) failure = `--jobs 1 exited ${a.status}: ${a.stderr.split("\n")[0]}`;
    else if (b.status !== 0) failure = `--jobs 2 exited ${b.status}: ${b.stderr.split("\n")[0]}`;
    else if (fs.readFileSync(outOne, "utf8") !== fs.readFileSync(outPool, "utf8"))
      failure = "the pool and one-at-a-time runs printed different reports";
    if (k === 0 || failure) continue; // the first round warms the file cache
    one.push(a.ms);
    pool.push(b.ms);
    if (a.cpuMs !== null) cpuOne.push(a.cpuMs);
    if (b.cpuMs !== null) cpuPool.push(b.cpuMs);
  }
  const ok = failure === null;
  if (failure) notes.push(failure);
  const ratio = ok ? median(pool) / median(one) : null;
  const rows = ok
    ? [
        {
          run: "one workbook at a time (--jobs 1)",
          "median ms": round(median(one), 0),
          "min..max ms": `${round(Math.min(...one), 0)}..${round(Math.max(...one), 0)}`,
          "ms per workbook": round(median(one) / WORKBOOKS, 0),
          "CPU ms (median)": round(median(cpuOne), 0),
        },
        {
          run: "worker pool (--jobs 2)",
          "median ms": round(median(pool), 0),
          "min..max ms": `${round(Math.min(...pool), 0)}..${round(Math.max(...pool), 0)}`,
          "ms per workbook": round(median(pool) / WORKBOOKS, 0),
          "CPU ms (median)": round(median(cpuPool), 0),
        },
      ]
    : [];
  notes.push(
    `load average at the end ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(
        " / ",
      )} on ${os.availableParallelism()} cores: the pool can only win when a core is free (sdp-check's default is the pool of 2 only then; see defaultJobs in src/cli/batch-pool.ts)`,
  );
  notes.push(
    `${os.availableParallelism()} cores available to node; ${RUNS} measured interleaved rounds after one warm-up; the reports of both runs are compared byte for byte`,
  );
  const budgets: Budget[] = [
    {
      name: "batch of 20 workbooks: pool / one at a time",
      value: round(ratio, 2),
      limit: BUDGET,
      unit: "x",
      note: ok ? "median wall time, child processes, --json to a file" : (failure ?? ""),
    },
  ];
  writeFigure({
    id: "batch",
    title: "sdp-check over 20 workbooks of 1,000 actions: worker pool versus one at a time",
    rows,
    budgets,
    notes,
  });
  expect(failure).toBeNull();
});
