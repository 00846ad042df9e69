/**
 * The writes the engine asks for, as plain data. Adapters (Office.js, the preview host,
 * the .xlsx writer) apply them; the engine never touches a workbook.
 *
 * Ranges are A1 addresses without the sheet ("G8:G17"); `sheet` names the tab.
 * Every write is idempotent by construction: applying the same list twice leaves the
 * same workbook as applying it once (adapters clear what they own before adding).
 */
import type { CellValue } from "./grid";
import type { IsoDate, Rating } from "./model";

/** A list dropdown on the rating cells (data validation), with a friendly error alert. */
export interface RatingDropdownWrite {
  kind: "rating-dropdown";
  sheet: string;
  range: string;
  /** The allowed texts, in order: ["Blue", "Green", "Amber", "Red"]. */
  values: string[];
  errorTitle: string;
  errorMessage: string;
  promptTitle: string;
  promptMessage: string;
}

/** Conditional formats that colour each rating's text, live for colleagues without the add-in. */
export interface RatingColoursWrite {
  kind: "rating-colours";
  sheet: string;
  range: string;
  /** In priority order (first wins). Each rule matches cells whose trimmed text equals one of `texts`, any case. */
  rules: {
    rating: Rating;
    texts: string[];
    /** Custom formula anchored on the range's top-left cell, e.g. =OR(LOWER(TRIM(G8))="green",LOWER(TRIM(G8))="g"). */
    formula: string;
    fill: string; // "#RRGGBB"
    font: string; // "#RRGGBB"
  }[];
}

/**
 * Live highlights on the due cells of open actions that share one resolved due date: one rule per
 * status, each a formula of TODAY() and constants only (no cell reference), so the colour changes
 * by itself when the date passes, in any Excel, with the add-in closed (SEMANTICS.md "Highlights").
 */
export interface StatusHighlightWrite {
  kind: "status-highlight";
  sheet: string;
  /** The resolved due date every cell shares ("2022-05-31"). */
  due: IsoDate;
  /** Cell addresses, e.g. ["D16", "D9"]. */
  cells: string[];
  /** Overdue then due-soon: disjoint (no day makes both true), so their order and stopIfTrue change nothing. */
  rules: {
    status: "overdue" | "due-soon";
    /** e.g. =TODAY()>DATE(2022,5,31) and =AND(TODAY()>=DATE(2022,5,31)-30,TODAY()<=DATE(2022,5,31)). */
    formula: string;
    fill: string;
    font: string;
  }[];
}

/** A cell text change. Only ever produced by an explicit user action (apply suggestion, convert colour ratings). */
export interface SetTextWrite {
  kind: "set-text";
  sheet: string;
  cell: string;
  /** The text the cell holds now (to confirm nothing changed in between, and to restore). */
  before: string;
  text: string;
  why: string;
}

/** The "Progress Summary" tab, written (or refreshed in place) by Summarise progress. */
export interface SummarySheetWrite {
  kind: "summary-sheet";
  sheet: string;
  /** Cells from A1 down, row by row (ragged rows allowed). */
  rows: CellValue[][];
  /** 1-based rows to show bold (titles, table headers). */
  boldRows: number[];
  /** 1-based rows that are table headers (bold, shaded). */
  headerRows: number[];
  /** Links to plan rows: the cell holding the link, and where it goes ("'Early Help'!A16"). */
  links: { row: number; col: number; target: string; text: string }[];
  /** Widths of columns A, B, … in characters. */
  columnWidths: number[];
  /** A stacked bar chart of ratings per tab, from anchorCell (top left) to endCell (bottom right). */
  chart: { title: string; range: string; anchorCell: string; endCell: string } | null;
}

export type PlanWrite =
  RatingDropdownWrite | RatingColoursWrite | StatusHighlightWrite | SetTextWrite | SummarySheetWrite;
