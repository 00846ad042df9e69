/**
 * The check itself: read the file, read the workbook, apply stored settings and flags, run
 * the engine, render the report. Loaded only once the command line is known to be good, so
 * --help and a bad flag answer without loading exceljs.
 */
import { checkPlan, type CheckOptions } from "../core";
// parseSettings is not (yet) re-exported by src/core/index.ts.
import { parseSettings } from "../core/settings";
import { readXlsx } from "../xlsx/read-xlsx";
import type { RunArgs } from "./args";
import { renderJson } from "./report-json";
import { renderText } from "./report-text";

/**
 * Tabs the add-in writes itself: never checked nor listed (PLAN-SEMANTICS §1). The name is
 * planSummarySheet's default in src/core/summary-sheet.ts (not exported as a constant there yet).
 */
export const OWN_SHEETS = ["Progress Summary"];

export interface CheckIo {
  readFile: (path: string) => Promise<Uint8Array>;
  today: () => string;
  colour: boolean;
}

/** The check's options: flags win over the settings stored in the workbook, which win over the defaults. */
export function optionsFor(
  args: RunArgs,
  storedSettings: unknown,
  today: string,
): { options: CheckOptions; settingsProblem: string | null } {
  const { settings, problem } = parseSettings(storedSettings);
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

/** The report to print on stdout. Throws FileProblem / XlsxReadError for files it cannot read. */
export async function checkWorkbook(args: RunArgs, io: CheckIo): Promise<string> {
  const bytes = await io.readFile(args.path);
  const workbook = await readXlsx(bytes);
  const { options, settingsProblem } = optionsFor(args, workbook.settings, io.today());
  const result = checkPlan(workbook.grid, options);
  return args.json
    ? renderJson(result, { file: args.path, settingsProblem })
    : renderText(result, { file: args.path, colour: io.colour, settingsProblem });
}
