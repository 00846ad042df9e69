/** Shared by the robustness tests: hosts whose Excel fails on purpose, and the CLI run in-process. */
import type { WorkbookGrid } from "../../src/core/grid";
import { OfficeWorkbookHost } from "../../src/excel/OfficeWorkbookHost";
import type { ExcelRun } from "../../src/excel/run";
import {
  createMemoryExcel,
  memoryWorkbookFromGrid,
  type MemoryRequestContext,
  type MemoryWorkbook,
} from "../../src/memory-excel";
import { runCli, type CliIo } from "../../src/cli/run";

export type SyncHook = (syncNumber: number, context: MemoryRequestContext) => void;

/**
 * Excel.run over the memory workbook, where `hook` is called before every context.sync()
 * (numbered from 1 across the host's whole life). The hook may throw (a sync that fails before
 * Excel ran anything: a lost connection) or change the workbook (a colleague protecting a tab
 * between the add-in's read and its write).
 */
function hookedRun(workbook: MemoryWorkbook, hook: SyncHook): ExcelRun {
  const inner = createMemoryExcel(workbook).run;
  let syncs = 0;
  const run = <T>(batch: (context: MemoryRequestContext) => Promise<T>): Promise<T> =>
    inner(async (context) => {
      const sync = context.sync.bind(context);
      context.sync = async () => {
        syncs += 1;
        hook(syncs, context);
        return sync();
      };
      return batch(context);
    });
  return run as unknown as ExcelRun;
}

export function hookedHost(
  grid: WorkbookGrid,
  hook: SyncHook,
): { workbook: MemoryWorkbook; host: OfficeWorkbookHost } {
  const workbook = memoryWorkbookFromGrid(grid);
  return { workbook, host: new OfficeWorkbookHost({ run: hookedRun(workbook, hook) }) };
}

/** An Office-like error with a code, as OfficeExtension.Error carries. */
export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** sdp-check run in-process on these bytes: exit status, stdout, stderr. */
export async function cliOn(
  bytes: Uint8Array,
  args: string[] = [],
): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: "", stderr: "" };
  const io: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    colour: false,
    readFile: async () => bytes,
    today: () => "2022-07-15",
  };
  const status = await runCli(["plan.xlsx", ...args], io);
  return { status, ...out };
}

/** Where two snapshotState() strings differ: up to `limit` JSON paths with both values (short), [] when equal. */
export function stateDiff(a: string, b: string, limit = 8): string[] {
  const out: string[] = [];
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (out.length >= limit) return;
    if (JSON.stringify(x) === JSON.stringify(y)) return;
    if (x && y && typeof x === "object" && typeof y === "object") {
      const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
      for (const k of keys)
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}/${k}`);
      return;
    }
    out.push(`${path}: ${JSON.stringify(x)?.slice(0, 120)} -> ${JSON.stringify(y)?.slice(0, 120)}`);
  };
  walk(JSON.parse(a), JSON.parse(b), "");
  return out;
}
