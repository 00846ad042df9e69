/**
 * sdp-check over several workbooks (or a folder): lists them (./batch-files), checks each as a
 * single workbook is checked (./check-one), `jobs` at a time (./batch-pool), names each one it
 * could not read in one line on stderr, renders the portfolio report, and picks the exit status.
 */
import type { RunArgs } from "./args";
import { listWorkbooks } from "./batch-files";
import { checkAll, defaultJobs } from "./batch-pool";
import type { WorkbookOutcome } from "./check-one";
import { buildPortfolio, hasFindings, renderPortfolioJson, type Portfolio } from "./portfolio-model";
import { renderPortfolioHtml } from "./portfolio-html";
import { renderPortfolioMarkdown } from "./portfolio-markdown";
import { renderPortfolioText } from "./portfolio-text";

export interface BatchIo {
  stderr: (text: string) => void;
  /** Writes the report (stdout, or --out's file). */
  report: (text: string) => Promise<void>;
  colour: boolean;
  today: () => string;
  /** Whether to draw the progress line (stderr is a terminal and --quiet was not given). */
  progress: boolean;
  /** In-thread runs only: how a file is read (tests). */
  readFile?: (path: string) => Promise<Uint8Array>;
  now?: () => number;
}

export const EXIT_FINDINGS = 1;

export function renderPortfolio(p: Portfolio, args: Pick<RunArgs, "format">, colour: boolean): string {
  switch (args.format) {
    case "json":
      return renderPortfolioJson(p);
    case "markdown":
      return renderPortfolioMarkdown(p);
    case "html":
      return renderPortfolioHtml(p);
    default:
      return renderPortfolioText(p, { colour });
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The progress line, redrawn in place on a terminal: "Checking 3/20 (1.4 s): plans/youth-justice.xlsx". */
export function progressLine(
  done: number,
  total: number,
  current: string,
  elapsedMs: number,
  width = 100,
): string {
  const head = `Checking ${done}/${total} (${seconds(elapsedMs)})`;
  if (!current) return head;
  const room = Math.max(10, width - head.length - 3);
  const name = current.length > room ? `…${current.slice(-(room - 1))}` : current;
  return `${head}: ${name}`;
}

export async function runBatch(args: RunArgs, io: BatchIo): Promise<number> {
  const entries = await listWorkbooks(args.paths);
  const readable = entries.filter((e) => e.problem === null).map((e) => e.file);
  // Nothing at all to check (one folder with no workbook in it): one line, no report.
  if (entries.length === 1 && entries[0].problem !== null) {
    io.stderr(`sdp-check: ${entries[0].problem}\n`);
    return 2;
  }
  const now = io.now ?? (() => Date.now());
  const started = now();
  let current = "";
  let done = 0;
  let drawn = false;
  const draw = () => {
    if (!io.progress) return;
    io.stderr(`\r\u001b[2K${progressLine(done, readable.length, current, now() - started)}`);
    drawn = true;
  };
  const timer = io.progress ? setInterval(draw, 500) : null;
  timer?.unref();
  let checked: WorkbookOutcome[];
  try {
    checked = await checkAll(readable, {
      flags: { asOf: args.asOf, dueSoonDays: args.dueSoonDays },
      today: io.today(),
      jobs: args.jobs ?? defaultJobs(),
      readFile: io.readFile,
      onProgress: (d, _total, file) => {
        done = d;
        if (file) current = file;
        draw();
      },
    });
  } finally {
    if (timer) clearInterval(timer);
    if (drawn) io.stderr("\r\u001b[2K");
  }
  // Back in the order given: the folder problems where their folder stood.
  const byFile = new Map(checked.map((o) => [o.file, o]));
  const outcomes: WorkbookOutcome[] = entries.map((e) =>
    e.problem !== null
      ? { file: e.file, error: e.problem, document: null, aliases: [] }
      : (byFile.get(e.file) as WorkbookOutcome),
  );
  for (const o of outcomes) if (o.error !== null) io.stderr(`sdp-check: ${o.error}\n`);
  const portfolio = buildPortfolio(outcomes, args.asOf);
  await io.report(renderPortfolio(portfolio, args, io.colour));
  if (portfolio.summary.workbooks.unread > 0) return 2;
  if (args.failOn && hasFindings(portfolio, args.failOn)) return EXIT_FINDINGS;
  return 0;
}
