/** What Check plan and Summarise progress hand back to the task pane and the ribbon commands. */
import type { IsoDate, Movement, PlanResult, Settings, SummarySheetWrite } from "../core/index";
import type { CommitteeReport, ReviewRef } from "../core/report";
import type { TrendPoint } from "../core/reviews";
import type { ExistingRules, WorkbookRead } from "../host/WorkbookHost";

export type FormattingState = "applied" | "needs-confirmation" | "blocked" | "nothing-to-do";

export interface CheckOutcome {
  read: WorkbookRead;
  settings: Settings;
  settingsProblem: string | null;
  result: PlanResult;
  formatting: FormattingState;
  conflicts: ExistingRules[];
  message: string | null;
}

export interface SummaryOutcome extends CheckOutcome {
  movement: Movement | null;
  /** The as-of date of the review compared with. */
  previousReview: IsoDate | null;
  previous: ReviewRef | null;
  /** The stored review of the same as-of date this summary replaced (a re-summary), or null. */
  replaces: ReviewRef | null;
  /** The earlier reviews kept in the workbook (newest first): what the manager may compare with. */
  earlierReviews: ReviewRef[];
  /** Every kept review's counts, oldest first, this one last. */
  trend: TrendPoint[];
  /** The committee report: paragraph, RAG table per tab, needs attention. */
  report: CommitteeReport;
  sheet: SummarySheetWrite;
  committeeText: string;
}
