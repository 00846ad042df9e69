/**
 * Figure 3, the command-line check: `sdp-check` on a 20,000-action .xlsx versus exceljs merely
 * loading the same file (src/tools/bench-exceljs-load.mjs). Both run as child processes of the
 * same node with the same flags, interleaved, stdout to a file; wall time from spawn to exit.
 * Budget: sdp-check (readable report) <= 1.3 x the bare load. The --json run is reported too.
 *
 * Then, in-process, where sdp-check's time goes: exceljs load, the rest of readXlsx (cells ->
 * grid), checkPlan, rendering.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Core from "../../src/core";
import { ARTIFACTS, BENCH_AS_OF, planXlsxFile } from "./generate-plan";
import { REPO, median, nowMs, round, tryRequire, writeFigure, type Budget } from "./record";

const ACTIONS = 20000;
const RUNS = 5;
const BUDGET_RATIO = 1.3;

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** dist-cli/cli/sdp-check.js when it is newer than its sources; otherwise a private build of the same sources. */
function cliScript(notes: string[]): string | null {
  const shipped = path.join(REPO, "dist-cli/cli/sdp-check.js");
  const sources = Math.max(
    ...["src/core", "src/xlsx", "src/cli"].map((d) => newestMtime(path.join(REPO, d))),
  );
  if (
    fs.existsSync(shipped) &&
    fs.statSync(shipped).mtimeMs >= sources &&
    newestMtime(path.join(REPO, "dist-cli")) >= sources
  ) {
    notes.push("sdp-check: dist-cli/cli/sdp-check.js (up to date with its sources)");
    return shipped;
  }
  const out = path.join(ARTIFACTS, "cli-build");
  fs.rmSync(out, { recursive: true, force: true });
  const tsc = spawnSync(
    process.execPath,
    [path.join(REPO, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json", "--outDir", out],
    {
      cwd: REPO,
      encoding: "utf8",
    },
  );
  const script = path.join(out, "cli/sdp-check.js");
  if (!fs.existsSync(script)) {
    notes.push(
      `sdp-check could not be built: ${(tsc.stdout + tsc.stderr).split("\n").slice(0, 3).join(" | ")}`,
    );
    return null;
  }
  notes.push(
    `sdp-check: dist-cli/ missing or older than src/, so built privately (tsc -p tsconfig.cli.json --outDir tests/artifacts/bench/cli-build)${tsc.status ? " (tsc reported type errors but emitted)" : ""}`,
  );
  return script;
}

const PRELOAD = path.join(REPO, "src/tools/bench-cpu-preload.mjs");
const CPU_FILE = path.join(ARTIFACTS, "cli-cpu.json");

/** Runs `node --import <preload> ...args`, stdout to a file; wall time from spawn to exit, and the child's own CPU time. */
function timeChild(
  args: string[],
  outFile: string,
): { ms: number; cpuMs: number | null; status: number | null; stderr: string } {
  const fd = fs.openSync(outFile, "w");
  fs.rmSync(CPU_FILE, { force: true });
  try {
    const t0 = nowMs();
    const r = spawnSync(process.execPath, ["--import", pathToFileURL(PRELOAD).href, ...args], {
      cwd: REPO,
      stdio: ["ignore", fd, "pipe"],
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
      env: { ...process.env, BENCH_CPU_FILE: CPU_FILE, NO_COLOR: "1" },
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

test("sdp-check on a 20,000-action workbook versus exceljs loading it", async () => {
  const notes: string[] = [];
  const { file, plan } = await planXlsxFile(ACTIONS);
  const size = fs.statSync(file).size;
  notes.push(
    `workbook: ${path.relative(REPO, file)}, ${(size / 2 ** 20).toFixed(1)} MB, ${plan.actions} actions on ${plan.planTabs} plan tabs + 2 skipped tabs, ${plan.cells} cells`,
  );
  const script = cliScript(notes);
  const baseline = path.join(REPO, "src/tools/bench-exceljs-load.mjs");
  const outText = path.join(ARTIFACTS, "cli-out.txt");
  const outJson = path.join(ARTIFACTS, "cli-out.json");
  const outLoad = path.join(ARTIFACTS, "cli-out-load.txt");
  const load: number[] = [];
  const text: number[] = [];
  const json: number[] = [];
  const cpu: Record<"load" | "text" | "json", number[]> = { load: [], text: [], json: [] };
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
    }
  }
  if (failure) notes.push(failure);
  const ok = script !== null && failure === null;
  const ratioText = ok ? median(text) / median(load) : null;
  const rows: Record<string, number | string | null>[] = [];
  if (ok) {
    const row = (run: string, wall: number[], cpuMs: number[]) => ({
      run,
      "median ms": round(median(wall), 0),
      "min..max ms": `${round(Math.min(...wall), 0)}..${round(Math.max(...wall), 0)}`,
      "ratio (median)": round(median(wall) / median(load), 2),
      "ratio (fastest runs)": round(Math.min(...wall) / Math.min(...load), 2),
      "CPU ms (median)": round(median(cpuMs), 0),
      "ratio (CPU time)": round(median(cpuMs) / median(cpu.load), 2),
    });
    rows.push(row("exceljs load only (baseline)", load, cpu.load));
    rows.push(row("sdp-check (readable report)", text, cpu.text));
    rows.push(row("sdp-check --json", json, cpu.json));
    notes.push(
      `stdout: sdp-check ${fs.statSync(outText).size} bytes, sdp-check --json ${fs.statSync(outJson).size} bytes (to a file)`,
    );
    notes.push(
      "the fastest-run and CPU-time ratios are steadier than the median when other jobs load the machine; the budget is on the median",
    );
  }

  // In-process: where sdp-check's time goes (one warm-up, median of 3).
  const core = tryRequire<typeof Core>("../../src/core");
  const xlsx = tryRequire<typeof import("../../src/xlsx")>("../../src/xlsx");
  const text2 = tryRequire<typeof import("../../src/cli/report-text")>("../../src/cli/report-text");
  const json2 = tryRequire<typeof import("../../src/cli/report-json")>("../../src/cli/report-json");
  if (core.mod && xlsx.mod) {
    const ExcelJS = require("exceljs") as typeof import("exceljs");
    const bytes = fs.readFileSync(file);
    const phases: Record<string, number[]> = {
      "exceljs load": [],
      readXlsx: [],
      checkPlan: [],
      renderText: [],
      renderJson: [],
    };
    for (let k = 0; k < 4; k++) {
      let t0 = nowMs();
      await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
      const tLoad = nowMs() - t0;
      t0 = nowMs();
      const wb = await xlsx.mod.readXlsx(bytes);
      const tRead = nowMs() - t0;
      t0 = nowMs();
      const result = core.mod.checkPlan(wb.grid, { asOf: BENCH_AS_OF });
      const tCheck = nowMs() - t0;
      t0 = nowMs();
      if (text2.mod) text2.mod.renderText(result, { file, colour: false, settingsProblem: null });
      const tText = nowMs() - t0;
      t0 = nowMs();
      if (json2.mod) json2.mod.renderJson(result, { file, settingsProblem: null });
      const tJson = nowMs() - t0;
      if (k === 0) continue;
      phases["exceljs load"].push(tLoad);
      phases.readXlsx.push(tRead);
      phases.checkPlan.push(tCheck);
      phases.renderText.push(tText);
      phases.renderJson.push(tJson);
    }
    const loadMs = median(phases["exceljs load"]);
    const readMs = median(phases.readXlsx);
    notes.push(
      `in-process (median of 3): exceljs load ${round(loadMs, 0)} ms; readXlsx ${round(readMs, 0)} ms (of which cells -> grid ≈ ${round(readMs - loadMs, 0)} ms); ` +
        `checkPlan ${round(median(phases.checkPlan), 0)} ms; renderText ${round(median(phases.renderText), 0)} ms; renderJson ${round(median(phases.renderJson), 0)} ms`,
    );
  } else {
    notes.push(`in-process phases not measured: ${core.error ?? xlsx.error}`);
  }

  const budgets: Budget[] = [
    {
      name: "sdp-check / exceljs load, 20,000 actions",
      value: round(ratioText, 2),
      limit: BUDGET_RATIO,
      unit: "x",
      note: ok
        ? `median wall time of ${RUNS} interleaved child-process runs each (node --import src/tools/bench-cpu-preload.mjs <script>)`
        : (failure ?? "sdp-check not available"),
    },
  ];
  writeFigure({
    id: "cli",
    title: "sdp-check versus exceljs loading the same .xlsx (20,000 actions)",
    rows,
    budgets,
    notes,
  });
});
