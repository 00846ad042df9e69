/**
 * The portfolio of a batch: every workbook's outcome (its §7 document or why it was not read),
 * and across the plans read the §7 summary shape (counts, percent complete, overdue actions
 * oldest first, finding counts, one committee sentence) and who owes what. Built from the
 * single-workbook documents only, so a plan counts in the portfolio exactly as its own
 * report shows it. Also the --json document of a batch.
 */
import type { IsoDate, RatingCounts, SeverityCounts, StatusCounts } from "../core/model";
import { RATINGS, STATUSES } from "../core/model";
import {
  groupOwners,
  mergeOverdue,
  portfolioSentence,
  type OwnerGrouping,
  type PortfolioOverdue,
} from "../core/portfolio";
import { emptyRatingCounts, emptyStatusCounts, percentOf } from "../core/summary";
import type { WorkbookDocument, WorkbookOutcome } from "./check-one";

interface PortfolioSummary {
  actions: number;
  rag: RatingCounts;
  status: StatusCounts;
  percentComplete: number;
  sentence: string;
  overdue: PortfolioOverdue[];
  findings: SeverityCounts;
  /** Plans read and workbooks that could not be read. */
  workbooks: { read: number; unread: number };
}

export interface Portfolio {
  /** --as-of, else the as-of date every plan read shares, else null (they differ). */
  asOf: IsoDate | null;
  outcomes: WorkbookOutcome[];
  summary: PortfolioSummary;
  owners: OwnerGrouping;
}

export function buildPortfolio(outcomes: readonly WorkbookOutcome[], asOfFlag: IsoDate | null): Portfolio {
  const read = outcomes.filter(
    (o): o is WorkbookOutcome & { document: WorkbookDocument } => o.document !== null,
  );
  const rag = emptyRatingCounts();
  const status = emptyStatusCounts();
  const findings: SeverityCounts = { error: 0, warning: 0, info: 0 };
  let actions = 0;
  for (const { document: d } of read) {
    actions += d.summary.actions;
    for (const k of [...RATINGS, "none"] as const) rag[k] += d.summary.rag[k];
    for (const k of STATUSES) status[k] += d.summary.status[k];
    for (const k of ["error", "warning", "info"] as const) findings[k] += d.summary.findings[k];
  }
  const overdue = mergeOverdue(read.map((o) => ({ workbook: o.file, overdue: o.document.summary.overdue })));
  const percentComplete = percentOf(status.complete, actions);
  const unread = outcomes.length - read.length;
  const sentence = portfolioSentence(
    { actions, rag, status, percentComplete },
    {
      read: read.length,
      unread,
      withOverdue: read.filter((o) => o.document.summary.status.overdue > 0).length,
      oldestDue: overdue[0]?.due ?? null,
    },
  );
  const asOfs = new Set(read.map((o) => o.document.asOf));
  const owners = groupOwners(
    read.map((o) => ({
      workbook: o.file,
      aliases: o.aliases,
      actions: o.document.sheets.flatMap((s) => s.actions.map((a) => ({ owner: a.owner, status: a.status }))),
    })),
  );
  return {
    asOf: asOfFlag ?? (asOfs.size === 1 ? [...asOfs][0] : null),
    outcomes: [...outcomes],
    summary: {
      actions,
      rag,
      status,
      percentComplete,
      sentence,
      overdue,
      findings,
      workbooks: { read: read.length, unread },
    },
    owners,
  };
}

/** Whether findings of this severity (or worse) exist in the plans read. */
export function hasFindings(p: Portfolio, failOn: "error" | "warning"): boolean {
  const f = p.summary.findings;
  return failOn === "error" ? f.error > 0 : f.error + f.warning > 0;
}

/** The batch's --json document: { asOf, workbooks: [{ file, error, …§7 document }], summary, owners }. */
function portfolioJson(p: Portfolio) {
  return {
    asOf: p.asOf,
    workbooks: p.outcomes.map((o) =>
      o.document === null
        ? { file: o.file, error: o.error }
        : Object.assign({ file: o.file, error: null }, o.document),
    ),
    summary: {
      actions: p.summary.actions,
      rag: p.summary.rag,
      status: p.summary.status,
      percentComplete: p.summary.percentComplete,
      sentence: p.summary.sentence,
      overdue: p.summary.overdue.map(({ workbook, ...o }) => ({ file: workbook, ...o })),
      findings: p.summary.findings,
      workbooks: p.summary.workbooks,
    },
    owners: {
      groups: p.owners.owners,
      noOwner: p.owners.noOwner,
    },
  };
}

export function renderPortfolioJson(p: Portfolio): string {
  return `${JSON.stringify(portfolioJson(p), null, 2)}\n`;
}
