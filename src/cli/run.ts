/**
 * sdp-check's whole run, with its outside world passed in (arguments, output, file reading),
 * so it is the same code under test and from the shell. Returns the exit status.
 */
import { todayIso } from "../core/dates";
import { XlsxReadError } from "../xlsx/errors";
import { HELP, parseArgs } from "./args";
import type * as CheckWorkbookModule from "./check-workbook";
import { FileProblem, readWorkbookFile } from "./read-file";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour allowed). */
  colour: boolean;
  readFile: (path: string) => Promise<Uint8Array>;
  today: () => string;
}

const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
const EXIT_USAGE = 2;

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (args.kind === "help") {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (args.kind === "error") {
    io.stderr(`sdp-check: ${args.message}\n`);
    return EXIT_USAGE;
  }
  try {
    // Loaded here, not at the top: --help and bad flags answer without loading exceljs and the engine.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand (see above)
    const { checkWorkbook } = require("./check-workbook") as typeof CheckWorkbookModule;
    io.stdout(await checkWorkbook(args, io));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof FileProblem || error instanceof XlsxReadError) {
      const where = error instanceof XlsxReadError ? `${args.path}: ` : "";
      io.stderr(`sdp-check: ${where}${oneLine(error.message)}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`sdp-check: internal error (${oneLine(message)}): please report this.\n`);
    return EXIT_INTERNAL;
  }
}

export function defaultIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    colour: process.stdout.isTTY === true && !process.env.NO_COLOR,
    readFile: readWorkbookFile,
    today: () => todayIso(),
  };
}
