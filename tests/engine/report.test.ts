/** The committee report's wording: every sentence shape, on the fixture and on generated movement. */
import { checkPlan, type Movement, type PlanResult } from "../../src/core";
import { committeeReport, movementSentences, planTitle, ratingWords } from "../../src/core/report";
import { reportHtml, reportMarkdown, reportText } from "../../src/core/report-render";
import { DEFAULT_LEGEND } from "../../src/core/rating";
import { fixtureGrid } from "../helpers/fixture-grid";
import { goodAction, sheet, STANDARD_HEADER, workbook } from "./grid-builder";

const grid = fixtureGrid();
const result = checkPlan(grid, { asOf: "2022-07-15" });
const JULY_1 = { asOf: "2022-07-01", takenOn: "2022-07-02" };

function report(over: Partial<Parameters<typeof committeeReport>[0]> = {}) {
  return committeeReport({
    result,
    planName: planTitle(result, grid),
    movement: null,
    previous: null,
    replaces: null,
    ...over,
  });
}

function plan(rows: unknown[][], asOf = "2022-07-15"): PlanResult {
  return checkPlan(
    workbook(
      sheet("Early Help", [["Service Development Plan 2023-24"], STANDARD_HEADER, ...(rows as never[])]),
    ),
    { asOf },
  );
}

function moved(n: number, from: string | null, to: string | null, start = 0): Movement["ratingChanges"] {
  return Array.from({ length: n }, (_, i) => ({
    key: `Early Help::a${start + i}`,
    sheet: "Early Help",
    row: 10 + start + i,
    action: `Action ${start + i}`,
    from: from as never,
    to: to as never,
  }));
}

function movement(over: Partial<Movement> = {}): Movement {
  return {
    since: "2022-07-01",
    ratingChanges: [],
    newlyOverdue: [],
    completed: [],
    added: [],
    removed: [],
    ...over,
  };
}

describe("the fixture plan (38 actions, as at 15 July 2022)", () => {
  const r = report();

  test("opens with the plan's name and as-of date", () => {
    expect(planTitle(result, grid)).toBe("Service Development Plan 2022-23");
    expect(r.sentences[0]).toBe(
      "Service Development Plan 2022-23, position as at 15 July 2022: 38 actions across 4 tabs.",
    );
    expect(r.title).toBe("Service Development Plan 2022-23: position as at 15 July 2022");
  });

  test("ratings in the legend's words, and overdue counted once (the green ones are a part of them)", () => {
    const s = result.summary;
    expect(s.rag.green + s.rag.blue).toBe(16);
    expect(r.sentences[1]).toBe("16 are green/blue; 6 amber, 4 red and 12 not rated.");
    const stillGreen = result.sheets
      .flatMap((x) => x.actions)
      .filter((a) => a.status === "overdue" && (a.rag === "green" || a.rag === "blue")).length;
    expect(stillGreen).toBeGreaterThan(0);
    expect(r.sentences.slice(2, 5)).toEqual([
      "9 are complete (24%).",
      `14 are overdue, ${stillGreen} of them still rated green.`,
      "6 more are due within 30 days.",
    ]);
  });

  test("first review: said so, no movement", () => {
    expect(r.sentences).toContain("This is the first review recorded in this workbook.");
  });

  test("needs attention: red or overdue, each with owner and latest comment, capped at 10", () => {
    const all = result.sheets
      .flatMap((x) => x.actions)
      .filter((a) => a.rag === "red" || a.status === "overdue");
    expect(r.attention).toHaveLength(Math.min(10, all.length));
    expect(r.attentionMore).toBe(Math.max(0, all.length - 10));
    expect(r.sentences[r.sentences.length - 1]).toBe(
      `${all.length} actions need attention (red or overdue)${all.length > 10 ? "; the 10 most pressing are listed." : "."}`,
    );
    for (const item of r.attention) {
      const a = all.find((x) => x.sheet === item.sheet && x.row === item.row);
      expect(a).toBeDefined();
      expect(item.owner).toBe(a?.owner.trim() || "(no owner)");
      expect(item.why).toMatch(/^(Red|Overdue by \d+ days?|Red; overdue by \d+ days?)$/);
      if (a?.comments.trim()) expect(a.comments).toContain(item.comment.replace(/…$/, ""));
    }
    // red and overdue first
    expect(r.attention[0].why).toMatch(/^Red; overdue/);
  });

  test("a legend with its own words is used throughout", () => {
    const legend = {
      ...DEFAULT_LEGEND,
      ratings: {
        ...DEFAULT_LEGEND.ratings,
        green: { ...DEFAULT_LEGEND.ratings.green!, label: "On track" },
        amber: { ...DEFAULT_LEGEND.ratings.amber!, label: "Orange" },
      },
    };
    expect(ratingWords(legend).amber).toBe("orange");
    const own = report({ legend });
    expect(own.sentences[1]).toBe("16 are on track/blue; 6 orange, 4 red and 12 not rated.");
  });

  test("renders as text, markdown and HTML with the same paragraph and tables", () => {
    const text = reportText(r);
    expect(text).toContain(r.paragraph);
    expect(text).toContain("Tab\tBlue\tGreen\tAmber\tRed\tNot rated\tActions\tComplete\tOverdue");
    expect(text).toContain("Whole plan\t");
    const md = reportMarkdown(r);
    expect(md).toContain("| Tab | Blue | Green |");
    expect(md.split("\n").filter((l) => l.startsWith("| ")).length).toBe(2 + 4 + 1 + 2 + r.attention.length);
    const html = reportHtml(r);
    expect((html.match(/<table/g) ?? []).length).toBe(2);
    expect(html).toContain("<th");
    expect(html).not.toMatch(/<script/i);
  });
});

describe("sentence shapes", () => {
  test("no actions", () => {
    const empty = plan([]);
    const r = committeeReport({
      result: empty,
      planName: "Plan X",
      movement: null,
      previous: null,
      replaces: null,
    });
    expect(r.sentences[0]).toBe("Plan X has no actions to report as at 15 July 2022.");
    expect(r.attention).toEqual([]);
  });

  test("all complete", () => {
    const done = plan([goodAction("One", { rag: "Blue" }), goodAction("Two", { rag: "Blue" })]);
    const r = committeeReport({
      result: done,
      planName: null,
      movement: null,
      previous: null,
      replaces: null,
    });
    expect(r.sentences[0]).toBe("The plan, position as at 15 July 2022: 2 actions.");
    expect(r.sentences[1]).toBe("All 2 are complete.");
    expect(r.sentences).toContain("No action is red or overdue.");
  });

  test("all but a few, overdue with one still green", () => {
    const p = plan([
      goodAction("One"),
      goodAction("Two"),
      goodAction("Three", { rag: "Amber", by: "30/06/2022" }),
      goodAction("Four", { by: "30/06/2022" }),
    ]);
    const r = committeeReport({ result: p, planName: null, movement: null, previous: null, replaces: null });
    expect(r.sentences[1]).toBe("All but 1 are green/blue: 1 amber.");
    expect(r.sentences[2]).toBe("2 are overdue, 1 of them still rated green.");
  });

  test("no movement since the last review", () => {
    expect(movementSentences(movement(), JULY_1)).toEqual([
      "Since the last review on 1 July 2022, no rating or status has changed.",
    ]);
  });

  test("movement grouped by direction, worse first, capped, completed told once", () => {
    const m = movement({
      ratingChanges: [
        ...moved(4, null, "green"),
        ...moved(3, "green", "amber", 10),
        ...moved(2, "amber", "blue", 20), // completed: told as completed, not as a rating change
        ...moved(1, "amber", "green", 30),
        ...moved(1, "amber", "red", 40),
      ],
      completed: moved(2, "amber", "blue", 20),
    });
    expect(movementSentences(m, JULY_1)).toEqual([
      "Since the last review on 1 July 2022, 3 actions have turned from green to amber, 1 has turned from amber to red and 2 have been completed; 5 more changed rating.",
    ]);
  });

  test("the example of the issue", () => {
    const m = movement({
      ratingChanges: [...moved(3, "green", "amber"), ...moved(4, "amber", "green", 10)],
      completed: moved(2, "amber", "blue", 20),
    });
    // two kinds named at most: the third kind of change is counted, not named
    const [first] = movementSentences(m, JULY_1);
    expect(first).toBe(
      "Since the last review on 1 July 2022, 3 actions have turned from green to amber, 4 have turned from amber to green and 2 have been completed.",
    );
    const capped = movementSentences(
      movement({
        ratingChanges: [
          ...moved(3, "green", "amber"),
          ...moved(2, "green", "red", 5),
          ...moved(4, "amber", "green", 10),
        ],
        completed: [],
      }),
      JULY_1,
    );
    expect(capped[0]).toBe(
      "Since the last review on 1 July 2022, 3 actions have turned from green to amber and 2 have turned from green to red; 4 more changed rating.",
    );
  });

  test("overdue, added and removed follow in their own sentence", () => {
    const m = movement({ newlyOverdue: moved(2, null, null), added: moved(1, null, null, 5) });
    expect(movementSentences(m, JULY_1)).toEqual([
      "Since the last review on 1 July 2022, no rating has changed.",
      "2 have become overdue and 1 has been added.",
    ]);
  });

  test("same-day re-summary: the paragraph is as it was; the pane's note says the review was replaced", () => {
    const same = { asOf: "2022-07-15", takenOn: "2022-07-15" };
    const once = report({ movement: movement(), previous: JULY_1 });
    const again = report({ movement: movement(), previous: JULY_1, replaces: same });
    expect(again.paragraph).toBe(once.paragraph);
    expect(once.note).toBeNull();
    expect(again.note).toBe(
      "This summary replaces the one already taken as at 15 July 2022: movement is still counted since the review before it, on 1 July 2022.",
    );
    const alone = report({ replaces: { asOf: "2022-07-15", takenOn: "2022-07-16" } });
    expect(alone.note).toBe(
      "This summary replaces the one already taken as at 15 July 2022 (taken on 16 July 2022): there is no earlier review to compare with.",
    );
    expect(alone.sentences).toContain("This is the first review recorded in this workbook.");
  });
});
