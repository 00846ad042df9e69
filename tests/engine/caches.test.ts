/**
 * The core keeps no state between calls: its caches live in one object per check
 * (src/core/caches.ts, made by contextOf), each map with a limit that holds however many distinct
 * keys arrive, and answers that stay those of the uncached functions.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { BoundedMap } from "../../src/core/bounded-map";
import { CACHE_LIMITS, CacheStore, DeadlineReadings, engineCaches } from "../../src/core/caches";
import { checkPlan } from "../../src/core";
import { fixtureGrid } from "../helpers/fixture-grid";
import { contextOf } from "../../src/core/check-context";
import { cellAddress, quoteSheet } from "../../src/core/address";
import { addDays, daysBetween } from "../../src/core/dates";
import { parseDeadline } from "../../src/core/deadline";
import type { Deadline } from "../../src/core/model";
import { DEFAULT_LEGEND, legendIndex, readRating } from "../../src/core/rating";
import { daysOverdue } from "../../src/core/status";

const CORE = join(__dirname, "..", "..", "src", "core");

function coreSources(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...coreSources(path));
    else if (name.endsWith(".ts")) out.push({ file: relative(CORE, path), text: readFileSync(path, "utf8") });
  }
  return out;
}

/**
 * Module-level state allowed, with the reason. recheck-state.ts: each result's tab layouts, held
 * beside the result (never inside it, so results stay plain JSON) for as long as the caller keeps the
 * result; a WeakMap keyed by the result object, so it holds nothing the caller has let go.
 */
const ALLOWED = new Set(["recheck-state.ts: const states = new WeakMap<PlanResult, ResultState>();"]);

/** Top-level declarations (no indentation) that make mutable state: let/var, or a const holding a fresh mutable collection. */
function moduleState(text: string): string[] {
  return text
    .split("\n")
    .filter(
      (line) =>
        /^(export )?(let|var) /.test(line) ||
        /^(export )?const \w+ = new (Map|WeakMap|Set|WeakSet)\b/.test(line) ||
        /^(export )?const \w+: (Map|WeakMap|Set|WeakSet)</.test(line) ||
        /^(export )?const \w+(: [\w<>, ]+\[\])? = \[\];/.test(
          line.replace(/: readonly [\w<>, ]+\[\]/, ": READONLY"),
        ),
    );
}

test("src/core holds no module-level mutable state (caches live in the check's EngineCaches)", () => {
  const found = coreSources(CORE).flatMap((s) => moduleState(s.text).map((line) => `${s.file}: ${line}`));
  expect(found.filter((f) => !ALLOWED.has(f))).toEqual([]);
  // the allowed entry is still there (a stale allowance would hide nothing, but says something false)
  expect(found.filter((f) => ALLOWED.has(f))).toEqual([...ALLOWED]);
});

test("the scan sees the forms of module state it forbids", () => {
  const text = [
    "let lastBase = null;",
    "const QUOTED = new Map<string, string>();",
    "export const seen: Set<string> = new Set();",
    "const LETTERS: string[] = [];",
    "const WORDS: ReadonlySet<string> = new Set(['a']);",
    "const NONE: readonly string[] = [];",
    "  let local = 1;",
  ].join("\n");
  expect(moduleState(text)).toEqual([
    "let lastBase = null;",
    "const QUOTED = new Map<string, string>();",
    "export const seen: Set<string> = new Set();",
    "const LETTERS: string[] = [];",
  ]);
});

test("a bounded map never holds more than its limit, and keeps the latest entry", () => {
  const map = new BoundedMap<number, number>(7);
  for (let k = 0; k < 100; k++) {
    map.set(k, k * k);
    expect(map.size).toBeLessThanOrEqual(7);
    expect(map.get(k)).toBe(k * k);
  }
  map.set(99, 1); // replacing a key in a full map keeps the others
  expect(map.get(98)).toBe(98 * 98);
  expect(() => new BoundedMap(0)).toThrow(RangeError);
});

test("due-cell readings stay within their limit and tell a text '5' from the number 5", () => {
  const readings = new DeadlineReadings(10);
  const plan = { planYear: null, asOf: "2022-07-15" };
  for (let k = 0; k < 60; k++) {
    const text = `end of month ${k}`;
    const d = parseDeadline({ value: text, text, numberFormat: null }, plan);
    readings.set(text, "", text, d);
    readings.set(
      44_500 + k,
      "mmm-yy",
      "",
      parseDeadline({ value: 44_500 + k, numberFormat: "mmm-yy" }, plan),
    );
    expect(readings.size).toBeLessThanOrEqual(10);
    expect(readings.get(text, "", text)).toBe(d);
  }
  const asText: Deadline = parseDeadline({ value: "5", text: "5", numberFormat: null }, plan);
  const asNumber: Deadline = parseDeadline({ value: 5, text: "5", numberFormat: null }, plan);
  readings.set("5", "", "5", asText);
  readings.set(5, "", "5", asNumber);
  expect(readings.get("5", "", "5")).toBe(asText);
  expect(readings.get(5, "", "5")).toBe(asNumber);
  expect(readings.get(true, "", "5")).toBeUndefined();
});

test("fill readings with a tiny limit give the uncached answers for many distinct fills", () => {
  const index = legendIndex(DEFAULT_LEGEND, 3);
  for (let k = 0; k < 200; k++) {
    const fill = `#${(k * 83_117).toString(16).padStart(6, "0").slice(-6).toUpperCase()}`;
    expect(readRating("", fill, index)).toEqual(readRating("", fill, DEFAULT_LEGEND));
    expect(index.fills.size).toBeLessThanOrEqual(3);
  }
  expect(readRating("", "#FF0000", index).rag).toBe("red");
});

test("days overdue with a tiny cache equal the day count for every due day", () => {
  const byDue = new BoundedMap<string, number>(2);
  const asOf = "2022-07-15";
  for (let k = 1; k <= 40; k++) {
    const due = addDays(asOf, -k * 3);
    const deadline = parseDeadline({ value: due, text: due, numberFormat: null }, { planYear: null, asOf });
    expect(daysOverdue("overdue", deadline, asOf, byDue)).toBe(daysBetween(due, asOf));
    expect(byDue.size).toBeLessThanOrEqual(2);
  }
});

test("sheet references with a tiny cache quote every name as without it", () => {
  const known = new BoundedMap<string, string>(2);
  for (const name of ["Early Help", "Plan", "A1", "O'Brien's", "R2", "Q3_data", "Early Help"]) {
    expect(quoteSheet(name, known)).toBe(quoteSheet(name));
    expect(cellAddress(name, 4, 28, known)).toBe(`${quoteSheet(name)}!AB4`);
    expect(known.size).toBeLessThanOrEqual(2);
  }
});

test("each check gets its own caches, with the documented limits", () => {
  const a = contextOf({ asOf: "2022-07-15" }, null);
  const b = contextOf({ asOf: "2022-07-15" }, null);
  expect(a.caches).not.toBe(b.caches);
  expect(a.caches.deadlines.limit).toBe(CACHE_LIMITS.deadlines);
  expect(a.caches.daysOverdue.limit).toBe(CACHE_LIMITS.daysOverdue);
  expect(a.caches.legend.fills.limit).toBe(CACHE_LIMITS.fills);
  expect(a.caches.sheetRefs.limit).toBe(CACHE_LIMITS.names);
  expect(engineCaches(DEFAULT_LEGEND).legend.legend).toBe(DEFAULT_LEGEND);
});

describe("the kept caches of an open workbook (CacheStore)", () => {
  const plan = fixtureGrid();
  const july = { asOf: "2022-07-15", dueSoonDays: 30 };

  test("hand the same caches back only to a check with the same as-of day, plan year, date system and legend", () => {
    const store = new CacheStore();
    const first = store.take(DEFAULT_LEGEND, "2022-07-15", null, false);
    expect(store.take(DEFAULT_LEGEND, "2022-07-15", null, false)).toBe(first);
    // a legend read afresh from the settings (a new object, the same words) is the same legend
    expect(store.take(structuredClone(DEFAULT_LEGEND), "2022-07-15", null, false)).toBe(first);
    const otherDay = store.take(DEFAULT_LEGEND, "2022-07-16", null, false);
    expect(otherDay).not.toBe(first);
    const year = { start: "2022-04-01", end: "2023-03-31" };
    expect(store.take(DEFAULT_LEGEND, "2022-07-16", year, false)).not.toBe(otherDay);
    const withYear = store.take(DEFAULT_LEGEND, "2022-07-16", year, false);
    expect(store.take(DEFAULT_LEGEND, "2022-07-16", year, true)).not.toBe(withYear);
    const legend = structuredClone(DEFAULT_LEGEND);
    legend.ratings.green?.texts.push("on course");
    const dated = store.take(DEFAULT_LEGEND, "2022-07-16", year, true);
    expect(store.take(legend, "2022-07-16", year, true)).not.toBe(dated);
  });

  test("a check with kept caches reuses them and gives exactly the result of a check without", () => {
    const store = new CacheStore();
    const cold = checkPlan(plan, july);
    const once = checkPlan(plan, { ...july, caches: store });
    const kept = store.take(DEFAULT_LEGEND, july.asOf, cold.planYear, false);
    const readings = kept.deadlines.size;
    expect(readings).toBeGreaterThan(10); // the fixture's distinct due cells were read into the store
    const again = checkPlan(plan, { ...july, caches: store });
    expect(kept.deadlines.size).toBe(readings); // nothing read afresh the second time
    expect(once).toEqual(cold);
    expect(again).toEqual(cold);
  });

  test("checks on other days, legends and date systems through one store equal checks without it", () => {
    const store = new CacheStore();
    const legend = structuredClone(DEFAULT_LEGEND);
    legend.ratings.amber?.texts.push("slipping");
    const runs = [
      july,
      { asOf: "2023-01-09", dueSoonDays: 30 },
      { asOf: "2023-01-09", dueSoonDays: 7, legend },
      july,
    ];
    // one store per grid, so that each check follows one with other options through the same store
    const store1904 = new CacheStore();
    const as1904 = { ...plan, date1904: true };
    for (const options of runs) {
      expect(checkPlan(plan, { ...options, caches: store })).toEqual(checkPlan(plan, options));
      expect(checkPlan(as1904, { ...options, caches: store1904 })).toEqual(checkPlan(as1904, options));
    }
    // and the same store across the date systems
    expect(checkPlan(as1904, { ...july, caches: store })).toEqual(checkPlan(as1904, july));
  });
});
