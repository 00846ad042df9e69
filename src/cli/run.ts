/**
 * sdp-check's whole run, with its outside world passed in (arguments, output, file reading),
 * so it is the same code under test and from the shell. Returns the exit status.
 *
 * One workbook named on the command line is checked exactly as it always was (the same report,
 * byte for byte); several, or a folder, make a batch (./batch) with a portfolio report.
 */
import { writeFile } from "node:fs/promises";
import { todayIso } from "../core/dates";
import { XlsxReadError } from "../xlsx/errors";
import { HELP, parseArgs, type RunArgs } from "./args";
import { isSingleWorkbook } from "./batch-files";
import { FileProblem, readWorkbookFile } from "./read-file";
import { stdoutFileSink } from "./stdout-file";
import type * as Batch from "./batch";
import type * as CheckOne from "./check-one";
import type * as CheckWorkbook from "./check-workbook";

export interface CliIo {
  stdout: (text: string) => void;
  /** Synchronous bytes to stdout, when stdout is a regular file (./stdout-file); a single check's report uses it. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour allowed). */
  colour: boolean;
  readFile: (path: string) => Promise<Uint8Array>;
  today: () => string;
  /** Whether stderr is a terminal (a batch draws its progress line there); false when absent. */
  stderrIsTerminal?: boolean;
  /** Writes --out's file (default: node:fs). */
  writeFile?: (path: string, text: string) => Promise<void>;
}

const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

class OutProblem extends Error {}

/** Where the report goes: stdout, or --out's file (colour only on a terminal, so never in a file). */
function reportSink(args: RunArgs, io: CliIo): { write: (text: string) => Promise<void>; colour: boolean } {
  if (args.out === null) return { write: (text) => Promise.resolve(io.stdout(text)), colour: io.colour };
  const out = args.out;
  const write = io.writeFile ?? ((path: string, text: string) => writeFile(path, text, "utf8"));
  return {
    colour: false,
    write: async (text) => {
      try {
        await write(out, text);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        throw new OutProblem(
          `cannot write the report to ${out}${typeof code === "string" ? ` (${code})` : ""}.`,
        );
      }
    },
  };
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
  const sink = reportSink(args, io);
  try {
    const single = (args.format === "text" || args.format === "json") && (await isSingleWorkbook(args.paths));
    if (!single) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runBatch } = require("./batch") as typeof Batch;
      return await runBatch(args, {
        stderr: io.stderr,
        report: sink.write,
        colour: sink.colour,
        today: io.today,
        progress: io.stderrIsTerminal === true && !args.quiet,
        readFile: io.readFile,
      });
    }
    if (args.failOn === null && args.out === null) {
      // Loaded here, not at the top: --help and bad flags answer without loading exceljs and the engine.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { checkWorkbook } = require("./check-workbook") as typeof CheckWorkbook;
      io.stdout(await checkWorkbook(args, io));
      return EXIT_OK;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { checkSingle } = require("./check-one") as typeof CheckOne;
    const { report, findings } = await checkSingle(args, { ...io, colour: sink.colour });
    await sink.write(report);
    const failed =
      args.failOn === "error"
        ? findings.error > 0
        : args.failOn === "warning" && findings.error + findings.warning > 0;
    return failed ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    if (error instanceof OutProblem) {
      io.stderr(`sdp-check: ${error.message}\n`);
      return EXIT_USAGE;
    }
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

function stdoutBytesIo(): Pick<CliIo, "stdoutBytes"> {
  const sink = stdoutFileSink();
  return sink ? { stdoutBytes: sink } : {};
}

export function defaultIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    ...stdoutBytesIo(),
    stderr: (text) => void process.stderr.write(text),
    colour: process.stdout.isTTY === true && !process.env.NO_COLOR,
    readFile: readWorkbookFile,
    today: () => todayIso(),
    stderrIsTerminal: process.stderr.isTTY === true,
  };
}
