/**
 * sdp-check's command line: <file-or-folder>… [--as-of YYYY-MM-DD] [--due-soon-days N]
 * [--json | --format text|markdown|html] [--out FILE] [--fail-on error|warning] [--quiet] [--jobs N]
 * (also --flag=value, --help / -h, and "--" before a path that starts with "-").
 */
import { isIsoDate } from "../core/dates";

const USAGE =
  "sdp-check <workbook.xlsx> [--as-of YYYY-MM-DD] [--due-soon-days N] [--json] [--format text|markdown|html] [--out FILE] [--fail-on error|warning] [--quiet] [--jobs N] (or several workbooks and folders)";

export const HELP = `Usage: ${USAGE}

Checks Service Development Plan workbooks: every action's owner, deadline, evidence and
RAG rating; which actions are overdue or due soon; and a summary per tab and overall.
Given several workbooks or a folder (searched with its subfolders for .xlsx and .xlsm files;
hidden files and Excel's lock files "~$…" are skipped), it checks each one and adds a
portfolio report: the counts across all plans, the overdue actions of every plan, who owes
what, and one sentence for the committee.

  --as-of YYYY-MM-DD    judge the plans on this day (default: the date stored by the
                        add-in in each workbook, else today)
  --due-soon-days N     actions due within N days are "due soon" (default: the stored
                        setting, else 30)
  --json                print one JSON document instead of the readable report
  --format F            text (the default), markdown (to paste), html (one self-contained
                        page to open in a browser or attach to a paper), or json
  --out FILE            write the report to FILE instead of the screen
  --fail-on S           exit 1 when there are findings of severity S or worse: error, or
                        warning (errors and warnings), when every workbook was read
  --quiet               no progress line while several workbooks are checked
  --jobs N              workbooks checked at once, each in its own thread (default: 2
                        when the machine has a core to spare, else 1)
  -h, --help            show this help

Exit status: 0 when every workbook was read (whatever it found); 2 when one could not be
read (each such workbook is named in one line) or the command line is wrong; 1 with
--fail-on when findings of that severity exist, or on an internal error.
`;

type ReportFormat = "text" | "markdown" | "html" | "json";
type FailOn = "error" | "warning";

export interface RunArgs {
  kind: "run";
  /** Every path given, in order. */
  paths: string[];
  /** The first path (the workbook, when there is one). */
  path: string;
  asOf: string | null;
  dueSoonDays: number | null;
  /** format === "json" */
  json: boolean;
  format: ReportFormat;
  out: string | null;
  failOn: FailOn | null;
  quiet: boolean;
  /** --jobs, or null for the default. */
  jobs: number | null;
}

export type ParsedArgs = RunArgs | { kind: "help" } | { kind: "error"; message: string };

const VALUE_FLAGS = new Set(["--as-of", "--due-soon-days", "--format", "--out", "--fail-on", "--jobs"]);
const FORMATS: readonly ReportFormat[] = ["text", "markdown", "html", "json"];
const MAX_JOBS = 16;

function fail(message: string): ParsedArgs {
  return { kind: "error", message: `${message} (usage: ${USAGE})` };
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const paths: string[] = [];
  const seen = new Set<string>();
  let asOf: string | null = null;
  let dueSoonDays: number | null = null;
  let json = false;
  let format: ReportFormat | null = null;
  let out: string | null = null;
  let failOn: FailOn | null = null;
  let quiet = false;
  let jobs: number | null = null;
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
    if (flag === "--json" || flag === "--quiet") {
      if (eq > 0) return fail(`${flag} takes no value`);
      if (flag === "--json") json = true;
      else quiet = true;
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
    } else if (flag === "--due-soon-days") {
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
        return fail(`--due-soon-days must be a whole number of days, 0 or more, not "${value}"`);
      }
      dueSoonDays = Number(value);
    } else if (flag === "--format") {
      if (!(FORMATS as readonly string[]).includes(value))
        return fail(`--format must be text, markdown, html or json, not "${value}"`);
      format = value as ReportFormat;
    } else if (flag === "--out") {
      out = value;
    } else if (flag === "--fail-on") {
      if (value !== "error" && value !== "warning")
        return fail(`--fail-on must be error or warning, not "${value}"`);
      failOn = value;
    } else {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_JOBS)
        return fail(`--jobs must be a whole number from 1 to ${MAX_JOBS}, not "${value}"`);
      jobs = Number(value);
    }
  }

  if (json && format !== null && format !== "json")
    return fail(`--json and --format ${format} ask for two reports: give one`);
  if (paths.length === 0) return fail("no workbook given");
  const chosen: ReportFormat = json ? "json" : (format ?? "text");
  return {
    kind: "run",
    paths,
    path: paths[0],
    asOf,
    dueSoonDays,
    json: chosen === "json",
    format: chosen,
    out,
    failOn,
    quiet,
    jobs,
  };
}
