/** fast-check generators of plan-shaped workbooks: real headers, random deadlines, ratings, fills, comments. */
import fc from "fast-check";
import { addDays, toExcelSerial, type CellValue, type SheetGrid, type WorkbookGrid } from "../../src/core";

const HEADERS: string[][] = [
  [
    "Why?",
    "Who?",
    "Does what?",
    "By when?",
    "How will we know it has been done?",
    "What will be the experience of children?",
    "RAG rated",
    "Comments on progress",
  ],
  [
    "  OBJECTIVE ",
    "lead\nofficer:",
    "ACTIONS",
    "target   date",
    "Success measure*",
    "Impact for children",
    "rag status",
    "progress update",
  ],
  ["Ref", "Specific aim", "Responsible", "Task", "Start date", "End date", "Measure", "BRAG", "Update"],
];

const isoDay = fc.integer({ min: 0, max: 3650 }).map((d) => addDays("2019-01-01", d));
const MONTHS = ["Jan", "Feb", "Mar", "April", "May", "June", "Jul", "Aug", "Sept", "Oct", "Nov", "December"];

/** A due cell: every form in SEMANTICS.md "Deadlines", Excel dates with their formats, odd values. */
const dueArb: fc.Arbitrary<{ v: CellValue; fmt: string | null }> = fc.oneof(
  isoDay.map((d) => ({ v: toExcelSerial(d), fmt: "dd/mm/yyyy" })),
  isoDay.map((d) => ({ v: toExcelSerial(d), fmt: "mmm-yy" })),
  isoDay.map((d) => ({ v: `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`, fmt: null })),
  isoDay.map((d) => ({ v: d, fmt: null })),
  fc
    .tuple(
      fc.constantFrom(...MONTHS),
      fc.integer({ min: 2019, max: 2026 }),
      fc.constantFrom("", "end ", "by "),
    )
    .map(([m, y, p]) => ({ v: `${p}${m} ${y}`, fmt: null })),
  fc
    .tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 19, max: 26 }))
    .map(([m, y]) => ({ v: `${m.slice(0, 3)}-${y}`, fmt: null })),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2019, max: 2025 }))
    .map(([q, y]) => ({ v: `Q${q} ${y}/${String(y + 1).slice(2)}`, fmt: null })),
  fc
    .constantFrom(
      "Q3",
      "Spring",
      "Summer 2022",
      "end of financial year",
      "April - July 2022",
      "Jan-Mar 2023",
      "First by July 2022. Second by December 2022",
      "w/c 12 Sept 2022",
      "30.09.22",
      "01-May-22",
    )
    .map((v) => ({ v, fmt: null })),
  fc
    .constantFrom(
      "Weekly.",
      "Monthly",
      "Ongoing",
      "Each meeting",
      "complete",
      "Completed 12 May 2022",
      "Done",
      "TBC",
      "-",
      "n/a",
      "",
      "when funding allows",
      "#REF!",
      "#N/A",
    )
    .map((v) => ({ v, fmt: null })),
  fc
    .oneof(fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 20 }))
    .map((v) => ({ v, fmt: null as string | null })),
);

/** A rating cell: legend words in any case and spacing, invalid text, or empty with a fill. */
const ratingArb: fc.Arbitrary<{ v: CellValue; fill: string | null }> = fc.oneof(
  fc
    .constantFrom(
      "Blue",
      "green",
      " GREEN ",
      "G",
      "Amber",
      "a",
      "Red",
      "r",
      "On track",
      "At risk",
      "Off track",
      "Done",
      "Yellow",
    )
    .map((v) => ({ v, fill: null })),
  fc.constantFrom("?", "Gwyrdd", "#N/A", "x").map((v) => ({ v, fill: null })),
  fc
    .constantFrom("#FF0000", "#FFC000", "#00B050", "#0070C0", "#FFFFFF", "#808080", "#92D050", null)
    .map((fill) => ({ v: null, fill })),
);

const textArb = fc.oneof(
  fc.constantFrom("", "EH Lead", "👩‍👧 Tîm", "负责人", "مدير", "Zażółć", "#VALUE!", "a\nb"),
  fc.string({ maxLength: 12 }),
);
const commentArb = fc.oneof(
  fc.constantFrom(
    "",
    "Completed in May",
    "done",
    "achieved: report filed",
    "On track",
    "Delayed\nby staffing",
  ),
  fc.string({ maxLength: 10 }),
);

interface PlanRowSpec {
  section: string | null;
  reason: string;
  owner: CellValue;
  action: string;
  due: { v: CellValue; fmt: string | null };
  evidence: string;
  rating: { v: CellValue; fill: string | null };
  comments: string;
}

const rowArb: fc.Arbitrary<PlanRowSpec> = fc.record({
  section: fc.oneof(
    fc.constant(null),
    fc.constant(null),
    fc.constantFrom("CIN/CP", "Care Leavers", "Priority: 1 Referral Pathways"),
  ),
  reason: fc.constantFrom("", "Aim", "Reason 2"),
  owner: fc.oneof(textArb, fc.integer(), fc.boolean()),
  action: fc.oneof(
    fc.constantFrom("Runs the panel", "Runs the panel", "Audit", "改善服务", "Cynllun"),
    fc.string({ minLength: 1, maxLength: 15 }),
  ),
  due: dueArb,
  evidence: textArb,
  rating: ratingArb,
  comments: commentArb,
});

/** One tab: a title with the plan year, a header (one of three layouts), rows (some sections), blank rows. */
const sheetArb = (name: string): fc.Arbitrary<SheetGrid> =>
  fc
    .record({
      layout: fc.integer({ min: 0, max: 2 }),
      rows: fc.array(fc.oneof(rowArb, rowArb, rowArb, fc.constant(null)), { minLength: 1, maxLength: 14 }),
      title: fc.boolean(),
    })
    .map(({ layout, rows, title }) => {
      const header = HEADERS[layout];
      const col = (role: string): number => {
        const byLayout: Record<string, number[]> = {
          reason: [0, 0, 1],
          owner: [1, 1, 2],
          action: [2, 2, 3],
          due: [3, 3, 5],
          evidence: [4, 4, 6],
          rag: [6, 6, 7],
          comments: [7, 7, 8],
        };
        return byLayout[role][layout];
      };
      const values: CellValue[][] = [];
      const numberFormats: (string | null)[][] = [];
      const fills: (string | null)[][] = [];
      const merges: SheetGrid["merges"] = [];
      const push = (v: CellValue[], f: (string | null)[] = [], fl: (string | null)[] = []): void => {
        values.push(v);
        numberFormats.push(f);
        fills.push(fl);
      };
      if (title) {
        push(["Service Development Plan 2022-23"]);
        push([]);
      }
      push(header.slice());
      for (const r of rows) {
        if (r === null) {
          push([]);
          continue;
        }
        if (r.section) {
          push([r.section]);
          merges.push({ top: values.length, left: 1, bottom: values.length, right: header.length });
          continue;
        }
        const v: CellValue[] = header.map(() => null);
        const f: (string | null)[] = header.map(() => null);
        const fl: (string | null)[] = header.map(() => null);
        v[col("reason")] = r.reason || null;
        v[col("owner")] = r.owner === "" ? null : r.owner;
        v[col("action")] = r.action;
        v[col("due")] = r.due.v === "" ? null : r.due.v;
        f[col("due")] = r.due.fmt;
        v[col("evidence")] = r.evidence || null;
        v[col("rag")] = r.rating.v;
        fl[col("rag")] = r.rating.fill;
        v[col("comments")] = r.comments || null;
        push(v, f, fl);
      }
      return {
        name,
        visibility: "visible",
        origin: { row: 1, col: 1 },
        values,
        numberFormats,
        fills,
        merges,
      };
    });

const asOfArb = fc.integer({ min: 0, max: 2400 }).map((d) => addDays("2020-01-01", d));

/** One or two plan tabs and an as-of day. */
export const planGridArb: fc.Arbitrary<{ grid: WorkbookGrid; asOf: string }> = fc
  .record({
    a: sheetArb("Early Help"),
    b: fc.option(sheetArb("Children's Social Care"), { nil: undefined }),
    asOf: asOfArb,
  })
  .map(({ a, b, asOf }) => ({ grid: { sheets: b ? [a, b] : [a] }, asOf }));
