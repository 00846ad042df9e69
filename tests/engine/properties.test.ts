/** Properties on arbitrary small grids: never throws, deterministic, statuses agree with due dates. */
import fc from "fast-check";
import { addDays, checkPlan, type CellValue, type SheetGrid, type WorkbookGrid } from "../../src/core";
import { detectHeader } from "../../src/core/plan/headers";
import { sheetCells } from "../../src/core/plan/cells";
import { roleLookupFor } from "../../src/core/plan/roles";

const words = [
  "Why?",
  "Who",
  "Lead\nofficer:",
  "Does what?",
  "What",
  "By when?",
  "End",
  "RAG",
  "Status",
  "Comments",
  "Ref",
  "Evidence",
  "",
  "Priority: 1",
  "Green",
  "amber",
  "?",
  "#N/A",
  "May-22",
  "end Sept 2022",
  "TBC",
  "Weekly",
  "complete",
  "First by July 2022. Second by December 2022",
  "April - July 2022",
  "Q3",
  "x",
];
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...words),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -5, max: 60000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);
const fill = fc.oneof(
  fc.constant(null),
  fc.constantFrom("#FF0000", "#FFC000", "#00B050", "#0070C0", "#FFFFFF", "#808080", "zz"),
);
const sheetArb: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: fc.constantFrom("Plan", "Early Help", "Children's", "2022"),
    visibility: fc.constantFrom("visible", "visible", "hidden"),
    rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 14 }),
    fills: fc.array(fc.array(fill, { maxLength: 9 }), { maxLength: 14 }),
    merges: fc.array(
      fc.record({
        top: fc.integer({ min: 1, max: 15 }),
        left: fc.integer({ min: 1, max: 9 }),
        h: fc.nat(3),
        w: fc.nat(4),
      }),
      { maxLength: 3 },
    ),
    formats: fc.constantFrom(null, "mmm-yy", "dd/mm/yyyy", "General"),
  })
  .map(({ name, visibility, rows, fills, merges, formats }) => ({
    name,
    visibility: visibility,
    origin: { row: 1, col: 1 },
    values: rows,
    fills,
    numberFormats: rows.map((r) => r.map(() => formats)),
    merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
  }));
const workbookArb: fc.Arbitrary<WorkbookGrid> = fc
  .array(sheetArb, { maxLength: 3 })
  .map((sheets) => ({ sheets }));
const asOfArb = fc.integer({ min: 0, max: 2000 }).map((d) => addDays("2020-01-01", d));

test("header detection never throws and is deterministic", () => {
  fc.assert(
    fc.property(sheetArb, fc.nat(16), (s, row) => {
      const cells = sheetCells(s);
      const lookup = roleLookupFor(s.name, undefined);
      expect(detectHeader(cells, row, lookup)).toEqual(
        detectHeader(sheetCells(s), row, roleLookupFor(s.name, undefined)),
      );
    }),
  );
});

test("checkPlan never throws and is deterministic on arbitrary small grids", () => {
  fc.assert(
    fc.property(workbookArb, asOfArb, fc.integer({ min: -3, max: 400 }), (wb, asOf, days) => {
      const a = checkPlan(wb, { asOf, dueSoonDays: days });
      const b = checkPlan(structuredClone(wb), { asOf, dueSoonDays: days });
      expect(a).toEqual(b);
    }),
    { numRuns: 300 },
  );
});

test("every action's status agrees with its due date and the as-of date", () => {
  // plan tables with random cells, so that many rows are actions
  const header = [
    "Why?",
    "Who?",
    "Does what?",
    "By when?",
    "How will we know it has been done?",
    "RAG rated",
    "Comments",
  ];
  const planArb = fc
    .array(fc.array(cell, { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 12 })
    .map((rows): WorkbookGrid => ({
      sheets: [{ name: "P", visibility: "visible", origin: { row: 1, col: 1 }, values: [header, ...rows] }],
    }));
  fc.assert(
    fc.property(planArb, asOfArb, fc.integer({ min: 0, max: 90 }), (wb, asOf, days) => {
      const r = checkPlan(wb, { asOf, dueSoonDays: days });
      for (const a of r.sheets.flatMap((s) => s.actions)) {
        const due = a.deadline.due;
        if (a.complete) expect(a.status).toBe("complete");
        else if (due === null)
          expect(a.status).toBe(a.deadline.kind === "recurring" ? "ongoing" : "no-deadline");
        else if (due < asOf)
          expect([a.status, a.daysOverdue !== null && a.daysOverdue > 0]).toEqual(["overdue", true]);
        else expect(a.status).toBe(due <= addDays(asOf, days) ? "due-soon" : "on-track");
      }
      const s = r.summary;
      expect(Object.values(s.status).reduce((x, y) => x + y, 0)).toBe(s.actions);
      expect(Object.values(s.rag).reduce((x, y) => x + y, 0)).toBe(s.actions);
    }),
    { numRuns: 300 },
  );
});
