/** Property tests: parseDeadline never throws, is deterministic, and keeps the Deadline invariants. */
import fc from "fast-check";
import { isIsoDate } from "../../src/core/dates";
import { findPlanYear, findReviewDate, parseDeadline } from "../../src/core/deadline";
import type { DeadlineContext, DueCell } from "../../src/core/deadline";
import type { Deadline } from "../../src/core/model";
import { DEADLINE_KINDS } from "../../src/core/model";

const WORDS = [
  "by",
  "end",
  "of",
  "w/c",
  "-",
  " to ",
  "and",
  ",",
  ".",
  "/",
  "q",
  "Q3",
  "quarter",
  "2022/23",
  "22",
  "2022",
  "2023",
  "31",
  "1st",
  "May",
  "Sept",
  "june",
  "Dec",
  "January",
  "Spring",
  "winter",
  "year end",
  "financial year",
  "TBC",
  "complete",
  "ongoing",
  "monthly",
  "between",
  "from",
  "until",
  "30/09/2022",
  "31/02/2022",
  "01-May-22",
  "Apr",
  "Nov",
  // SEMANTICS.md "Plans from other councils": recurrence and start words, tbc in brackets, complete words, school terms
  "thereafter",
  "quarterly",
  "then",
  "onwards",
  "starting",
  "(TBC)",
  "completed",
  "Done",
  "to be",
  "Autumn term",
  "Spring term",
  "summer term",
  "academic year",
  "2023/24",
  "(",
  ")",
  "\u2013",
  " ",
  "\n",
];

/** Texts built from deadline-like pieces reach far more of the parser than random characters alone. */
const deadlineLikeText = fc
  .array(fc.constantFrom(...WORDS), { maxLength: 12 })
  .map((parts) => parts.join(" "));
const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  deadlineLikeText,
  fc.string({ minLength: 400, maxLength: 3000 }),
);

const numberFormat = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(
    "General",
    "mmm-yy",
    "dd/mm/yyyy",
    "d-mmm",
    "17",
    "14",
    "0.00",
    "h:mm",
    "[$-809]mmm-yy",
    "@",
    '"text"',
    "mmm\\-yy",
  ),
  fc.string({ maxLength: 20 }),
);

const value = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -100_000, max: 3_000_000 }),
  fc.integer({ min: 36_000, max: 75_000 }),
  anyText,
);

const cell: fc.Arbitrary<DueCell> = fc.record(
  { value, text: fc.oneof(fc.constant(null), anyText), numberFormat },
  { requiredKeys: ["value"] },
);

const isoDay = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const ctx: fc.Arbitrary<DeadlineContext> = fc.record({
  planYear: fc.oneof(
    fc.constant(null),
    fc.integer({ min: 1990, max: 2090 }).map((y) => ({ start: `${y}-04-01`, end: `${y + 1}-03-31` })),
  ),
  asOf: isoDay,
  date1904: fc.oneof(fc.constant(undefined), fc.boolean()),
});

function checkInvariants(d: Deadline): void {
  expect(DEADLINE_KINDS).toContain(d.kind);
  expect(typeof d.text).toBe("string");
  expect(typeof d.reading).toBe("string");
  expect(d.reading.length).toBeGreaterThan(0);
  const dated = d.kind === "date" || d.kind === "range" || d.kind === "milestones";
  if (dated) {
    expect(d.due !== null && isIsoDate(d.due)).toBe(true);
  } else {
    expect(d.due).toBeNull();
  }
  if (d.kind === "range") {
    expect(d.start !== null && isIsoDate(d.start) && d.due !== null && d.start <= d.due).toBe(true);
  } else if (d.kind === "recurring") {
    // a start-only text ("From April 2025") is recurring with the day the work starts (§8)
    expect(d.start === null || isIsoDate(d.start)).toBe(true);
  } else {
    expect(d.start).toBeNull();
  }
  expect(d.precision !== null).toBe(d.kind === "date");
  if (d.kind === "milestones") {
    expect(d.milestones.length).toBeGreaterThanOrEqual(2);
    expect(d.milestones.every(isIsoDate)).toBe(true);
    expect([...d.milestones].sort()).toEqual(d.milestones);
    expect(new Set(d.milestones).size).toBe(d.milestones.length);
    expect(d.due).toBe(d.milestones[d.milestones.length - 1]);
    if (d.nextMilestone !== null) expect(d.milestones).toContain(d.nextMilestone);
  } else {
    expect(d.milestones).toEqual([]);
    expect(d.nextMilestone).toBeNull();
  }
}

test("never throws, is deterministic and keeps the invariants on arbitrary cells", () => {
  fc.assert(
    fc.property(cell, ctx, (c, context) => {
      const first = parseDeadline(c, context);
      expect(parseDeadline(c, context)).toEqual(first);
      checkInvariants(first);
    }),
    { numRuns: 3000 },
  );
});

test("deadline-like texts keep the invariants and the next milestone is the first on or after the as-of day", () => {
  fc.assert(
    fc.property(deadlineLikeText, ctx, (text, context) => {
      const d = parseDeadline({ value: text }, context);
      checkInvariants(d);
      if (d.kind === "milestones")
        expect(d.nextMilestone).toBe(d.milestones.find((m) => m >= context.asOf) ?? null);
    }),
    { numRuns: 3000 },
  );
});

test("findPlanYear and findReviewDate never throw and return well-formed answers", () => {
  fc.assert(
    fc.property(anyText, ctx, (text, context) => {
      const year = findPlanYear(text);
      if (year !== null) {
        expect(isIsoDate(year.start) && isIsoDate(year.end)).toBe(true);
        expect(year.start.slice(4)).toBe("-04-01");
        expect(year.end.slice(4)).toBe("-03-31");
      }
      const review = findReviewDate(`Date for review: ${text}`, context);
      expect(review === null || isIsoDate(review)).toBe(true);
      expect(
        findReviewDate(text, context) === null || typeof findReviewDate(text, context) === "string",
      ).toBe(true);
    }),
    { numRuns: 2000 },
  );
});

test("a broken context (no plan year, an as-of that is not a date) never throws", () => {
  fc.assert(
    fc.property(anyText, fc.string({ maxLength: 12 }), (text, asOf) => {
      checkInvariants(parseDeadline({ value: text }, { planYear: null, asOf }));
    }),
    { numRuns: 1000 },
  );
});

/** §8: the status words decide the kind wherever they stand, beside any date-like text. */
const dateish = fc
  .array(
    fc.constantFrom(
      ...WORDS.filter(
        (w) => !/tbc|complete|done|ongoing|monthly|quarterly|thereafter|onwards|starting|from|to be/i.test(w),
      ),
    ),
    {
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(" "));

test("a recurrence word anywhere makes the text recurring, tbc in brackets makes it tbc", () => {
  fc.assert(
    fc.property(
      dateish,
      fc.constantFrom("quarterly thereafter", "then monthly", "and bi-monthly"),
      ctx,
      (text, word, context) => {
        const d = parseDeadline({ value: `${text} ${word}` }, context);
        expect(d.kind).toBe("recurring");
        expect(d.due).toBeNull();
        const t = parseDeadline({ value: `${text} (TBC)` }, context);
        expect(t.kind).toBe("tbc");
      },
    ),
    { numRuns: 1000 },
  );
});

test("a complete word after a date is complete; in a future phrase it is not", () => {
  fc.assert(
    fc.property(dateish, ctx, (text, context) => {
      expect(parseDeadline({ value: `${text} - completed` }, context).kind).toBe("complete");
      const future = parseDeadline({ value: `to be completed by ${text}` }, context);
      expect(future.kind).not.toBe("complete");
      expect(parseDeadline({ value: `to be completed by ${text}` }, context)).toEqual(future);
    }),
    { numRuns: 1000 },
  );
});

test("the 1904 date system moves every date cell by 1,462 days and nothing else", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2_900_000 }),
      fc.constantFrom("dd/mm/yyyy", "mmm-yy", "General", "0.00"),
      isoDay,
      (serial, numberFormat, asOf) => {
        const in1904 = parseDeadline(
          { value: serial, numberFormat },
          { planYear: null, asOf, date1904: true },
        );
        const in1900 = parseDeadline({ value: serial + 1462, numberFormat }, { planYear: null, asOf });
        expect(in1904.kind).toBe(in1900.kind);
        expect(in1904.due).toBe(in1900.due);
      },
    ),
    { numRuns: 1000 },
  );
});
