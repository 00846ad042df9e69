/** The parser's fast calendar helpers give exactly the answers of src/core/dates. */
import fc from "fast-check";
import { endOfMonth, isIsoDate, isoDate } from "../../src/core/dates";
import { formatDay } from "../../src/core/day-text";
import { dayOf, lastDayOf, partsOf } from "../../src/core/deadline/calendar";

test("dayOf agrees with isoDate, including leap days and out-of-range years", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1850, max: 10050 }),
      fc.integer({ min: -1, max: 14 }),
      fc.integer({ min: -1, max: 33 }),
      (y, m, d) => {
        expect(dayOf(y, m, d)).toBe(isoDate(y, m, d));
      },
    ),
    { numRuns: 5000 },
  );
  for (const [y, m, d] of [
    [2024, 2, 29],
    [2023, 2, 29],
    [1900, 2, 29],
    [2000, 2, 29],
    [2100, 2, 29],
  ] as const) {
    expect(dayOf(y, m, d)).toBe(isoDate(y, m, d));
  }
});

test("lastDayOf agrees with endOfMonth", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
      expect(lastDayOf(y, m)).toBe(endOfMonth(y, m));
    }),
  );
  expect(lastDayOf(1899, 12)).toBeNull();
});

test("partsOf accepts exactly the real YYYY-MM-DD days", () => {
  for (const text of [
    "2022-07-15",
    "2024-02-29",
    "2023-02-29",
    "2022-13-01",
    "22-07-15",
    "2022-7-15",
    "",
    "x",
  ]) {
    expect(partsOf(text) !== null).toBe(isIsoDate(text));
  }
});

test("formatDay writes the day, the month's name and the year", () => {
  expect(formatDay("2022-05-31")).toBe("31 May 2022");
  expect(formatDay("2023-01-01")).toBe("1 January 2023");
});
