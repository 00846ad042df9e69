/**
 * Property tests beyond tests/engine/properties.test.ts and tests/deadline/properties.test.ts:
 * the rating reader, header detection under odd case and spacing, and the whole engine over
 * plan-shaped grids (real headers, every deadline form, Excel dates, ratings, fills, sections):
 * never throws, deterministic, and every action's status, suggested rating and findings agree
 * with its cells, its dates and the as-of date.
 */
import fc from "fast-check";
import {
  addDays,
  checkPlan,
  DEFAULT_LEGEND,
  readRating,
  RATINGS,
  type Legend,
  type PlanResult,
} from "../../src/core";
import { isNoOwner } from "../../src/core/owners";
import { detectHeader } from "../../src/core/plan/headers";
import { sheetCells } from "../../src/core/plan/cells";
import { roleLookupFor } from "../../src/core/plan/roles";
import { planGridArb } from "./plan-arbitraries";

const hex = fc
  .integer({ min: 0, max: 0xffffff })
  .map((n) => `#${n.toString(16).toUpperCase().padStart(6, "0")}`);
const fillArb = fc.oneof(
  fc.constant(null),
  hex,
  fc.constantFrom("#FF0000", "#FFFFFF", "#808080", "zz", "", "#FFF", "red", "#00b050"),
);
const legendTexts = RATINGS.flatMap((r) =>
  (DEFAULT_LEGEND.ratings[r]?.texts ?? []).map((t) => [r, t] as const),
);
const spaced = (t: string) =>
  fc
    .tuple(fc.constantFrom("", " ", "  ", "\t"), fc.constantFrom("", " ", "\n"))
    .map(([a, b]) => `${a}${t}${b}`);
const caseOf = (t: string) => fc.constantFrom(t, t.toUpperCase(), t.toLowerCase());

describe("readRating", () => {
  test("never throws, is deterministic, and its answer is well-formed for any text and fill", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: "grapheme", maxLength: 10 })),
        fillArb,
        fc.boolean(),
        (text, fill, blue) => {
          const legend: Legend = { ...DEFAULT_LEGEND, blueMeansComplete: blue };
          const r = readRating(text, fill, legend);
          expect(readRating(text, fill, legend)).toEqual(r);
          expect(r.rag === null || RATINGS.includes(r.rag)).toBe(true);
          if (text.trim() !== "") {
            // Text wins over the fill: read from the text, or invalid; never from the colour.
            expect(r.source === "colour").toBe(false);
            expect(r.invalid).toBe(r.rag === null);
          } else {
            expect(r.invalid).toBe(false);
            expect(r.source).toBe(r.rag === null ? null : "colour");
          }
          if (r.rag !== null) expect(r.source).not.toBeNull();
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("every legend word, in any case and surrounded by spaces, is its rating whatever the fill", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...legendTexts).chain(([rag, t]) =>
          caseOf(t)
            .chain(spaced)
            .map((text) => ({ rag, text })),
        ),
        fillArb,
        ({ rag, text }, fill) => {
          expect(readRating(text, fill)).toMatchObject({ rag, source: "text", invalid: false });
        },
      ),
      { numRuns: 1000 },
    );
  });

  test("an empty cell with a legend colour is that rating; white, grey and no fill are not rated", () => {
    const colours = RATINGS.flatMap((r) =>
      (DEFAULT_LEGEND.ratings[r]?.colours ?? []).map((c) => [r, c] as const),
    );
    fc.assert(
      fc.property(fc.constantFrom(...colours), fc.constantFrom("", " ", "\n"), ([rag, colour], blank) => {
        expect(readRating(blank, colour)).toMatchObject({ rag, source: "colour", invalid: false });
      }),
    );
    for (const none of [null, "#FFFFFF", "#808080", "#C0C0C0", "#000000", "not a colour"])
      expect(readRating("", none)).toMatchObject({ rag: null, source: null, invalid: false });
  });
});

describe("header detection", () => {
  const names = [
    "Why",
    "Who",
    "Lead officer",
    "Does what",
    "By when",
    "Deadline",
    "How will we know it has been done",
    "RAG rated",
    "Comments on progress",
    "Responsible officer",
    "Target date",
  ];
  const oddly = (name: string) =>
    fc
      .tuple(
        caseOf(name),
        fc.constantFrom("", "?", ":", "*", " ?", "?*"),
        fc.constantFrom("", " ", "  "),
        fc.boolean(),
      )
      .map(
        ([n, p, pad, breakIt]) => `${pad}${breakIt ? n.replace(" ", "\n") : n.replace(" ", "   ")}${p}${pad}`,
      );

  test("three or more role names in odd case, spacing, punctuation and line breaks make a header; fewer do not", () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(fc.constantFrom(...names), {
            minLength: 1,
            maxLength: 6,
            selector: (n) => roleLookupFor("P", undefined)(n),
          })
          .chain((picked) =>
            fc.tuple(
              fc.constant(picked),
              fc.tuple(...picked.map(oddly)),
              fc.array(fc.constantFrom("", "Notes", "x"), { maxLength: 3 }),
            ),
          ),
        ([picked, cells, extra]) => {
          const values = [[...cells, ...extra]];
          const header = detectHeader(
            sheetCells({ name: "P", visibility: "visible", origin: { row: 1, col: 1 }, values }),
            1,
            roleLookupFor("P", undefined),
          );
          expect(header !== null).toBe(picked.length >= 3);
          if (header) expect(Object.keys(header.columns).length).toBeGreaterThanOrEqual(3);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

function consistent(result: PlanResult, asOf: string, days: number): void {
  for (const sheet of result.sheets) {
    const findings = new Map<number, string[]>();
    for (const f of sheet.findings) findings.set(f.row, [...(findings.get(f.row) ?? []), f.rule]);
    for (const a of sheet.actions) {
      const due = a.deadline.due;
      const rules = findings.get(a.row) ?? [];
      // Status from the dates and the as-of day (SEMANTICS.md "Complete, status and the suggested rating"), first rule that applies.
      if (a.complete) expect(a.status).toBe("complete");
      else if (due !== null && due < asOf) expect(a.status).toBe("overdue");
      else if (due !== null) expect(a.status).toBe(due <= addDays(asOf, days) ? "due-soon" : "on-track");
      else expect(a.status).toBe(a.deadline.kind === "recurring" ? "ongoing" : "no-deadline");
      // Complete exactly when rated blue (blue means complete), the due says complete, or the comments begin with a done word.
      expect(a.complete).toBe(
        a.rag === "blue" ||
          a.deadline.kind === "complete" ||
          /^(complete|completed|done|achieved)(?![a-z0-9])/i.test(a.comments.trim()),
      );
      // The suggested rating follows the status.
      expect(a.suggestedRag).toBe(
        {
          complete: "blue",
          overdue: "red",
          "due-soon": "amber",
          "on-track": "green",
          ongoing: "green",
          "no-deadline": null,
        }[a.status],
      );
      expect(a.daysOverdue !== null).toBe(a.status === "overdue");
      if (a.daysOverdue !== null) expect(a.daysOverdue).toBeGreaterThan(0);
      // Findings agree with the cells.
      const open = !a.complete;
      // no owner: an empty cell or a no-owner word ("TBC", "?", "n/a": SEMANTICS.md "Plans from other councils")
      expect(rules.includes("missing-owner")).toBe(open && (a.owner === "" || isNoOwner(a.owner)));
      expect(rules.includes("rag-invalid")).toBe(a.ratingText.trim() !== "" && a.rag === null);
      expect(rules.includes("rag-contradicts-date")).toBe(
        open && a.status === "overdue" && (a.rag === "green" || a.rag === "amber"),
      );
      expect(rules.includes("rag-colour-only")).toBe(a.ragSource === "colour");
      expect(rules.includes("missing-deadline")).toBe(open && a.deadline.kind === "missing");
      expect(rules.includes("deadline-unparsed")).toBe(open && a.deadline.kind === "unparsed");
      expect(rules.includes("deadline-tbc")).toBe(open && a.deadline.kind === "tbc");
      if (rules.includes("rag-missing")) expect([open, a.rag, a.ratingText.trim()]).toEqual([true, null, ""]);
      if (a.ragSource === "text") expect(a.ratingText.trim()).not.toBe("");
    }
    const s = sheet.summary;
    expect(s.actions).toBe(sheet.actions.length);
    expect(Object.values(s.status).reduce((x, y) => x + y, 0)).toBe(s.actions);
    expect(Object.values(s.rag).reduce((x, y) => x + y, 0)).toBe(s.actions);
    expect(s.overdue.map((o) => o.due)).toEqual([...s.overdue.map((o) => o.due)].sort());
    expect(s.findings.error + s.findings.warning + s.findings.info).toBe(sheet.findings.length);
    expect(s.sentence).not.toMatch(/NaN|undefined|\n/);
  }
  expect(result.summary.actions).toBe(result.sheets.reduce((n, s) => n + s.actions.length, 0));
}

describe("the whole engine on plan-shaped grids", () => {
  test("never throws, is deterministic, and statuses, suggested ratings and findings agree with the cells and the dates", () => {
    fc.assert(
      fc.property(planGridArb, fc.integer({ min: 0, max: 120 }), ({ grid, asOf }, days) => {
        const result = checkPlan(grid, { asOf, dueSoonDays: days });
        expect(checkPlan(structuredClone(grid), { asOf, dueSoonDays: days })).toEqual(result);
        consistent(result, asOf, days);
        // Each plan tab has a table and at least its non-section rows as actions.
        expect(result.sheets.map((s) => s.name)).toEqual(grid.sheets.map((s) => s.name));
      }),
      { numRuns: 400 },
    );
  });

  test("with a plan year, moving the as-of date forward never turns an overdue action back to open", () => {
    fc.assert(
      fc.property(planGridArb, fc.integer({ min: 1, max: 400 }), ({ grid, asOf }, later) => {
        const before = checkPlan(grid, { asOf });
        // Without a plan year a month with no year ("Q3", "end June") takes the as-of date's financial year (§2), so it moves with it.
        fc.pre(before.planYear !== null);
        const after = checkPlan(grid, { asOf: addDays(asOf, later) });
        before.sheets.forEach((s, i) =>
          s.actions.forEach((a, j) => {
            const b = after.sheets[i]?.actions[j];
            expect(b?.key).toBe(a.key);
            if (a.status === "overdue") expect(b?.status).toBe("overdue");
            if (a.status === "complete") expect(b?.status).toBe("complete");
            if (b && a.daysOverdue !== null) expect(b.daysOverdue).toBe(a.daysOverdue + later);
          }),
        );
      }),
      { numRuns: 200 },
    );
  });
});
