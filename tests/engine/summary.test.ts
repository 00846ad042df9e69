/** Summary counts and the committee sentences. */
import { checkPlan, workbookSentence, type Movement, type Summary } from "../../src/core";
import { areaSentence, percentOf } from "../../src/core/summary";
import { goodAction, sheet, STANDARD_HEADER, workbook } from "./grid-builder";

const counts = (
  rag: Partial<Summary["rag"]>,
  status: Partial<Summary["status"]> = {},
): Pick<Summary, "actions" | "rag" | "status" | "percentComplete"> => {
  const r = { blue: 0, green: 0, amber: 0, red: 0, none: 0, ...rag };
  const s = {
    complete: 0,
    overdue: 0,
    "due-soon": 0,
    "on-track": 0,
    ongoing: 0,
    "no-deadline": 0,
    ...status,
  };
  const actions = r.blue + r.green + r.amber + r.red + r.none;
  return { actions, rag: r, status: s, percentComplete: percentOf(s.complete, actions) };
};

test("percent complete rounds halves up and is 0 with no actions", () => {
  expect(percentOf(1, 8)).toBe(13); // 12.5
  expect(percentOf(1, 3)).toBe(33);
  expect(percentOf(2, 3)).toBe(67);
  expect(percentOf(9, 38)).toBe(24);
  expect(percentOf(0, 0)).toBe(0);
  expect(percentOf(5, 5)).toBe(100);
});

describe("tab and section sentences", () => {
  test("counts, zero parts left out", () => {
    expect(
      areaSentence(
        "Early Help",
        counts({ blue: 1, green: 5, amber: 1, none: 3 }, { complete: 1, overdue: 3 }),
      ),
    ).toBe("Early Help: 10 actions; 1 blue, 5 green, 1 amber, 3 not rated; 1 complete (10%), 3 overdue.");
  });
  test("singular, and no progress clause", () => {
    expect(areaSentence("CIN/CP", counts({ green: 1 }, { "on-track": 1 }))).toBe(
      "CIN/CP: 1 action; 1 green.",
    );
  });
  test("no actions", () => {
    expect(areaSentence("Empty", counts({}))).toBe("Empty: no actions.");
  });
});

describe("workbook sentence", () => {
  test.each([
    [counts({ blue: 10, green: 28 }), "All 38 actions are green or blue."],
    [counts({ green: 2 }), "Both actions are green or blue."],
    [counts({ green: 1 }), "The one action is green or blue."],
    [counts({ amber: 3, red: 2 }), "None of the 5 actions is green or blue."],
    [counts({ red: 1 }), "The one action is not green or blue."],
    [counts({ green: 35, amber: 3 }), "All but 3 actions are green or blue."],
    [counts({ green: 35, amber: 1 }), "All but 1 action is green or blue."],
    [counts({ green: 1, amber: 4 }), "1 of the 5 actions is green or blue."],
    [
      counts({ green: 10, red: 28 }, { overdue: 12 }),
      "10 of the 38 actions are green or blue; 12 are overdue.",
    ],
    [counts({}), "The plan has no actions."],
  ])("%#: %s", (s, sentence) => {
    expect(workbookSentence(s)).toBe(sentence);
  });

  test("movement since the last review", () => {
    const moved = (key: string, from: "green" | "amber" | null, to: "amber" | "red" | null) => ({
      key,
      sheet: "S",
      row: 1,
      action: key,
      from,
      to,
    });
    const m: Movement = {
      since: "2022-07-04",
      ratingChanges: [
        moved("a", "green", "amber"),
        moved("b", "green", "amber"),
        moved("c", "green", "amber"),
        moved("d", "amber", "red"),
      ],
      newlyOverdue: [],
      completed: [{ key: "e", sheet: "S", row: 2, action: "e" }],
      added: [],
      removed: [],
    };
    expect(workbookSentence(counts({ green: 35, amber: 3 }), m)).toBe(
      "All but 3 actions are green or blue; 3 have moved from green to amber, 1 from amber to red and 1 has been completed since the last review (4 July 2022).",
    );
    expect(workbookSentence(counts({ green: 2 }), { ...m, ratingChanges: [], completed: [] })).toBe(
      "Both actions are green or blue; no ratings have changed since the last review (4 July 2022).",
    );
  });
});

test("sections, tab and workbook summaries add up; overdue oldest first", () => {
  const r = checkPlan(
    workbook(
      sheet("A", [
        STANDARD_HEADER,
        ["One"],
        goodAction("a1", { by: "30/06/2022" }),
        ["Two"],
        goodAction("a2", { by: "01/05/2022" }),
        goodAction("a3", { by: "complete" }),
      ]),
      sheet("B", [STANDARD_HEADER, goodAction("b1", { by: "01/06/2022", who: "" })]),
    ),
    { asOf: "2022-07-15" },
  );
  const [a, b] = r.sheets;
  expect(a?.sections.map((s) => [s.name, s.summary.actions, s.summary.status.overdue])).toEqual([
    ["One", 1, 1],
    ["Two", 2, 1],
  ]);
  expect(r.summary.overdue.map((o) => [o.sheet, o.row, o.due, o.daysOverdue])).toEqual([
    ["A", 5, "2022-05-01", 75],
    ["B", 2, "2022-06-01", 44],
    ["A", 3, "2022-06-30", 15],
  ]);
  expect(r.summary.overdue[0]?.cell).toBe("A!C5");
  expect(r.summary.percentComplete).toBe(25);
  expect(r.summary.findings.error).toBe((a?.summary.findings.error ?? 0) + (b?.summary.findings.error ?? 0));
  expect(b?.summary.findings.error).toBe(1);
});
