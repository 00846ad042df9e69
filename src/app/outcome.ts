/** What Check plan and Summarise progress hand back to the task pane and the ribbon commands. */
import type { IsoDate, Movement, PlanResult, Settings, SummarySheetWrite } from "../core/index";
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
  previousReview: IsoDate | null;
  sheet: SummarySheetWrite;
  committeeText: string;
}
