/**
 * The use-cases the task pane and the ribbon commands call: pure orchestration over a
 * WorkbookHost and the engine. Round trips: Check plan = read + apply (2 syncs); Summarise =
 * read + apply; re-check after an edit = readRows + apply; refresh = read (+ apply when the
 * add-in's formatting is out of date).
 */
import {
  checkPlan,
  parseSettings,
  planFormatting,
  recheckRows,
  workbookSentence,
  type IsoDate,
  type SetTextWrite,
} from "../core/index";
import { reviewRef, summariseProgress } from "../core/summarise";
import { readReviews, resultPoint, trendPoint, type Review } from "../core/reviews";
import { STORAGE_SHEET } from "../core/storage-layout";
import type { CellEdit, WorkbookHost } from "../host/WorkbookHost";
import { decideFormatting } from "./formatting";
import { patchGrid } from "./grid-patch";
import { blockedMessage } from "./messages";
import { cachesOf } from "./caches";
import { checkOptions, SUMMARY_SHEET } from "./options";
import type { CheckOutcome, SummaryOutcome } from "./outcome";
import { currentText } from "./cell-text";

export type { CheckOutcome, SummaryOutcome, FormattingState } from "./outcome";
export { SUMMARY_SHEET, OWN_SHEETS } from "./options";

export async function checkPlanCommand(
  host: WorkbookHost,
  opts: { today: IsoDate; replaceUserRules?: boolean },
): Promise<CheckOutcome> {
  // Check plan judges today's plan: the previous review's snapshot is not needed (ReadOptions).
  const read = await host.read({ snapshot: "skip" });
  const { settings, problem } = parseSettings(read.settings);
  const result = checkPlan(read.grid, checkOptions(settings, opts.today, cachesOf(host)));
  const decision = decideFormatting(
    read,
    planFormatting(result, settings.legend, settings.ratingColours),
    opts.replaceUserRules === true,
    "Check plan",
  );
  if (decision.state === "applied")
    await host.apply(decision.writes, { replaceUserRules: opts.replaceUserRules === true });
  return {
    read,
    settings,
    settingsProblem: problem,
    result,
    formatting: decision.state,
    conflicts: decision.conflicts,
    message: decision.message,
  };
}

export async function summariseCommand(
  host: WorkbookHost,
  opts: {
    today: IsoDate;
    /** Judge the plan as at this date (e.g. the plan's review date) rather than the stored setting or today. */
    asOf?: IsoDate | null;
    /** Compare with the stored review of this as-of date (default: the latest before this one). */
    compareWith?: IsoDate | null;
  },
): Promise<SummaryOutcome> {
  // The one command that needs the stored reviews: movement since the last one, the earlier ones listed.
  const read = await host.read({ snapshot: "load" });
  const { settings, problem } = parseSettings(read.settings);
  const result = checkPlan(
    read.grid,
    checkOptions(opts.asOf ? { ...settings, asOf: opts.asOf } : settings, opts.today, cachesOf(host)),
  );
  // Every stored review, in any stored form, newest as-of date first.
  const reviews = readReviews(read.snapshot);
  const { previous, replaced, movement, report, sheet, taken, snapshot } = summariseProgress({
    result,
    grid: read.grid,
    reviews,
    legend: settings.legend,
    today: opts.today,
    compareWith: opts.compareWith,
    sheetName: SUMMARY_SHEET,
  });
  const previousRef = reviewRef(previous);
  const replacesRef = reviewRef(replaced);
  const committeeText = workbookSentence(result.summary, movement);
  const summaryBlocked = blockedMessage(
    [SUMMARY_SHEET, STORAGE_SHEET].filter((s) => read.protectedSheets.includes(s)),
    read.readOnly,
    "Summarise progress",
  );
  if (summaryBlocked) throw new Error(summaryBlocked);
  // Formatting goes along where allowed: never replacing the user's own rules without asking.
  const decision = decideFormatting(
    read,
    planFormatting(result, settings.legend, settings.ratingColours),
    false,
    "Summarise progress",
  );
  await host.apply([...decision.writes, sheet], { snapshot });
  const kept: Review[] = [
    { asOf: taken.asOf, takenOn: taken.takenOn, snapshot: taken },
    ...readReviews(snapshot).slice(1),
  ];
  return {
    read,
    settings,
    settingsProblem: problem,
    result,
    formatting: decision.state,
    conflicts: decision.conflicts,
    message: decision.message,
    movement,
    previousReview: previous?.asOf ?? null,
    previous: previousRef,
    replaces: replacesRef,
    earlierReviews: kept.slice(1).map((r) => ({ asOf: r.asOf, takenOn: r.takenOn })),
    trend: kept
      .map((r, i) => (i === 0 ? resultPoint(result, opts.today) : trendPoint(r)))
      .sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0)),
    report,
    sheet,
    committeeText,
  };
}

export async function applyTextChangesCommand(
  host: WorkbookHost,
  writes: SetTextWrite[],
): Promise<{ changed: number; restore: SetTextWrite[] }> {
  if (writes.length === 0) return { changed: 0, restore: [] };
  const read = await host.read({ snapshot: "skip" });
  const blocked = blockedMessage(
    [...new Set(writes.map((w) => w.sheet))].filter((s) => read.protectedSheets.includes(s)),
    read.readOnly,
    "the change",
  );
  if (blocked) throw new Error(blocked);
  const still = writes.filter((w) => currentText(read.grid, w.sheet, w.cell) === w.before);
  if (still.length === 0) return { changed: 0, restore: [] };
  const applied = await host.apply(still);
  const restore = still.map((w): SetTextWrite => ({
    ...w,
    before: w.text,
    text: w.before,
    why: `Restore what ${w.cell} said before: ${w.why}`,
  }));
  return { changed: applied.changedCells, restore };
}

export async function removeFormattingCommand(host: WorkbookHost): Promise<void> {
  // Fresh protection and read-only state first: a tab protected since the last check must stop the
  // removal before anything is written (Office.js has no transactions), with a message naming it.
  await host.read({ snapshot: "skip" });
  await host.removeAddedFormatting();
}

export async function recheckCommand(
  host: WorkbookHost,
  previous: CheckOutcome,
  edit: CellEdit,
  today: IsoDate,
): Promise<CheckOutcome> {
  const sheetGrid = previous.read.grid.sheets.find((s) => s.name === edit.sheet);
  if (!sheetGrid || edit.rows.length === 0) return previous;
  const first = Math.min(...edit.rows);
  const last = Math.max(...edit.rows);
  const width = Math.max(1, ...sheetGrid.values.map((r) => r.length));
  const rows = await host.readRows(edit.sheet, first, last, sheetGrid.origin.col + width - 1);
  const grid = patchGrid(previous.read.grid, rows);
  const read = { ...previous.read, grid };
  const result = recheckRows(
    previous.result,
    grid,
    edit.sheet,
    edit.rows,
    checkOptions(previous.settings, today, cachesOf(host)),
  );
  const writes = planFormatting(result, previous.settings.legend, previous.settings.ratingColours).filter(
    (w) => w.sheet === edit.sheet,
  );
  // The user already chose (or was asked) about their own rules when the plan was checked.
  if (previous.formatting !== "applied" && previous.formatting !== "nothing-to-do")
    return { ...previous, read, result };
  const decision = decideFormatting(read, writes, true, "Check plan");
  if (decision.state === "applied") await host.apply(decision.writes, { replaceUserRules: true });
  return {
    ...previous,
    read,
    result,
    formatting: decision.state === "nothing-to-do" ? previous.formatting : decision.state,
    message: decision.message,
  };
}

/**
 * Re-reads the whole plan without asking anything: run when the pane regains focus, because
 * picking from a dropdown does not always fire an edit event. Keeps the add-in's formatting
 * current only where the user already let it format (the last check applied it) and only when
 * the writes differ from last time; a new clash with the user's own rules is left alone.
 */
export async function refreshCommand(
  host: WorkbookHost,
  previous: CheckOutcome,
  today: IsoDate,
): Promise<CheckOutcome> {
  const read = await host.read({ snapshot: "skip" });
  const { settings, problem } = parseSettings(read.settings);
  const result = checkPlan(read.grid, checkOptions(settings, today, cachesOf(host)));
  const refreshed: CheckOutcome = { ...previous, read, settings, settingsProblem: problem, result };
  if (previous.formatting !== "applied") return refreshed;
  const writes = planFormatting(result, settings.legend, settings.ratingColours);
  if (
    JSON.stringify(writes) ===
    JSON.stringify(planFormatting(previous.result, previous.settings.legend, previous.settings.ratingColours))
  )
    return refreshed;
  const decision = decideFormatting(read, writes, false, "Check plan");
  if (decision.state === "applied") await host.apply(decision.writes);
  return {
    ...refreshed,
    formatting: decision.state,
    conflicts: decision.conflicts,
    message: decision.message,
  };
}
