/**
 * Shared helpers of the benchmarks: timing, medians, machine details, and the JSON figure
 * files (tests/artifacts/bench/<figure>.json) that src/tools/bench-report.mjs collects.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ARTIFACTS } from "./generate-plan";

export interface Budget {
  name: string;
  /** The measured value, or null when it could not be measured (counts as missed under --check). */
  value: number | null;
  limit: number;
  unit: string;
  /** "max": value must be <= limit (default); "min": value must be >= limit. */
  kind?: "max" | "min";
  /** Why the value is null, or how it was measured. */
  note?: string;
}

export interface Figure {
  id: string;
  title: string;
  measuredAt: string;
  machine: Machine;
  /** Rows of figures, each with named columns (printed as a table). */
  rows: Record<string, number | string | null>[];
  budgets: Budget[];
  notes: string[];
}

interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  os: string;
  loadAvg: number[];
}

function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? "unknown",
    cores: cpus.length,
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    loadAvg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function round(x: number | null | undefined, digits = 2): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function writeFigure(fig: Omit<Figure, "measuredAt" | "machine">): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${fig.id}.json`);
  const full: Figure = { ...fig, measuredAt: new Date().toISOString(), machine: machine() };
  fs.writeFileSync(file, JSON.stringify(full, null, 2) + "\n");
  // Printed so a bench run shows its figures even without the report.
  process.stdout.write(
    `\n[bench] ${fig.title}\n${JSON.stringify({ rows: fig.rows, budgets: fig.budgets, notes: fig.notes }, null, 1)}\n`,
  );
  return file;
}

/** Loads a module that another engineer may not have written yet; null (with the reason) when it is missing or does not load. */
export function tryRequire<T>(modulePath: string): { mod: T | null; error: string | null } {
  try {
    return { mod: require(modulePath) as T, error: null };
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return { mod: null, error: msg };
  }
}

export const REPO = path.resolve(__dirname, "../..");
