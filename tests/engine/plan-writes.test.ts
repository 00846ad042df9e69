/** The writes the engine asks for: formatting, the summary tab, and the two explicit text changes. */
import {
  checkPlan,
  compareSnapshot,
  planApplySuggestions,
  planConvertColourRatings,
  planFormatting,
  planSummarySheet,
  takeSnapshot,
  type RatingColoursWrite,
  type StatusHighlightWrite,
} from "../../src/core";
import { contrastRatio, readableFont } from "../../src/core/colour";
import { planRatingFills, planUsesFills } from "../../src/core/rating-colours";
import { fixtureGrid } from "../helpers/fixture-grid";
import { goodAction, sheet, STANDARD_HEADER, workbook } from "./grid-builder";

const result = checkPlan(fixtureGrid(), { asOf: "2022-07-15" });

describe("planFormatting", () => {
  const writes = planFormatting(result);

  test("a dropdown and live colours over each table's rating cells, first to last action", () => {
    const ranges = writes
      .filter((w) => w.kind === "rating-dropdown")
      .map((w) => `${w.sheet}!${"range" in w ? w.range : ""}`);
    expect(ranges).toEqual([
      "Early Help!G8:G17",
      "Children's Social Care!G5:G17",
      "Children in Care & Care Leavers!G4:G9",
      "Annual Survey Findings!G6:G16",
    ]);
    const colours = writes.filter((w): w is RatingColoursWrite => w.kind === "rating-colours");
    expect(colours.map((w) => w.range)).toEqual(["G8:G17", "G5:G17", "G4:G9", "G6:G16"]);
    const green = colours[0]?.rules.find((r) => r.rating === "green");
    expect(green?.formula).toBe(
      '=OR(LOWER(TRIM(G8))="green",LOWER(TRIM(G8))="g",LOWER(TRIM(G8))="on track",LOWER(TRIM(G8))="on target",LOWER(TRIM(G8))="on schedule")',
    );
    expect(colours[1]?.rules.map((r) => r.rating)).toEqual(["blue", "green", "amber", "red"]);
  });

  test("every colour pair has a text contrast of at least 4.5:1", () => {
    for (const w of writes) {
      if (w.kind === "rating-colours")
        for (const r of w.rules) expect(contrastRatio(r.fill, r.font)).toBeGreaterThanOrEqual(4.5);
      if (w.kind === "status-highlight")
        for (const r of w.rules) expect(contrastRatio(r.fill, r.font)).toBeGreaterThanOrEqual(4.5);
    }
  });

  test("live highlights: every open action with a due date, grouped by that date, two rules of TODAY() each", () => {
    const highlights = writes.filter((w): w is StatusHighlightWrite => w.kind === "status-highlight");
    const open = result.sheets.flatMap((s) =>
      s.actions
        .filter((a) => !a.complete && a.deadline.due !== null)
        .map((a) => `${a.sheet}!D${a.row}@${a.deadline.due}`),
    );
    // on-track actions are in too: their highlight appears by itself when the window opens
    expect(result.sheets.some((s) => s.actions.some((a) => a.status === "on-track"))).toBe(true);
    expect(highlights.flatMap((h) => h.cells.map((c) => `${h.sheet}!${c}@${h.due}`)).sort()).toEqual(
      open.sort(),
    );
    const may = highlights.find((h) => h.sheet === "Children's Social Care" && h.due === "2022-05-31");
    expect(may?.rules.map((r) => [r.status, r.formula])).toEqual([
      ["overdue", "=TODAY()>DATE(2022,5,31)"],
      ["due-soon", "=AND(TODAY()>=DATE(2022,5,31)-30,TODAY()<=DATE(2022,5,31))"],
    ]);
    // one write per tab and date, dates in order
    for (const sheet of new Set(highlights.map((h) => h.sheet))) {
      const dues = highlights.filter((h) => h.sheet === sheet).map((h) => h.due);
      expect(dues).toEqual([...new Set(dues)].sort());
    }
  });

  test("a due-soon window of 0 days: due soon on the due day only", () => {
    const zero = checkPlan(fixtureGrid(), { asOf: "2022-07-15", dueSoonDays: 0 });
    const h = planFormatting(zero).find((w): w is StatusHighlightWrite => w.kind === "status-highlight");
    expect(h?.rules[1]?.formula).toBe(
      `=AND(TODAY()>=${h?.rules[0]?.formula.slice(9)},TODAY()<=${h?.rules[0]?.formula.slice(9)})`,
    );
  });

  test("is deterministic, and neither it nor the summary tab ever changes a cell's text", () => {
    expect(planFormatting(result)).toEqual(writes);
    const summary = planSummarySheet(result, null);
    expect(planSummarySheet(result, null)).toEqual(summary);
    expect([...writes, summary].some((w) => w.kind === "set-text")).toBe(false);
  });

  test("a legend quote in a text is escaped in the formula", () => {
    const legend = {
      version: 1 as const,
      blueMeansComplete: true,
      ratings: { green: { label: 'Go "on"', texts: [], colours: [] } },
    };
    const r = checkPlan(workbook(sheet("P", [STANDARD_HEADER, goodAction("a")])), {
      asOf: "2022-07-15",
      legend,
    });
    const w = planFormatting(r, legend).find((x): x is RatingColoursWrite => x.kind === "rating-colours");
    expect(w?.rules[0]?.formula).toBe('=OR(LOWER(TRIM(G2))="go ""on""")');
  });
});

describe('planFormatting with the plan\'s own colours (ratingColours: "plan")', () => {
  // Ratings filled in the plan's own greens and ambers: G2, G3 green text on light green; G4 green
  // text on Excel's green (used less); G5 amber text on gold; G6 amber by fill only (gold); G7
  // "Red" typed into a light green cell (a stale fill: not the plan's red); G8 blue on dark blue.
  const grid = workbook(
    sheet(
      "Plan",
      [
        STANDARD_HEADER,
        goodAction("a"),
        goodAction("b"),
        goodAction("c"),
        goodAction("d", { rag: "Amber" }),
        goodAction("e", { rag: "" }),
        goodAction("f", { rag: "Red" }),
        goodAction("g", { rag: "Blue" }),
      ],
      {
        fills: {
          G2: "#92D050",
          G3: "#92D050",
          G4: "#00B050",
          G5: "#FFC000",
          G6: "#FFC000",
          G7: "#92D050",
          G8: "#1F4E79",
        },
      },
    ),
  );
  const r = checkPlan(grid, { asOf: "2022-07-15" });
  const rules = (choice: "palette" | "plan") =>
    planFormatting(r, undefined, choice)
      .filter((w): w is RatingColoursWrite => w.kind === "rating-colours")
      .flatMap((w) => w.rules.map((x) => [x.rating, x.fill, x.font]));

  test("each rating's rule takes the fill the plan uses most for it, with black or white text", () => {
    expect(rules("plan")).toEqual([
      ["blue", "#1F4E79", "#FFFFFF"],
      ["green", "#92D050", "#000000"],
      ["amber", "#FFC000", "#000000"],
      // the plan has no red fill of its own (G7's green fill does not mean red): the add-in's red
      ["red", "#B2182B", "#FFFFFF"],
    ]);
  });

  test("the default stays the add-in's palette; the rules' formulas and every cell's text are the same either way", () => {
    expect(rules("palette")).toEqual([
      ["blue", "#0072B2", "#FFFFFF"],
      ["green", "#009E73", "#000000"],
      ["amber", "#E69F00", "#000000"],
      ["red", "#B2182B", "#FFFFFF"],
    ]);
    expect(planFormatting(r)).toEqual(planFormatting(r, undefined, "palette"));
    const formulas = (choice: "palette" | "plan") =>
      planFormatting(r, undefined, choice).map((w) =>
        w.kind === "rating-colours" ? w.rules.map((x) => x.formula) : w,
      );
    expect(formulas("plan")).toEqual(formulas("palette"));
    expect(planFormatting(r, undefined, "plan").some((w) => w.kind === "set-text")).toBe(false);
  });

  test("the plan's fills per rating, and a plan with none falls back to the palette entirely", () => {
    expect(planRatingFills(r)).toEqual({ blue: "#1F4E79", green: "#92D050", amber: "#FFC000" });
    expect(planUsesFills(planRatingFills(r))).toBe(true);
    const plain = checkPlan(workbook(sheet("P", [STANDARD_HEADER, goodAction("a")])), { asOf: "2022-07-15" });
    expect(planUsesFills(planRatingFills(plain))).toBe(false);
    expect(planFormatting(plain, undefined, "plan")).toEqual(planFormatting(plain));
  });

  test("a tie between two fills goes to the one met first", () => {
    const tie = checkPlan(
      workbook(
        sheet("P", [STANDARD_HEADER, goodAction("a"), goodAction("b")], {
          fills: { G2: "#00B050", G3: "#92D050" },
        }),
      ),
      { asOf: "2022-07-15" },
    );
    expect(planRatingFills(tie)).toEqual({ green: "#00B050" });
  });

  test("black or white text: the higher contrast, always at least 4.5:1", () => {
    for (const fill of [
      "#FF0000",
      "#0070C0",
      "#FFFF00",
      "#7F7F7F",
      "#767676",
      "#777777",
      "#C00000",
      "#00B0F0",
    ]) {
      const font = readableFont(fill);
      const other = font === "#000000" ? "#FFFFFF" : "#000000";
      expect(contrastRatio(fill, font)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(fill, font)).toBeGreaterThanOrEqual(contrastRatio(fill, other));
    }
    expect([readableFont("#FF0000"), readableFont("#0070C0"), readableFont("#1F4E79")]).toEqual([
      "#000000",
      "#FFFFFF",
      "#FFFFFF",
    ]);
  });
});

describe("planSummarySheet", () => {
  // A review judged as of 4 July (taken later, on 20 July): movement is dated by its as-of date.
  const movement = compareSnapshot({ ...takeSnapshot(result, "2022-07-20"), asOf: "2022-07-04" }, result);
  const s = planSummarySheet(result, movement);

  test("title, as-of date, the sentence with movement, tables and the overdue list with links", () => {
    expect(s.sheet).toBe("Progress Summary");
    const firstCells = s.rows.map((r) => r[0]);
    expect(firstCells[1]).toContain("15 July 2022");
    expect(firstCells[2]).toBe(
      "16 of the 38 actions are green or blue; 14 are overdue; no ratings have changed since the last review (4 July 2022).",
    );
    const tabHeader = s.rows.findIndex((r) => r[0] === "Tab" && r[1] === "Blue") + 1;
    expect(s.headerRows).toContain(tabHeader);
    expect(s.rows[tabHeader]?.slice(0, 7)).toEqual(["Early Help", 1, 4, 2, 0, 3, 10]);
    expect(s.chart?.range).toBe(`A${tabHeader}:F${tabHeader + 4}`);
    expect(s.links).toHaveLength(14);
    expect(s.links[0]?.target).toBe(result.summary.overdue[0]?.cell);
    expect(s.rows.some((r) => r[0] === "Annual Survey Findings: Care Leavers")).toBe(true);
  });

  test("layout: the chart under the per-tab table near the top, sized; every column fits what it holds", () => {
    const tabHeader = s.rows.findIndex((r) => r[0] === "Tab" && r[1] === "Blue") + 1;
    const chart = s.chart;
    expect(chart).not.toBeNull();
    const top = Number(/^A(\d+)$/.exec(chart?.anchorCell ?? "")?.[1]);
    const end = /^([A-Z]+)(\d+)$/.exec(chart?.endCell ?? "");
    // Directly under the per-tab table and its whole-plan row, in column A: seen without scrolling right.
    expect(top).toBe(tabHeader + result.sheets.length + 3); // header, tabs, whole plan, one blank row
    expect(end?.[1]).toBe("G");
    expect(Number(end?.[2]) - top + 1).toBeGreaterThanOrEqual(15);
    // The rows the chart covers are empty: it hides nothing.
    for (let r = top; r <= Number(end?.[2]); r++) expect(s.rows[r - 1]).toEqual([]);
    // Every cell of a table fits its column (the title and sentence rows above the tables run on freely).
    const widths = s.columnWidths;
    for (let i = tabHeader - 1; i < s.rows.length; i++) {
      const row = s.rows[i];
      row.forEach((v, c) => {
        const last = c === row.length - 1 && c > 0; // the overdue table's owner runs on into empty cells
        if (v === null || last || (row.length === 1 && c === 0)) return;
        const text = String(v);
        const isLink = s.links.some((l) => l.row === i + 1 && l.col === c + 1);
        if (!isLink) expect([text, text.length]).toEqual([text, Math.min(text.length, widths[c] - 1)]);
      });
    }
    // The count columns share one width; column A is sized to the names.
    expect(new Set(widths.slice(1)).size).toBe(1);
    expect(widths[0]).toBeGreaterThanOrEqual("Children in Care & Care Leavers".length);
  });

  test("sections are listed only for tabs with named sections, never repeating a tab's own row", () => {
    const sectionRows = s.rows.filter(
      (r) => typeof r[0] === "string" && / \(no section\)$|: /.test(r[0]) && typeof r[1] === "number",
    );
    const sectionTabs = new Set(sectionRows.map((r) => String(r[0]).split(": ")[0]));
    for (const sheet of result.sheets) {
      const named = sheet.sections.some((x) => x.name !== null);
      expect([sheet.name, sectionTabs.has(sheet.name)]).toEqual([sheet.name, named]);
    }
    expect(s.rows.some((r) => typeof r[0] === "string" && r[0].includes("(no section)"))).toBe(false);
  });
});

describe("explicit text changes", () => {
  test("apply suggestions writes the suggested label where it is more severe or none was given, with the text it replaces", () => {
    const all = planApplySuggestions(result, "all");
    const order = { blue: 0, green: 1, amber: 2, red: 3 } as const;
    const actions = result.sheets.flatMap((x) => x.actions);
    const offered = actions.filter(
      (a) =>
        a.suggestedRag !== null &&
        a.suggestedRag !== a.rag &&
        (a.rag === null || a.suggestedRag === "blue" || order[a.suggestedRag] > order[a.rag]),
    );
    expect(all).toHaveLength(offered.length);
    // the fixture has an owner who rates worse than the dates (red, due soon): that is never softened
    const softer = actions.filter(
      (a) =>
        a.rag !== null &&
        a.suggestedRag !== null &&
        a.suggestedRag !== "blue" &&
        order[a.suggestedRag] < order[a.rag],
    );
    for (const a of softer)
      expect(all.find((w) => w.sheet === a.sheet && w.cell === `G${a.row}`)).toBeUndefined();
    const g16 = all.find((w) => w.sheet === "Early Help" && w.cell === "G16");
    expect(g16).toMatchObject({ kind: "set-text", before: "Green", text: "Red" });
    const one = planApplySuggestions(result, [{ sheet: "Early Help", row: 16 }]);
    expect(one).toEqual([g16]);
    expect(planApplySuggestions(result, [{ sheet: "Early Help", row: 8 }])).toEqual([]); // already green
  });

  test("convert colour ratings writes each colour-only rating's label into its empty cell", () => {
    const writes = planConvertColourRatings(result);
    const colourOnly = result.sheets.flatMap((x) => x.actions).filter((a) => a.ragSource === "colour");
    expect(writes.map((w) => `${w.sheet}!${w.cell}=${w.text}`)).toEqual(
      colourOnly.map(
        (a) =>
          `${a.sheet}!G${a.row}=${a.rag === "amber" ? "Amber" : a.rag === "red" ? "Red" : a.rag === "green" ? "Green" : "Blue"}`,
      ),
    );
    expect(writes.every((w) => w.before === "")).toBe(true);
    expect(writes).toHaveLength(13);
  });
});
