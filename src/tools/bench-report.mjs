#!/usr/bin/env node
// Collects the benchmark figures (tests/artifacts/bench/<figure>.json, written by
// tests/bench/*.bench.ts), prints them with the machine's details, and writes
// tests/bench/RESULTS.md (figures, budgets, pass/fail).
//
//   node src/tools/bench-report.mjs            report
//   node src/tools/bench-report.mjs --check    report, then exit 1 when a budget is missed or
//                                              was not measured (listing which, by how much)
//   node src/tools/bench-report.mjs --clear    delete the recorded figures (not the cached workbooks)
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const artifacts = path.join(repo, "tests/artifacts/bench");
const resultsFile = path.join(repo, "tests/bench/RESULTS.md");
const check = process.argv.includes("--check");

// --clear: forget the figures of an earlier run (npm run bench starts with it, so a bench that
// crashes shows as "not measured" instead of an old figure). The cached workbooks stay.
if (process.argv.includes("--clear")) {
  if (existsSync(artifacts))
    for (const f of readdirSync(artifacts)) if (f.endsWith(".json")) rmSync(path.join(artifacts, f));
  process.exit(0);
}

// The figures and budgets the benchmarks promise, in report order. A figure file that is
// missing (its bench did not run or crashed) shows its budgets as "not measured".
const FIGURES = [
  {
    id: "engine",
    title: "Engine: checkPlan + summaries",
    budgets: ["20,000 actions checked and summarised", "per-action time growth 50k / 1k"],
  },
  {
    id: "recheck",
    title: "Live re-check of one edited row (20,000 actions)",
    budgets: ["re-check one edited row, 20,000 actions"],
  },
  {
    id: "cli",
    title: "sdp-check versus exceljs loading the same .xlsx (20,000 actions)",
    budgets: [
      "sdp-check / exceljs load, 20,000 actions",
      "sdp-check --json / exceljs load, 20,000 actions",
      "sdp-check peak memory, 20,000 actions",
      "sdp-check time per action, 100,000 / 20,000 actions",
      "sdp-check peak memory, 100,000 actions",
      "hostile files: slowest answer",
      "hostile files: highest peak memory",
      "stray value at XFD1048576: plan read and checked",
    ],
  },
  {
    id: "batch",
    title: "sdp-check over 20 workbooks of 1,000 actions: worker pool versus one at a time",
    budgets: ["batch of 20 workbooks: pool / one at a time"],
  },
  {
    id: "roundtrips",
    title: "Office.js round trips on the in-memory Excel",
    budgets: ["commands over 2 syncs + chunks (or failed)", "largest single sync payload"],
  },
  {
    id: "bundle",
    title: "Task pane bundle and start-up",
    budgets: ["task pane initial JS (gzip)", "task pane interactive (Check plan enabled)"],
  },
];

function readFigures() {
  const found = new Map();
  if (existsSync(artifacts)) {
    for (const f of readdirSync(artifacts)) {
      if (!f.endsWith(".json")) continue;
      try {
        const fig = JSON.parse(readFileSync(path.join(artifacts, f), "utf8"));
        if (fig && typeof fig.id === "string" && Array.isArray(fig.budgets)) found.set(fig.id, fig);
      } catch {
        /* not a figure file */
      }
    }
  }
  return found;
}

function fmt(v) {
  if (v === null || v === undefined) return "–";
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en-GB") : String(v);
  return String(v);
}

function judge(b) {
  if (b.value === null || b.value === undefined) return { state: "not measured", over: null };
  const max = (b.kind ?? "max") === "max";
  const pass = max ? b.value <= b.limit : b.value >= b.limit;
  const over = max ? b.value - b.limit : b.limit - b.value;
  return { state: pass ? "pass" : "MISS", over };
}

function mdTable(header, rows) {
  const esc = (s) => fmt(s).replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    `| ${header.map(esc).join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
}

function textTable(header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => fmt(c)));
  const widths = header.map((_, i) => Math.min(60, Math.max(...cells.map((r) => (r[i] ?? "").length))));
  const line = (r) => r.map((c, i) => (c ?? "").slice(0, 60).padEnd(widths[i])).join("  ");
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join(
    "\n",
  );
}

const figures = readFigures();
const machine = {
  cpu: os.cpus()[0]?.model?.trim() ?? "unknown",
  cores: os.cpus().length,
  memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
};

// ---- budgets
const budgetRows = [];
const problems = [];
for (const spec of FIGURES) {
  const fig = figures.get(spec.id);
  const budgets = fig
    ? fig.budgets
    : spec.budgets.map((name) => ({
        name,
        value: null,
        limit: null,
        unit: "",
        note: "figure not recorded (bench did not run or failed)",
      }));
  if (fig)
    for (const name of spec.budgets)
      if (!budgets.some((b) => b.name === name))
        budgets.push({
          name,
          value: null,
          limit: null,
          unit: "",
          note: "budget missing from the figure file",
        });
  for (const b of budgets) {
    const { state, over } = judge(b);
    const unit = b.unit ? ` ${b.unit}` : "";
    const limit =
      b.limit === null ? "–" : `${(b.kind ?? "max") === "max" ? "≤" : "≥"} ${fmt(b.limit)}${unit}`;
    const margin =
      over === null
        ? ""
        : state === "pass"
          ? `${fmt(Math.round(-over * 100) / 100)}${unit} to spare`
          : `over by ${fmt(Math.round(over * 100) / 100)}${unit}${b.limit ? ` (${Math.round((over / b.limit) * 100)}%)` : ""}`;
    budgetRows.push([
      spec.id,
      b.name,
      b.value === null ? "–" : `${fmt(b.value)}${unit}`,
      limit,
      state,
      margin,
      b.note ?? "",
    ]);
    if (state !== "pass")
      problems.push(
        `${spec.id}: ${b.name}: ${state === "MISS" ? `${fmt(b.value)}${unit}, budget ${limit}, ${margin}` : `not measured (${b.note ?? "no value"})`}`,
      );
  }
}
for (const [id, fig] of figures) {
  if (FIGURES.some((f) => f.id === id)) continue;
  for (const b of fig.budgets) {
    const { state } = judge(b);
    budgetRows.push([id, b.name, fmt(b.value), fmt(b.limit), state, "", b.note ?? ""]);
    if (state !== "pass") problems.push(`${id}: ${b.name}: ${state}`);
  }
}
const budgetHeader = ["figure", "budget", "measured", "limit", "result", "margin", "how"];

// ---- figure tables
function figureSection(spec, fig, md) {
  const out = [];
  const title = fig?.title ?? spec.title;
  if (!fig) {
    out.push(md ? `### ${title}\n\nNot recorded: run \`npm run bench\`.` : `== ${title}\n   not recorded`);
    return out.join("\n");
  }
  // rows with the same columns form one table (a figure may hold several kinds of row)
  const groups = [];
  for (const r of fig.rows) {
    const keys = Object.keys(r);
    const sig = keys.join("\u0000");
    const last = groups[groups.length - 1];
    if (last && last.sig === sig) last.rows.push(r);
    else groups.push({ sig, cols: keys, rows: [r] });
  }
  const load = fig.machine?.loadAvg;
  const busy = load && fig.machine?.cores && load[0] > fig.machine.cores;
  const when = `measured ${fig.measuredAt}${load ? `, load average ${load.join(" / ")}${busy ? " (busy machine: re-run before trusting timings)" : ""}` : ""}`;
  if (md) {
    out.push(`### ${title}\n\n_${when}_\n`);
    for (const g of groups)
      out.push(
        mdTable(
          g.cols,
          g.rows.map((r) => g.cols.map((c) => r[c])),
        ) + "\n",
      );
    for (const n of fig.notes ?? []) out.push(`- ${n}`);
  } else {
    out.push(`== ${title} (${when})`);
    for (const g of groups)
      out.push(
        textTable(
          g.cols,
          g.rows.map((r) => g.cols.map((c) => r[c])),
        ) + "\n",
      );
    for (const n of fig.notes ?? []) out.push(`  * ${n}`);
  }
  return out.join("\n");
}

const specs = [
  ...FIGURES,
  ...[...figures.keys()]
    .filter((id) => !FIGURES.some((f) => f.id === id))
    .map((id) => ({ id, title: id, budgets: [] })),
];
const machineLine = `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.os}`;

// ---- print
console.log(`\nSDP Assistant benchmarks: ${machineLine}\n`);
for (const spec of specs) console.log(figureSection(spec, figures.get(spec.id), false) + "\n");
console.log("== Budgets");
console.log(
  textTable(
    budgetHeader.slice(0, 6),
    budgetRows.map((r) => r.slice(0, 6)),
  ),
);

// ---- RESULTS.md
const md = [
  "# Benchmark results",
  "",
  "Written by `npm run bench` (`src/tools/bench-report.mjs`) from the figures in `tests/artifacts/bench/`.",
  "Figures, not timed tests: re-run on a quiet machine before trusting one (other jobs skew timings).",
  "",
  `Machine: ${machineLine}.`,
  "",
  "## Budgets",
  "",
  mdTable(budgetHeader, budgetRows),
  "",
  "## Figures",
  "",
  ...specs.map((spec) => figureSection(spec, figures.get(spec.id), true) + "\n"),
].join("\n");
writeFileSync(resultsFile, md);
console.log(`\nwrote ${path.relative(repo, resultsFile)}`);

if (problems.length) {
  console.log(`\n${problems.length} budget(s) not met:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  if (check) process.exit(1);
} else {
  console.log("\nall budgets met");
}
