/**
 * The plan model: what the engine makes of a workbook. The words are the plan's own
 * (action, owner, due, rating, section). See src/core/SEMANTICS.md for what each one means.
 */
import type { CacheStore } from "./caches";

/** A calendar day as "YYYY-MM-DD" (no time, no time zone). */
export type IsoDate = string;

export const RATINGS = ["blue", "green", "amber", "red"] as const;
export type Rating = (typeof RATINGS)[number];
export type RatingSource = "text" | "colour";

export const STATUSES = ["complete", "overdue", "due-soon", "on-track", "ongoing", "no-deadline"] as const;
export type Status = (typeof STATUSES)[number];

export const DEADLINE_KINDS = [
  "date",
  "range",
  "milestones",
  "recurring",
  "complete",
  "tbc",
  "missing",
  "unparsed",
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** How precise a `date` deadline is: shown to the user beside the cell text. */
export type DatePrecision = "day" | "month" | "quarter" | "season" | "year-end" | "term" | "academic-year";

/** The column roles a header cell can name (SEMANTICS.md "Tabs, tables, sections, actions"). */
export const ROLES = [
  "reason",
  "owner",
  "action",
  "start",
  "due",
  "evidence",
  "experience",
  "rag",
  "comments",
  "ref",
  "area",
] as const;
export type Role = (typeof ROLES)[number];

export interface PlanYear {
  start: IsoDate; // 1 April
  end: IsoDate; // 31 March
}

export interface Deadline {
  /** The due cell as the user sees it ("May-22", "First by July 2022. Second by December 2022"). */
  text: string;
  kind: DeadlineKind;
  due: IsoDate | null;
  /** First day of a range's first month; null for every other kind. */
  start: IsoDate | null;
  /** Every milestone date for kind "milestones", in order; [] otherwise. */
  milestones: IsoDate[];
  /** The first milestone on or after the as-of date (milestones only). */
  nextMilestone: IsoDate | null;
  /** For kind "date": what the text was read as. */
  precision: DatePrecision | null;
  /** The reading in words, shown beside the cell text: "31 May 2022, end of month". */
  reading: string;
}

export type Severity = "error" | "warning" | "info";

export const FINDING_RULES = [
  "missing-owner",
  "rag-invalid",
  "missing-deadline",
  "deadline-unparsed",
  "deadline-tbc",
  "missing-evidence",
  "rag-missing",
  "rag-contradicts-date",
  "rag-needs-comment",
  "deadline-before-plan-year",
  "milestone-passed",
  "rag-colour-only",
  "formula-not-calculated",
] as const;
export type FindingRule = (typeof FINDING_RULES)[number];

export interface Finding {
  rule: FindingRule;
  severity: Severity;
  /** The cell to fix, quoted as Excel does: "'Early Help'!D14". */
  cell: string;
  sheet: string;
  row: number;
  col: number;
  /** What is wrong and what to do, in a plan owner's words. */
  message: string;
}

/** 1-based column numbers of the roles a table has (absent roles are missing). */
export type ColumnMap = Partial<Record<Role, number>>;

export interface PlanTable {
  sheet: string;
  headerRow: number;
  /** Last row that belongs to this table (inclusive). */
  lastRow: number;
  columns: ColumnMap;
  /** The header text of each role's column as written in the table (for messages). */
  headers?: Partial<Record<Role, string>>;
}

export interface Action {
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  /** Stable across row moves: sheet + normalised action text (+ "#2", "#3" for exact duplicates). */
  key: string;
  section: string | null;
  reason: string;
  owner: string;
  action: string;
  evidence: string;
  experience: string;
  comments: string;
  /** The action's own Start column (not deadline.start), as shown. */
  startText: string;
  deadline: Deadline;
  /** The rating cell's text as written ("green ", "?", ""). */
  ratingText: string;
  rag: Rating | null;
  ragSource: RatingSource | null;
  /** The rating cell holds a progress word ("Not started", "In progress", "Ongoing", "N/A"): not a
   * rating and not an error (SEMANTICS.md "Plans from other councils"). Absent when false. */
  progressWord?: boolean;
  /** The rating cell's own fill ("#RRGGBB"), when it is a colour that means the cell's rating (a
   * green fill on a cell rated green, by its text or by that fill). Absent otherwise. The plan's own
   * colours are found from it (planRatingFills, SEMANTICS.md "Ratings and colours"). */
  ratingFill?: string;
  /** Roles whose cell on this row is a formula saved with no calculated value. Absent when none. */
  uncalculated?: Role[];
  complete: boolean;
  status: Status;
  suggestedRag: Rating | null;
  /** Whole days past due on the as-of date (overdue only), else null. */
  daysOverdue: number | null;
  /** 1-based column of each role in this action's table (to address cells). */
  columns: ColumnMap;
}

export type RatingCounts = Record<Rating | "none", number>;
export type StatusCounts = Record<Status, number>;
export type SeverityCounts = Record<Severity, number>;

export interface OverdueItem {
  sheet: string;
  row: number;
  key: string;
  section: string | null;
  action: string;
  owner: string;
  due: IsoDate;
  dueText: string;
  daysOverdue: number;
  /** The action's row as a cell address to jump to: "'Early Help'!C16". */
  cell: string;
}

export interface Summary {
  actions: number;
  rag: RatingCounts;
  status: StatusCounts;
  percentComplete: number;
  /** Overdue actions, oldest due date first. */
  overdue: OverdueItem[];
  findings: SeverityCounts;
  /** One plain-English sentence for a committee report. */
  sentence: string;
}

export interface SectionResult {
  name: string | null;
  summary: Summary;
}

export interface SheetResult {
  name: string;
  tables: PlanTable[];
  actions: Action[];
  findings: Finding[];
  sections: SectionResult[];
  summary: Summary;
}

export interface PlanResult {
  asOf: IsoDate;
  dueSoonDays: number;
  planYear: PlanYear | null;
  /** "Date for review" read from the title rows, offered as the as-of date. */
  reviewDate: IsoDate | null;
  /** Hidden tabs and tabs with no header row, in workbook order. */
  skippedSheets: string[];
  /** The visible skipped tabs that hold rows of text but no header row the engine recognises: the
   * pane says "no plan table found on <tab>: name its columns" (SEMANTICS.md "Plans from other councils"). Workbook order. */
  unnamedSheets: string[];
  sheets: SheetResult[];
  summary: Summary;
}

/** Which texts and fill colours mean which rating (per workbook; SEMANTICS.md "Ratings (RAG)"). */
export interface Legend {
  version: 1;
  ratings: Partial<Record<Rating, { label: string; texts: string[]; colours: string[] }>>;
  /** When false, blue is a rating like any other and does not make an action complete. */
  blueMeansComplete: boolean;
}

/** A user's override for an unusual header: this header text names that role. */
export interface ColumnOverride {
  /** Limit to one tab; omitted = every tab. */
  sheet?: string;
  header: string;
  role: Role;
}

export interface CheckOptions {
  /** The day the plan is judged on (default: today, chosen by the adapter). */
  asOf: IsoDate;
  /** Due-soon window in days (default 30). */
  dueSoonDays?: number;
  legend?: Legend;
  columnOverrides?: ColumnOverride[];
  /** Tabs never checked nor listed (the add-in's own summary tab). */
  ownSheets?: string[];
  /**
   * Caches kept by a caller that checks the same workbook repeatedly (the pane): see CacheStore in
   * caches.ts. Without it each check makes its own, dropped with it. Results are the same either way.
   */
  caches?: CacheStore;
}

/** What "Summarise progress" stores in the workbook, to report movement next time. */
export interface Snapshot {
  version: 1;
  /** The day the summary was taken (the review date). */
  takenOn: IsoDate;
  asOf: IsoDate;
  actions: Record<string, SnapshotEntry>;
}

export interface SnapshotEntry {
  sheet: string;
  row: number;
  action: string;
  rag: Rating | null;
  status: Status;
}

export interface MovedAction {
  key: string;
  sheet: string;
  row: number;
  action: string;
}

export interface Movement {
  /** The as-of date of the review compared with (the date its plan was judged on, not the day it was taken). */
  since: IsoDate;
  ratingChanges: (MovedAction & { from: Rating | null; to: Rating | null })[];
  newlyOverdue: MovedAction[];
  completed: MovedAction[];
  added: MovedAction[];
  removed: MovedAction[];
}
