/**
 * The engine's caches: one object per check, made by contextOf (check-context.ts) with the check's
 * options, carried in its EvaluateContext and dropped with it, unless the caller passes a CacheStore
 * it owns (CheckOptions.caches: the pane keeps one per open workbook, so a check after the first
 * reads only the due cells it has not seen; measured in tests/bench/engine.bench.ts, "checkPlan ms"
 * against "first checkPlan ms"). The core keeps no other state between calls
 * (tests/engine/caches.test.ts scans src/core for module-level caches and fails on one).
 *
 * Only caches that pay are here, measured on the bench plan (tests/bench/generate-plan.ts, 20,000
 * actions; figures in tests/bench/RESULTS.md): a due cell's reading (the deadline parser) and the days
 * overdue (date-fns on UTCDate, ~5 µs a count, ~20 ms a check uncached) are worked out for every
 * action from a few hundred distinct values; quoting sheet names (three regular expressions, ~10 ms
 * per 20,000 uncached) and tidying header texts for every finding's cell and message. Caches that
 * did not pay were removed: day names (formatDay is string slicing), number-format shapes and the
 * base year (read only when a due cell is not already in `deadlines`: ~1,400 times a check, ~1 ms),
 * the renumbered-key map (rare duplicates); column letters are a constant table (address.ts).
 *
 * Each map has a limit (CACHE_LIMITS); a full map is emptied before it takes another entry, so a
 * hostile workbook with a million distinct due texts costs time, never unbounded memory.
 */
import { BoundedMap } from "./bounded-map";
import type { CellValue } from "./grid";
import type { Deadline, IsoDate, Legend, PlanYear } from "./model";
import { legendIndex, type LegendIndex } from "./rating";

export interface CacheLimits {
  /** Distinct due cells (value, number format, shown text) read in one check. */
  deadlines: number;
  /** Distinct due days counted against the check's as-of day. */
  daysOverdue: number;
  /** Distinct fill colours read as ratings. */
  fills: number;
  /** Distinct sheet names quoted for cell references, and header texts tidied for messages. */
  names: number;
}

export const CACHE_LIMITS: Readonly<CacheLimits> = {
  deadlines: 50_000,
  daysOverdue: 20_000,
  fills: 10_000,
  names: 1_000,
};

export interface EngineCaches {
  deadlines: DeadlineReadings;
  /** Days overdue by due day (a check has one as-of day). */
  daysOverdue: BoundedMap<IsoDate, number>;
  /** The check's legend, worked out once (its fills cache bounded by `fills`). */
  legend: LegendIndex;
  /** Sheet names as quoted in references ("'Early Help'"): every finding and overdue item names its cell. */
  sheetRefs: BoundedMap<string, string>;
  /** Header texts tidied for messages (every action of a table names the same few headers). */
  headerLabels: BoundedMap<string, string>;
}

/**
 * The caches a caller keeps across checks of one workbook: the pane checks the same plan again and
 * again (on opening, on every return of focus, after each applied suggestion, on every edit), and
 * the plan's due texts, fills and sheet names barely change between two checks. The store holds one
 * EngineCaches and hands it out again only to a check with the same as-of day, plan year, date system
 * and legend (the inputs its readings depend on); any other check gets
 * a fresh one, which the store then keeps. Bounded as one EngineCaches is (CACHE_LIMITS).
 * The caller owns it and drops it with the workbook (src/app/caches.ts: one per WorkbookHost).
 */
export class CacheStore {
  private key: string | null = null;
  private caches: EngineCaches | null = null;

  constructor(private readonly limits: Readonly<CacheLimits> = CACHE_LIMITS) {}

  /** The caches for a check with these inputs: the kept ones when the inputs are the same. */
  take(legend: Legend, asOf: IsoDate, planYear: PlanYear | null, date1904: boolean): EngineCaches {
    // the legend by value: settings are parsed afresh on every read, so the same legend is a new object
    const key = JSON.stringify([asOf, planYear?.start ?? null, planYear?.end ?? null, date1904, legend]);
    if (this.caches === null || key !== this.key) {
      this.caches = engineCaches(legend, this.limits);
      this.key = key;
    }
    return this.caches;
  }
}

export function engineCaches(legend: Legend, limits: Readonly<CacheLimits> = CACHE_LIMITS): EngineCaches {
  return {
    deadlines: new DeadlineReadings(limits.deadlines),
    daysOverdue: new BoundedMap(limits.daysOverdue),
    legend: legendIndex(legend, limits.fills),
    sheetRefs: new BoundedMap(limits.names),
    headerLabels: new BoundedMap(limits.names),
  };
}

/**
 * Readings of due cells. A text cell (value = shown text, the common case) is looked up by number
 * format, then text; any other cell by value, then number format, then shown text (nested maps: no
 * key string is built per cell; Map keys tell "5" from 5 and true from "TRUE", as the parser does).
 * At most `limit` readings: a full cache is emptied before it takes another.
 */
export class DeadlineReadings {
  private readonly texts = new Map<string, Map<string, Deadline>>();
  private readonly byValue = new Map<CellValue, Map<string, Map<string, Deadline>>>();
  private count = 0;

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`A cache limit must be 1 or more: ${limit}`);
  }

  get size(): number {
    return this.count;
  }

  get(value: CellValue, format: string, text: string): Deadline | undefined {
    if (typeof value === "string" && value === text) return this.texts.get(format)?.get(text);
    return this.byValue.get(value)?.get(format)?.get(text);
  }

  /** Called after a get that found nothing. */
  set(value: CellValue, format: string, text: string, deadline: Deadline): void {
    if (this.count >= this.limit) {
      this.texts.clear();
      this.byValue.clear();
      this.count = 0;
    }
    let byFormat = this.texts;
    if (typeof value !== "string" || value !== text) {
      const formats = this.byValue.get(value);
      if (formats === undefined)
        this.byValue.set(value, (byFormat = new Map<string, Map<string, Deadline>>()));
      else byFormat = formats;
    }
    let byText = byFormat.get(format);
    if (byText === undefined) byFormat.set(format, (byText = new Map<string, Deadline>()));
    if (!byText.has(text)) this.count++;
    byText.set(text, deadline);
  }
}
