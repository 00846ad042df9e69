/**
 * What checkPlan and the re-check share: the options in force for one check (contextOf) and the
 * result built from checked tabs (assemble). Its own module so that check.ts and recheck.ts do not
 * import each other.
 */
import { addDays, isIsoDate } from "./dates";
import { engineCaches } from "./caches";
import type { EvaluateContext } from "./evaluate";
import type { CheckOptions, IsoDate, PlanResult, SheetResult } from "./model";
import { DEFAULT_LEGEND } from "./rating";
import { combineSummaries } from "./summary";

const DEFAULT_DUE_SOON_DAYS = 30;

/**
 * The options in force. The as-of date is the caller's (the adapters choose today: the engine reads
 * no clock); one that is not a calendar day is a caller's bug and throws. A bad window falls back to 30 days.
 */
export function contextOf(
  options: CheckOptions,
  planYear: EvaluateContext["planYear"],
  date1904 = false,
): EvaluateContext {
  const asOf = checkedAsOf(options);
  const days = options.dueSoonDays;
  const dueSoonDays =
    typeof days === "number" && Number.isInteger(days) && days >= 0 && days <= 36_500
      ? days
      : DEFAULT_DUE_SOON_DAYS;
  const legend = options.legend ?? DEFAULT_LEGEND;
  return {
    asOf,
    dueSoonDays,
    dueSoonEnd: addDays(asOf, dueSoonDays),
    legend,
    planYear,
    date1904,
    caches: options.caches?.take(legend, asOf, planYear, date1904) ?? engineCaches(legend),
  };
}

/** The options' as-of date; throws when it is not a calendar day (see contextOf). */
export function checkedAsOf(options: CheckOptions): IsoDate {
  const asOf: unknown = options.asOf;
  if (typeof asOf !== "string" || !isIsoDate(asOf)) {
    throw new RangeError(
      `The as-of date must be a calendar day written YYYY-MM-DD, not ${JSON.stringify(asOf)}.`,
    );
  }
  return asOf;
}

/** The whole result from its checked tabs (the plan's summary is the tabs' summaries combined). */
export function assemble(
  ctx: EvaluateContext,
  reviewDate: string | null,
  skippedSheets: string[],
  sheets: SheetResult[],
  unnamedSheets: string[],
): PlanResult {
  return {
    asOf: ctx.asOf,
    dueSoonDays: ctx.dueSoonDays,
    planYear: ctx.planYear,
    reviewDate,
    skippedSheets,
    unnamedSheets,
    sheets,
    summary: combineSummaries(
      sheets.map((s) => s.summary),
      null,
    ),
  };
}
