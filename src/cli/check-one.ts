/**
 * One workbook of a batch: path -> its §7 document (as `sdp-check <file> --json` prints it) or the
 * one-line reason it could not be read. Never throws: one bad workbook never stops a batch.
 * Runs in the main thread or in a worker (./batch-worker), so what it returns is plain data.
 *
 * It reads and checks exactly as check-workbook.ts does for a single workbook (same reader, same
 * options from flags + stored settings, same engine, same JSON builder); it only stops short of
 * rendering, and also reads the owner aliases stored in the settings (SEMANTICS.md "Plans from other councils").
 */
import { checkPlan } from "../core/check";
import { readOwnerAliases, type OwnerAlias } from "../core/owners";
import { XlsxReadError } from "../xlsx/errors";
import type { RunArgs } from "./args";
import { optionsFor, readWorkbook } from "./check-workbook";
import { FileProblem, readWorkbookFile } from "./read-file";
import { jsonReport, renderJson } from "./report-json";
import { renderText } from "./report-text";

export type WorkbookDocument = ReturnType<typeof jsonReport>;

export interface CheckOneFlags {
  asOf: string | null;
  dueSoonDays: number | null;
}

export type WorkbookOutcome =
  | { file: string; error: null; document: WorkbookDocument; aliases: OwnerAlias[] }
  | { file: string; error: string; document: null; aliases: [] };

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** The reason as run.ts words it for a single workbook (without the "sdp-check: " prefix). */
export function reasonOf(file: string, error: unknown): string {
  if (error instanceof FileProblem) return oneLine(error.message);
  if (error instanceof XlsxReadError) return `${file}: ${oneLine(error.message)}`;
  const message = error instanceof Error ? error.message : String(error);
  return `${file}: internal error (${oneLine(message)}): please report this.`;
}

/** The aliases in the stored settings (raw: a JSON text or an object), if any. */
function storedAliases(stored: unknown): OwnerAlias[] {
  let value = stored;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return []; // optionsFor already reports settings that are not JSON
    }
  }
  if (typeof value !== "object" || value === null) return [];
  return readOwnerAliases((value as { ownerAliases?: unknown }).ownerAliases).aliases;
}

export async function checkOne(
  file: string,
  flags: CheckOneFlags,
  today: string,
  readFile: (path: string) => Promise<Uint8Array> = readWorkbookFile,
): Promise<WorkbookOutcome> {
  try {
    const bytes = await readFile(file);
    const workbook = await readWorkbook(bytes);
    const args: RunArgs = { ...RUN_DEFAULTS, path: file, paths: [file], ...flags };
    const { options, settingsProblem } = optionsFor(args, workbook.settings, today);
    const result = checkPlan(workbook.grid, options);
    return {
      file,
      error: null,
      document: jsonReport(result, { file, settingsProblem }),
      aliases: storedAliases(workbook.settings),
    };
  } catch (error) {
    return { file, error: reasonOf(file, error), document: null, aliases: [] };
  }
}

const RUN_DEFAULTS: RunArgs = {
  kind: "run",
  path: "",
  paths: [],
  asOf: null,
  dueSoonDays: null,
  json: true,
  format: "json",
  out: null,
  failOn: null,
  quiet: false,
  jobs: null,
};

/**
 * A single workbook, as check-workbook.ts's checkWorkbook reports it (the same reader, options,
 * engine and renderers, so the report is byte for byte the same), plus its finding counts for
 * --fail-on. Throws FileProblem / XlsxReadError as checkWorkbook does.
 */
export async function checkSingle(
  args: RunArgs,
  io: { readFile: (path: string) => Promise<Uint8Array>; today: () => string; colour: boolean },
): Promise<{ report: string; findings: { error: number; warning: number; info: number } }> {
  const bytes = await io.readFile(args.path);
  const workbook = await readWorkbook(bytes);
  const { options, settingsProblem } = optionsFor(args, workbook.settings, io.today());
  const result = checkPlan(workbook.grid, options);
  const report = args.json
    ? renderJson(result, { file: args.path, settingsProblem })
    : renderText(result, { file: args.path, colour: io.colour, settingsProblem });
  return { report, findings: { ...result.summary.findings } };
}
