/**
 * The check itself: read the file, read the workbook, apply stored settings and flags, run
 * the engine, render the report. Loaded only once the command line is known to be good, so
 * --help and a bad flag answer without loading exceljs.
 */
// The engine's own modules, not ../core (whose index loads the snapshot and settings schemas, and zod).
import { SUMMARY_SHEET } from "../core/summary-sheet";
import { checkPlan } from "../core/check";
import type { CheckOptions } from "../core/model";
import { DEFAULT_SETTINGS, type Settings } from "../core/settings-defaults";
import { readXlsxWith } from "../xlsx/read-package";
import type * as SettingsModule from "../core/settings";
import { DEFAULT_LIMITS } from "../xlsx/zip";
import type { RunArgs } from "./args";
import { renderJsonPieces } from "./report-json";
import { renderText, renderTextLines } from "./report-text";
import { BufferedWriter } from "./stdout-file";
import { unzipWithYauzl } from "./unzip-yauzl";

/** Tabs the add-in writes itself: never checked nor listed (SEMANTICS.md "Tabs, tables, sections, actions"). */
export const OWN_SHEETS = [SUMMARY_SHEET];

export interface CheckIo {
  readFile: (path: string) => Promise<Uint8Array>;
  today: () => string;
  colour: boolean;
  /** Given, the --json report is streamed through it piece by piece (and "" returned): never one string. */
  stdout?: (text: string) => void;
  /**
   * Given (stdout is a regular file: ./stdout-file), the report (text or --json) is encoded into one
   * reused buffer and written through this, synchronously, instead of through `stdout`.
   */
  stdoutBytes?: (bytes: Uint8Array) => void;
}

/** The workbook read with yauzl + node:zlib (never fflate, which the command line does not load). */
export function readWorkbook(bytes: Uint8Array): ReturnType<typeof readXlsxWith> {
  return readXlsxWith(bytes, unzipWithYauzl(DEFAULT_LIMITS.maxEntries));
}

/** The check's options: flags win over the settings stored in the workbook, which win over the defaults. */
export function optionsFor(
  args: RunArgs,
  storedSettings: unknown,
  today: string,
): { options: CheckOptions; settingsProblem: string | null } {
  const { settings, problem } = readSettings(storedSettings);
  return {
    options: {
      asOf: args.asOf ?? settings.asOf ?? today,
      dueSoonDays: args.dueSoonDays ?? settings.dueSoonDays,
      legend: settings.legend,
      columnOverrides: settings.columnOverrides,
      ownSheets: OWN_SHEETS,
    },
    settingsProblem: problem,
  };
}

/** parseSettings, whose schema (zod) is loaded only when the workbook stores settings to validate. */
function readSettings(stored: unknown): { settings: Settings; problem: string | null } {
  if (stored === null || stored === undefined) return { settings: DEFAULT_SETTINGS, problem: null }; // as parseSettings answers
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand: zod costs start-up time
  const { parseSettings } = require("../core/settings") as typeof SettingsModule;
  return parseSettings(stored);
}

/** Writes each piece, each followed by `end`, through one reused buffer (./stdout-file); returns "". */
function writeThrough(sink: (bytes: Uint8Array) => void, pieces: Iterable<string>, end = ""): "" {
  const out = new BufferedWriter(sink);
  for (const piece of pieces) {
    out.write(piece);
    if (end) out.write(end);
  }
  out.flush();
  return "";
}

/**
 * The report to print on stdout. Throws FileProblem / XlsxReadError for files it cannot read.
 * With io.stdoutBytes the report (text or --json), with io.stdout the --json document, is written
 * through it as it is made, and "" returned.
 */
export async function checkWorkbook(args: RunArgs, io: CheckIo): Promise<string> {
  const bytes = await io.readFile(args.path);
  const workbook = await readWorkbook(bytes);
  const { options, settingsProblem } = optionsFor(args, workbook.settings, io.today());
  // The first checkPlan of a process costs about 2-3 times a later one: V8's JIT, not the engine's
  // caches. Measured on the 20,000-action bench plan (CPU ms, a loaded 2-core machine, 2 Dec 2026):
  // fresh process 1,025 then 391, 353; after warming the JIT on ten other 1,000-action plans (other
  // texts, so the engine's per-text caches start empty) 327 then 285; with --no-opt (no optimising
  // compiler) 497, 470, 427. So ~600 ms of the cold run is running unoptimised code and TurboFan
  // compiling ~200 functions (70 deopts), on a thread that competes for the same 2 cores. Flags
  // do not help a whole run (--no-opt 2.7 s CPU against 1.9 s; --always-sparkplug,
  // --no-lazy-feedback-allocation no better): only less work makes the cold run cheaper.
  const result = checkPlan(workbook.grid, options);
  if (!args.json) {
    const report = { file: args.path, colour: io.colour, settingsProblem };
    // Line by line into the reused buffer: the 3 MB report of 20,000 actions is never one string.
    if (io.stdoutBytes) return writeThrough(io.stdoutBytes, renderTextLines(result, report), "\n");
    return renderText(result, report);
  }
  const pieces = renderJsonPieces(result, { file: args.path, settingsProblem });
  if (io.stdoutBytes) return writeThrough(io.stdoutBytes, pieces);
  if (!io.stdout) return [...pieces].join("");
  for (const piece of pieces) io.stdout(piece);
  return "";
}
