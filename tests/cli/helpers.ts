import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
let cli = join(ROOT, "dist-cli", "cli", "sdp-check.js");
export const FIXTURE = join(ROOT, "tests", "fixtures", "sdp-2022-23.xlsx");
export const EXPECTED = join(ROOT, "tests", "fixtures", "sdp-2022-23.expected.json");

/**
 * Builds the CLI. With no folder: the way `npm ci` does (the package's prepare script, into
 * dist-cli/). With a name: into tests/artifacts/<name>/ (git-ignored), so test files running
 * side by side never write the same files. Later runCli calls use this build.
 */
export function buildCli(artifact?: string): string {
  if (artifact === undefined) {
    execFileSync("npm", ["run", "--silent", "prepare"], { cwd: ROOT, stdio: "pipe" });
    cli = join(ROOT, "dist-cli", "cli", "sdp-check.js");
  } else {
    const outDir = join(ROOT, "tests", "artifacts", artifact);
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json", "--outDir", outDir],
      {
        cwd: ROOT,
        stdio: "pipe",
      },
    );
    cli = join(outDir, "cli", "sdp-check.js");
  }
  return cli;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs with --json and parses stdout (which must be exactly one JSON document). */
export function runJson(args: string[]): { run: CliRun; report: JsonReport } {
  const run = runCli([...args, "--json"]);
  if (run.status !== 0) throw new Error(`sdp-check exited ${run.status}: ${run.stderr}`);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

interface JsonDeadline {
  text?: string;
  kind: string;
  due: string | null;
  start: string | null;
  milestones: string[];
}

interface JsonAction {
  sheet?: string;
  row: number;
  key?: string;
  section: string | null;
  owner?: string;
  action?: string;
  deadline: JsonDeadline;
  rag: string | null;
  ragSource: string | null;
  status: string;
  suggestedRag: string | null;
  daysOverdue?: number | null;
}

interface JsonFinding {
  rule: string;
  severity?: string;
  cell: string;
  row?: number;
  message?: string;
}

export interface JsonSummary {
  actions: number;
  rag: Record<string, number>;
  status: Record<string, number>;
  percentComplete: number;
  sentence?: string;
  overdue?: { cell: string; daysOverdue: number; owner: string; action: string; due: string }[];
}

export interface JsonReport {
  asOf: string;
  dueSoonDays?: number;
  planYear: { start: string; end: string } | null;
  skippedSheets: string[];
  sheets: { name: string; actions: JsonAction[]; findings: JsonFinding[]; summary: JsonSummary }[];
  summary: JsonSummary;
}
