/**
 * The writes the engine asks adapters to make. planFormatting and planSummarySheet never change
 * a cell's text; only planApplySuggestions and planConvertColourRatings do, on the user's say-so.
 */
import { a1 } from "./address";
import type { Action, IsoDate, Legend, PlanResult, Rating } from "./model";
import { tableOf } from "./sheet-check";
import { RATINGS } from "./model";
import { STATUS_PALETTE } from "./palette";
import { DEFAULT_LEGEND, mayOfferSuggestion } from "./rating";
import {
  planRatingFills,
  ratingColourScheme,
  type RatingColour,
  type RatingColourChoice,
} from "./rating-colours";
import type {
  PlanWrite,
  RatingColoursWrite,
  RatingDropdownWrite,
  SetTextWrite,
  StatusHighlightWrite,
} from "./writes";

export { planSummarySheet } from "./summary-sheet";

/**
 * The dropdown and live colours on each table's rating cells, and live overdue / due-soon
 * highlights on due cells. `ratingColours` (the setting): the add-in's palette, or the plan's own
 * fill for each rating where it has one (ratingColourScheme).
 */
export function planFormatting(
  result: PlanResult,
  legend: Legend = DEFAULT_LEGEND,
  ratingColours: RatingColourChoice = "palette",
): PlanWrite[] {
  const writes: PlanWrite[] = [];
  const scheme = ratingColourScheme(ratingColours, ratingColours === "plan" ? planRatingFills(result) : {});
  const labels = RATINGS.flatMap((r) => legend.ratings[r]?.label ?? []);
  for (const sheet of result.sheets) {
    const span = new Map<number, { first: number; last: number }>();
    for (const a of sheet.actions) {
      const table = tableOf(sheet.tables, a.row);
      if (!table) continue;
      const s = span.get(table.headerRow);
      if (s) s.last = Math.max(s.last, a.row);
      else span.set(table.headerRow, { first: a.row, last: a.row });
    }
    for (const table of sheet.tables) {
      const col = table.columns.rag;
      const s = span.get(table.headerRow);
      if (col === undefined || !s) continue;
      const { first, last } = s;
      const range = `${a1(first, col)}:${a1(last, col)}`;
      writes.push(dropdown(sheet.name, range, labels));
      writes.push(colours(sheet.name, range, a1(first, col), legend, scheme));
    }
    writes.push(...statusHighlights(sheet.name, sheet.actions, result.dueSoonDays));
  }
  return writes;
}

/**
 * The live highlights of one tab: the due cells of its open actions with a resolved due date,
 * grouped by that date, each group with the two rules of statusOf (status.ts) written in Excel:
 * overdue when due < as-of, i.e. TODAY() > D; due soon when as-of <= D <= as-of + N, i.e.
 * D - N <= TODAY() <= D. On-track actions are included, so their highlight appears by itself when
 * the window opens. TODAY() and DATE() are serial day numbers, so D - N is N calendar days before D.
 */
function statusHighlights(
  sheet: string,
  actions: readonly Action[],
  dueSoonDays: number,
): StatusHighlightWrite[] {
  const byDue = new Map<IsoDate, Action[]>();
  for (const a of actions) {
    const due = a.deadline.due;
    if (a.status === "complete" || due === null || a.columns.due === undefined) continue;
    const group = byDue.get(due);
    if (group) group.push(a);
    else byDue.set(due, [a]);
  }
  return [...byDue]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([due, group]) => {
      const date = excelDate(due);
      const start = dueSoonDays > 0 ? `${date}-${dueSoonDays}` : date;
      return {
        kind: "status-highlight",
        sheet,
        due,
        cells: group.sort((a, b) => a.row - b.row).map((a) => a1(a.row, a.columns.due ?? 1)),
        rules: [
          { status: "overdue", formula: `=TODAY()>${date}`, ...STATUS_PALETTE.overdue },
          {
            status: "due-soon",
            formula: `=AND(TODAY()>=${start},TODAY()<=${date})`,
            ...STATUS_PALETTE["due-soon"],
          },
        ],
      };
    });
}

/** DATE(y,m,d) of a calendar day: the same in every Excel locale's stored formula, and in both date systems. */
function excelDate(day: IsoDate): string {
  return `DATE(${Number(day.slice(0, 4))},${Number(day.slice(5, 7))},${Number(day.slice(8, 10))})`;
}

function dropdown(sheet: string, range: string, labels: string[]): RatingDropdownWrite {
  return {
    kind: "rating-dropdown",
    sheet,
    range,
    values: labels,
    errorTitle: "Not a rating",
    errorMessage: `Choose one of: ${labels.join(", ")}.`,
    promptTitle: "RAG rating",
    promptMessage: `Rate the action ${labels.join(", ")}.`.slice(0, 255),
  };
}

function colours(
  sheet: string,
  range: string,
  anchor: string,
  legend: Legend,
  scheme: Record<Rating, RatingColour>,
): RatingColoursWrite {
  const rules: RatingColoursWrite["rules"] = [];
  for (const rating of RATINGS) {
    const entry = legend.ratings[rating];
    if (!entry) continue;
    const texts = uniqueTexts([entry.label, ...entry.texts]);
    if (!texts.length) continue;
    const tests = texts.map((t) => `LOWER(TRIM(${anchor}))="${t.toLowerCase().replace(/"/g, '""')}"`);
    const { fill, font } = scheme[rating];
    rules.push({ rating, texts, formula: `=OR(${tests.join(",")})`, fill, font });
  }
  return { kind: "rating-colours", sheet, range, rules };
}

function uniqueTexts(texts: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of texts) {
    const k = t.trim().toLowerCase();
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push(t.trim());
  }
  return out;
}

type Target = { sheet: string; row: number };

/**
 * Writes each action's suggested rating where the add-in may offer it (mayOfferSuggestion: never
 * softer than the owner's rating), for the chosen actions only.
 */
export function planApplySuggestions(
  result: PlanResult,
  targets: "all" | Target[],
  legend: Legend = DEFAULT_LEGEND,
): SetTextWrite[] {
  const chosen = targets === "all" ? null : new Set(targets.map((t) => `${t.sheet}\u0000${t.row}`));
  const out: SetTextWrite[] = [];
  for (const a of allActions(result)) {
    if (chosen && !chosen.has(`${a.sheet}\u0000${a.row}`)) continue;
    const suggested = a.suggestedRag;
    // never soften the owner's rating (SEMANTICS.md, "Suggestions respect the owner")
    if (suggested === null || !mayOfferSuggestion(a.rag, suggested)) continue;
    const write = setRating(
      a,
      suggested,
      legend,
      `Suggested from its status (${a.status.replace("-", " ")})${a.rag ? `; it was rated ${a.rag}` : ""}.`,
    );
    if (write) out.push(write);
  }
  return out;
}

/** Writes the matching text into every rating cell that is rated by fill colour only. */
export function planConvertColourRatings(
  result: PlanResult,
  legend: Legend = DEFAULT_LEGEND,
): SetTextWrite[] {
  const out: SetTextWrite[] = [];
  for (const a of allActions(result)) {
    if (a.ragSource !== "colour" || a.rag === null) continue;
    const write = setRating(
      a,
      a.rag,
      legend,
      `Rated ${a.rag} by fill colour only: the text lets filters, formulas and screen readers see it.`,
    );
    if (write) out.push(write);
  }
  return out;
}

function setRating(a: Action, rating: Rating, legend: Legend, why: string): SetTextWrite | null {
  const col = a.columns.rag;
  const label = legend.ratings[rating]?.label;
  if (col === undefined || !label) return null;
  return { kind: "set-text", sheet: a.sheet, cell: a1(a.row, col), before: a.ratingText, text: label, why };
}

function allActions(result: PlanResult): Action[] {
  return result.sheets.flatMap((s) => s.actions);
}
