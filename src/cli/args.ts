/**
 * sdp-check's command line: <workbook.xlsx> [--as-of YYYY-MM-DD] [--due-soon-days N] [--json]
 * (also --flag=value, --help / -h, and "--" before a path that starts with "-").
 */
import { isIsoDate } from "../core/dates";

const USAGE = "sdp-check <workbook.xlsx> [--as-of YYYY-MM-DD] [--due-soon-days N] [--json]";

export const HELP = `Usage: ${USAGE}

Checks a Service Development Plan workbook: every action's owner, deadline, evidence and
RAG rating; which actions are overdue or due soon; and a summary per tab and overall.

  --as-of YYYY-MM-DD    judge the plan on this day (default: the date stored by the
                        add-in in the workbook, else today)
  --due-soon-days N     actions due within N days are "due soon" (default: the stored
                        setting, else 30)
  --json                print one JSON document instead of the readable report
  -h, --help            show this help

Exit status: 0 when the workbook was read (whatever it found); 2 when it could not be
read or the command line is wrong; 1 on an internal error.
`;

export interface RunArgs {
  kind: "run";
  path: string;
  asOf: string | null;
  dueSoonDays: number | null;
  json: boolean;
}

export type ParsedArgs = RunArgs | { kind: "help" } | { kind: "error"; message: string };

const VALUE_FLAGS = new Set(["--as-of", "--due-soon-days"]);

function fail(message: string): ParsedArgs {
  return { kind: "error", message: `${message} (usage: ${USAGE})` };
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const paths: string[] = [];
  const seen = new Set<string>();
  let asOf: string | null = null;
  let dueSoonDays: number | null = null;
  let json = false;
  let optionsEnded = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || !arg.startsWith("-") || arg === "-") {
      paths.push(arg);
      continue;
    }
    if (arg === "--") {
      optionsEnded = true;
      continue;
    }
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (seen.has(flag)) return fail(`${flag} is given more than once`);
    seen.add(flag);
    if (flag === "--json") {
      if (eq > 0) return fail("--json takes no value");
      json = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) return fail(`unknown option ${flag}`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) value = argv[++i];
    if (value === undefined || value === "") return fail(`${flag} needs a value`);

    if (flag === "--as-of") {
      if (!isIsoDate(value)) return fail(`--as-of must be a real date written YYYY-MM-DD, not "${value}"`);
      asOf = value;
    } else {
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
        return fail(`--due-soon-days must be a whole number of days, 0 or more, not "${value}"`);
      }
      dueSoonDays = Number(value);
    }
  }

  if (paths.length === 0) return fail("no workbook given");
  if (paths.length > 1) return fail(`one workbook at a time (got ${paths.length}: ${paths.join(", ")})`);
  return { kind: "run", path: paths[0], asOf, dueSoonDays, json };
}
