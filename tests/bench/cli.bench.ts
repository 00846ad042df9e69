/**
 * Figure 3, the command-line check: `sdp-check` on a 20,000-action .xlsx versus exceljs merely
 * loading the same file (src/tools/bench-exceljs-load.mjs). Both run as child processes of the
 * same node with the same flags, interleaved, stdout to a file; wall time from spawn to exit,
 * peak memory (maximum resident set) from the child itself (src/tools/bench-cpu-preload.mjs).
 * Budgets: sdp-check (readable report) <= 0.8 x the bare load, --json <= 1.0 x, peak memory
 * <= 170 MiB; 100,000 actions: time per action within 1.25 x of 20,000's, peak <= 400 MiB;
 * hostile files (tests/xlsx/hostile.ts, a FIFO, /dev/zero): each <= 5 s and <= 300 MiB, exit
 * 0 or 2 with at most one line on stderr; a stray value at XFD1048576 on the plan: read in <= 2 s.
 *
 * Then, in-process, where sdp-check's time goes: readXlsx, checkPlan (cold, then warm), rendering.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type * as UnzipYauzl from "../../src/cli/unzip-yauzl";
import type * as ReportJson from "../../src/cli/report-json";
import type * as ReportText from "../../src/cli/report-text";
import type * as Core from "../../src/core";
import type * as Xlsx from "../../src/xlsx";
import { encryptedXls, honestBomb, hugeDeclared, lyingBomb, strayCell } from "../xlsx/hostile";
import { ARTIFACTS, BENCH_AS_OF, planXlsxFile } from "./generate-plan";
import { cliScript } from "./built-cli";
import { REPO, median, nowMs, round, tryRequire, writeFigure, type Budget } from "./record";

const ACTIONS = 20000;
const BIG = 100000;
const RUNS = 5;
const BUDGET_RATIO = 0.8;
const BUDGET_RATIO_JSON = 1.0;
const BUDGET_MIB = 170;
const BUDGET_MIB_BIG = 400;
const BUDGET_GROWTH = 1.25;
const HOSTILE_MS = 5000;
const HOSTILE_MIB = 300;
const STRAY_MS = 2000;

const PRELOAD = path.join(REPO, "src/tools/bench-cpu-preload.mjs");
const CPU_FILE = path.join(ARTIFACTS, "cli-cpu.json");

interface ChildRun {
  ms: number;
  cpuMs: number | null;
  maxRssMiB: number | null;
  status: number | null;
  stderr: string;
}

/** Runs `node --import <preload> ...args`, stdout to a file; wall time from spawn to exit, the child's own CPU time and peak memory. */
function timeChild(args: string[], outFile: string, timeoutMs?: number): ChildRun {
  const fd = fs.openSync(outFile, "w");
  fs.rmSync(CPU_FILE, { force: true });
  try {
    const t0 = nowMs();
    const r = spawnSync(process.execPath, ["--import", pathToFileURL(PRELOAD).href, ...args], {
      cwd: REPO,
      stdio: ["ignore", fd, "pipe"],
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
      timeout: timeoutMs,
      env: { ...process.env, BENCH_CPU_FILE: CPU_FILE, NO_COLOR: "1" },
    });
    const ms = nowMs() - t0;
    let cpuMs: number | null = null;
    let maxRssMiB: number | null = null;
    try {
      const child = JSON.parse(fs.readFileSync(CPU_FILE, "utf8")) as { cpuMs: number; maxRssMiB?: number };
      cpuMs = child.cpuMs;
      maxRssMiB = child.maxRssMiB ?? null;
    } catch {
      /* the child died before its exit hook */
    }
    return { ms, cpuMs, maxRssMiB, status: r.status, stderr: r.stderr ?? "" };
  } finally {
    fs.closeSync(fd);
  }
}

const rows: Record<string, number | string | null>[] = [];
const notes: string[] = [];
const budgets: Budget[] = [];
let script: string | null = null;
/** Median ms per action at 20,000 actions (for the 100,000-action growth). */
let perAction20k: number | null = null;

beforeAll(() => {
  script = cliScript(notes);
});

afterAll(() => {
  writeFigure({
    id: "cli",
    title: "sdp-check versus exceljs loading the same .xlsx (20,000 actions)",
    rows,
    budgets,
    notes,
  });
});

test("sdp-check on a 20,000-action workbook versus exceljs loading it", async () => {
  const { file, plan } = await planXlsxFile(ACTIONS);
  const size = fs.statSync(file).size;
  notes.push(
    `workbook: ${path.relative(REPO, file)}, ${(size / 2 ** 20).toFixed(1)} MB, ${plan.actions} actions on ${plan.planTabs} plan tabs + 2 skipped tabs, ${plan.cells} cells`,
  );
  const baseline = path.join(REPO, "src/tools/bench-exceljs-load.mjs");
  const outText = path.join(ARTIFACTS, "cli-out.txt");
  const outJson = path.join(ARTIFACTS, "cli-out.json");
  const outLoad = path.join(ARTIFACTS, "cli-out-load.txt");
  const load: number[] = [];
  const text: number[] = [];
  const json: number[] = [];
  const cpu: Record<"load" | "text" | "json", number[]> = { load: [], text: [], json: [] };
  const rss: Record<"load" | "text" | "json", number[]> = { load: [], text: [], json: [] };
  let failure: string | null = null;
  if (script) {
    // one unmeasured round to warm the file cache, then interleaved measured rounds
    for (let k = 0; k <= RUNS; k++) {
      const a = timeChild([baseline, file], outLoad);
      const b = timeChild([script, file, "--as-of", BENCH_AS_OF], outText);
      const c = timeChild([script, file, "--as-of", BENCH_AS_OF, "--json"], outJson);
      for (const [name, r] of [
        ["exceljs load", a],
        ["sdp-check", b],
        ["sdp-check --json", c],
      ] as const) {
        if (r.status !== 0) failure = `${name} exited ${r.status}: ${r.stderr.split("\n")[0]}`;
      }
      if (failure) break;
      if (k === 0) continue;
      load.push(a.ms);
      text.push(b.ms);
      json.push(c.ms);
      if (a.cpuMs !== null) cpu.load.push(a.cpuMs);
      if (b.cpuMs !== null) cpu.text.push(b.cpuMs);
      if (c.cpuMs !== null) cpu.json.push(c.cpuMs);
      if (a.maxRssMiB !== null) rss.load.push(a.maxRssMiB);
      if (b.maxRssMiB !== null) rss.text.push(b.maxRssMiB);
      if (c.maxRssMiB !== null) rss.json.push(c.maxRssMiB);
    }
  }
  if (failure) notes.push(failure);
  const ok = script !== null && failure === null;
  const ratioText = ok ? median(text) / median(load) : null;
  const ratioJson = ok ? median(json) / median(load) : null;
  if (ok) {
    const row = (run: string, wall: number[], cpuMs: number[], mib: number[]) => ({
      run,
      "median ms": round(median(wall), 0),
      "min..max ms": `${round(Math.min(...wall), 0)}..${round(Math.max(...wall), 0)}`,
      "ratio (median)": round(median(wall) / median(load), 2),
      "ratio (fastest runs)": round(Math.min(...wall) / Math.min(...load), 2),
      "CPU ms (median)": round(median(cpuMs), 0),
      "ratio (CPU time)": round(median(cpuMs) / median(cpu.load), 2),
      "peak MiB (max)": mib.length ? round(Math.max(...mib), 0) : null,
    });
    rows.push(row("exceljs load only (baseline)", load, cpu.load, rss.load));
    rows.push(row("sdp-check (readable report)", text, cpu.text, rss.text));
    rows.push(row("sdp-check --json", json, cpu.json, rss.json));
    perAction20k = median(text) / ACTIONS;
    notes.push(
      `stdout: sdp-check ${fs.statSync(outText).size} bytes, sdp-check --json ${fs.statSync(outJson).size} bytes (to a file)`,
    );
    notes.push(
      "the fastest-run and CPU-time ratios are steadier than the median when other jobs load the machine; the budget is on the median",
    );
  }

  // In-process: where sdp-check's time goes (one warm-up, median of 3). The first checkPlan of
  // the process (cold: V8 has not compiled the engine yet) is measured in a child of its own.
  const core = tryRequire<typeof Core>("../../src/core");
  const xlsx = tryRequire<typeof Xlsx>("../../src/xlsx");
  const unzip = tryRequire<typeof UnzipYauzl>("../../src/cli/unzip-yauzl");
  const text2 = tryRequire<typeof ReportText>("../../src/cli/report-text");
  const json2 = tryRequire<typeof ReportJson>("../../src/cli/report-json");
  if (core.mod && xlsx.mod && unzip.mod) {
    const bytes = fs.readFileSync(file);
    const phases: Record<string, number[]> = { readXlsx: [], checkPlan: [], renderText: [], renderJson: [] };
    for (let k = 0; k < 4; k++) {
      let t0 = nowMs();
      const wb = await xlsx.mod.readXlsx(bytes, { unzip: unzip.mod.unzipWithYauzl(10_000) });
      const tRead = nowMs() - t0;
      t0 = nowMs();
      const result = core.mod.checkPlan(wb.grid, { asOf: BENCH_AS_OF });
      const tCheck = nowMs() - t0;
      t0 = nowMs();
      if (text2.mod) text2.mod.renderText(result, { file, colour: false, settingsProblem: null });
      const tText = nowMs() - t0;
      t0 = nowMs();
      if (json2.mod)
        for (const piece of json2.mod.renderJsonPieces(result, { file, settingsProblem: null })) void piece;
      const tJson = nowMs() - t0;
      if (k === 0) continue;
      phases.readXlsx.push(tRead);
      phases.checkPlan.push(tCheck);
      phases.renderText.push(tText);
      phases.renderJson.push(tJson);
    }
    notes.push(
      `in-process, warm (median of 3): readXlsx (yauzl + saxes) ${round(median(phases.readXlsx), 0)} ms; ` +
        `checkPlan ${round(median(phases.checkPlan), 0)} ms; renderText ${round(median(phases.renderText), 0)} ms; renderJson (pieces) ${round(median(phases.renderJson), 0)} ms`,
    );
  } else {
    notes.push(`in-process phases not measured: ${core.error ?? xlsx.error ?? unzip.error}`);
  }

  const how = `median wall time of ${RUNS} interleaved child-process runs each (node --import src/tools/bench-cpu-preload.mjs <script>)`;
  budgets.push(
    {
      name: "sdp-check / exceljs load, 20,000 actions",
      value: round(ratioText, 2),
      limit: BUDGET_RATIO,
      unit: "x",
      note: ok ? how : (failure ?? "sdp-check not available"),
    },
    {
      name: "sdp-check --json / exceljs load, 20,000 actions",
      value: round(ratioJson, 2),
      limit: BUDGET_RATIO_JSON,
      unit: "x",
      note: ok ? how : (failure ?? "sdp-check not available"),
    },
    {
      name: "sdp-check peak memory, 20,000 actions",
      value: ok && rss.text.length ? round(Math.max(...rss.text), 0) : null,
      limit: BUDGET_MIB,
      unit: "MiB",
      note: "maximum resident set of the readable-report runs (the highest of them)",
    },
  );
});

test("sdp-check on a 100,000-action workbook: linear, and within its memory", async () => {
  const { file, plan } = await planXlsxFile(BIG);
  notes.push(
    `100,000 actions: ${path.relative(REPO, file)}, ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB, ${plan.cells} cells`,
  );
  const runs: ChildRun[] = [];
  const jsonRuns: ChildRun[] = [];
  if (script) {
    for (let k = 0; k < 3; k++) {
      runs.push(timeChild([script, file, "--as-of", BENCH_AS_OF], path.join(ARTIFACTS, "cli-out-big.txt")));
      jsonRuns.push(
        timeChild([script, file, "--as-of", BENCH_AS_OF, "--json"], path.join(ARTIFACTS, "cli-out-big.json")),
      );
    }
  }
  const good = runs.filter((r) => r.status === 0);
  const ms = good.length ? median(good.slice(1).map((r) => r.ms)) : null;
  const mib = good.map((r) => r.maxRssMiB ?? Infinity);
  const jsonMib = jsonRuns.filter((r) => r.status === 0).map((r) => r.maxRssMiB ?? Infinity);
  if (ms !== null) {
    rows.push({
      run: "sdp-check, 100,000 actions",
      "median ms": round(ms, 0),
      "peak MiB (max)": round(Math.max(...mib), 0),
    });
    rows.push({
      run: "sdp-check --json, 100,000 actions",
      "median ms": round(median(jsonRuns.slice(1).map((r) => r.ms)), 0),
      "peak MiB (max)": jsonMib.length ? round(Math.max(...jsonMib), 0) : null,
    });
  } else notes.push(`100,000 actions: sdp-check failed: ${runs[0]?.stderr.split("\n")[0] ?? "not built"}`);
  budgets.push(
    {
      name: "sdp-check time per action, 100,000 / 20,000 actions",
      value: ms !== null && perAction20k ? round(ms / BIG / perAction20k, 2) : null,
      limit: BUDGET_GROWTH,
      unit: "x",
      note: "median of the last 2 of 3 runs at 100,000 actions, against the 20,000-action median (whole process)",
    },
    {
      name: "sdp-check peak memory, 100,000 actions",
      value: ms !== null ? round(Math.max(...mib, ...jsonMib), 0) : null,
      limit: BUDGET_MIB_BIG,
      unit: "MiB",
      note: "the highest of the readable and --json runs",
    },
  );
});

test("sdp-check on hostile files: quick, small, one line", async () => {
  const dir = path.join(ARTIFACTS, "hostile");
  fs.mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [];
  const put = async (name: string, bytes: Uint8Array | Promise<Uint8Array>) => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) fs.writeFileSync(file, await bytes);
    files.push([name, file]);
  };
  await put("zip bomb (300 MB sheet).xlsx", honestBomb());
  await put("zip bomb declaring 100 kB.xlsx", lyingBomb());
  await put("sheet declaring 4.3 GB.xlsx", hugeDeclared());
  await put("2.3 M cells in 50 MB.xlsx", honestBomb(50));
  await put("encrypted.xls.xlsx", encryptedXls());
  const fifo = path.join(dir, "fifo.xlsx");
  if (!fs.existsSync(fifo)) spawnSync("mkfifo", [fifo]);
  files.push(["FIFO", fifo], ["/dev/zero", "/dev/zero"]);
  const big = path.join(dir, "3 GB.xlsx");
  if (!fs.existsSync(big)) spawnSync("truncate", ["-s", "3G", big]);
  files.push(["3 GB file (sparse)", big]);
  let slowest = 0;
  let largest = 0;
  let wellBehaved = true;
  for (const [name, file] of files) {
    const r = script ? timeChild([script, file], path.join(ARTIFACTS, "cli-out-hostile.txt"), 60_000) : null;
    if (!r) break;
    const lines = r.stderr.split("\n").filter((l) => l !== "");
    const ok = (r.status === 0 || r.status === 2) && lines.length <= 1 && !/\n\s+at /.test(r.stderr);
    wellBehaved &&= ok;
    slowest = Math.max(slowest, r.ms);
    largest = Math.max(largest, r.maxRssMiB ?? Infinity);
    rows.push({
      run: `hostile: ${name}`,
      "median ms": round(r.ms, 0),
      "peak MiB (max)": r.maxRssMiB === null ? null : round(r.maxRssMiB, 0),
      exit: r.status,
      stderr: lines[0]?.replace(dir, "…") ?? "",
    });
  }
  // A stray value at XFD1048576 on the 20,000-action plan: it must still be read and checked.
  const strayFile = path.join(dir, "stray XFD1048576.xlsx");
  if (!fs.existsSync(strayFile)) fs.writeFileSync(strayFile, strayCell());
  const stray = script
    ? timeChild(
        [script, strayFile, "--as-of", BENCH_AS_OF],
        path.join(ARTIFACTS, "cli-out-stray.txt"),
        60_000,
      )
    : null;
  if (stray) {
    rows.push({
      run: "stray value at XFD1048576 (fixture plan)",
      "median ms": round(stray.ms, 0),
      "peak MiB (max)": stray.maxRssMiB === null ? null : round(stray.maxRssMiB, 0),
      exit: stray.status,
      stderr: stray.stderr.split("\n")[0] ?? "",
    });
  }
  budgets.push(
    {
      name: "hostile files: slowest answer",
      value: script && wellBehaved ? round(slowest, 0) : null,
      limit: HOSTILE_MS,
      unit: "ms",
      note: wellBehaved
        ? "every file: exit 0 or 2, at most one line on stderr"
        : "a file answered badly (see its row)",
    },
    {
      name: "hostile files: highest peak memory",
      value: script && wellBehaved ? round(largest, 0) : null,
      limit: HOSTILE_MIB,
      unit: "MiB",
    },
    {
      name: "stray value at XFD1048576: plan read and checked",
      value: stray && stray.status === 0 ? round(stray.ms, 0) : null,
      limit: STRAY_MS,
      unit: "ms",
      note:
        stray && stray.status !== 0
          ? `exit ${stray.status} (${stray.status === null ? "timed out at 60 s" : stray.stderr.split("\n")[0]})`
          : "whole process",
    },
  );
});
