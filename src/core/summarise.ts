/**
 * Summarise progress, the engine's part: what moved since the review compared with, the committee
 * report, the summary tab's writes, and the reviews to store (this one in full, the earlier ones
 * packed against it). Pure: src/app/commands.ts summariseCommand reads the workbook, calls this, and
 * writes what it returns; tests/bench/engine.bench.ts times this very function.
 */
import type { WorkbookGrid } from "./grid";
import type { IsoDate, Legend, Movement, PlanResult } from "./model";
import { committeeReport, planTitle, type CommitteeReport, type ReviewRef } from "./report";
import { chooseReview, movementSince, storeReviews, type Review } from "./reviews";
import { keyDigests, takeStoredSnapshot, type SnapshotV2 } from "./snapshot";
import { planSummarySheet, SUMMARY_SHEET } from "./summary-sheet";
import type { SummarySheetWrite } from "./writes";

export interface SummariseInput {
  result: PlanResult;
  grid: WorkbookGrid;
  /** The stored reviews (readReviews), newest as-of date first. */
  reviews: readonly Review[];
  legend?: Legend;
  today: IsoDate;
  /** Compare with the stored review of this as-of date (default: the latest before this one). */
  compareWith?: IsoDate | null;
  sheetName?: string;
}

export interface Summarised {
  /** The review compared with, or null when none is stored. */
  previous: Review | null;
  /** A stored review of the same as-of date, which this one replaces (a same-day re-summary). */
  replaced: Review | null;
  movement: Movement | null;
  report: CommitteeReport;
  sheet: SummarySheetWrite;
  /** This review, as stored. */
  taken: SnapshotV2;
  /** What to store: `taken` with the earlier reviews packed against it. */
  snapshot: ReturnType<typeof storeReviews>;
}

/** A stored review named by its dates (what the report and the pane say of it), or null. */
export function reviewRef(review: Review | null): ReviewRef | null {
  return review ? { asOf: review.asOf, takenOn: review.takenOn } : null;
}

export function summariseProgress(input: SummariseInput): Summarised {
  const { result, reviews } = input;
  // A review of the same as-of date is this one taken again: it is replaced, and the comparison is with another.
  const replaced = reviews.find((r) => r.asOf === result.asOf) ?? null;
  const previous = chooseReview(reviews, result.asOf, input.compareWith);
  // Each action's key digest, worked out once for both the comparison and the review to store.
  const digests = keyDigests(result);
  const movement = movementSince(previous, result, digests);
  const report = committeeReport({
    result,
    planName: planTitle(result, input.grid),
    legend: input.legend,
    movement,
    previous: reviewRef(previous),
    replaces: reviewRef(replaced),
  });
  const sheet = planSummarySheet(result, movement, input.sheetName ?? SUMMARY_SHEET, report);
  // Stored compact: this review in full (version 2, about 80 bytes an action) and the earlier ones
  // packed against it (about 2 bytes an action each), bounded (reviews.ts).
  const taken = takeStoredSnapshot(result, input.today, digests);
  return { previous, replaced, movement, report, sheet, taken, snapshot: storeReviews(taken, reviews) };
}
