/** Plan layouts beyond the fixture: header synonyms, repeated headers, hidden tabs, merges, overrides … */
import { checkPlan, type CellValue, type PlanResult, type SheetResult } from "../../src/core";
import { actionRow, goodAction, sheet, STANDARD_HEADER, workbook } from "./grid-builder";

const AS_OF = "2022-07-15";
const check = (...sheets: Parameters<typeof workbook>): PlanResult =>
  checkPlan(workbook(...sheets), { asOf: AS_OF });
const only = (r: PlanResult): SheetResult => {
  expect(r.sheets).toHaveLength(1);
  return r.sheets[0];
};
const rules = (s: SheetResult): string[] => s.findings.map((f) => `${f.rule} ${f.cell}`);

describe("header detection", () => {
  test("other synonyms name the roles after normalising (case, ?, :, *, line breaks, spaces)", () => {
    const s = only(
      check(
        sheet("Plan", [
          [
            "Ref",
            "Objective",
            "Lead\nofficer:",
            "ACTION *",
            "Target  date",
            "Measure/outcome",
            "BRAG",
            "Progress update",
          ],
          [1, "Aim", "Ann Smith", "Do the thing", "31/10/2022", "Audit", "A", ""],
        ]),
      ),
    );
    expect(s.tables[0]?.columns).toEqual({
      ref: 1,
      reason: 2,
      owner: 3,
      action: 4,
      due: 5,
      evidence: 6,
      rag: 7,
      comments: 8,
    });
    expect(s.actions[0]).toMatchObject({
      row: 2,
      owner: "Ann Smith",
      action: "Do the thing",
      rag: "amber",
      status: "on-track",
    });
    expect(s.findings.find((f) => f.rule === "rag-needs-comment")?.message).toContain("Progress update");
  });

  test('"What" names the action, "What will be the experience of children" names the experience', () => {
    const s = only(
      check(
        sheet("P", [
          ["Who", "What", "Deadline", "What will be the experience of children?"],
          ["Bo", "Plan visits", "Dec 2022", "Seen more"],
        ]),
      ),
    );
    expect(s.tables[0]?.columns).toMatchObject({ owner: 1, action: 2, due: 3, experience: 4 });
    expect(s.actions[0]?.experience).toBe("Seen more");
  });

  test("a header cell with more text names no role; the row is a header by its other cells", () => {
    const s = only(
      check(
        sheet("P", [
          ["Specific aim: Training and Development", "Action", "Lead", "Deadline", "RAG"],
          ["", "Train staff", "HoS", "Sept 2022", "G"],
        ]),
      ),
    );
    expect(s.tables[0]?.columns).toEqual({ action: 2, owner: 3, due: 4, rag: 5 });
    expect(s.actions.map((a) => a.action)).toEqual(["Train staff"]);
  });

  test("two cells naming roles are not a header row; a tab with no header row is skipped", () => {
    const r = check(
      sheet("Notes", [
        ["Who", "Action"],
        ["Ann", "Something"],
      ]),
    );
    expect(r.sheets).toEqual([]);
    expect(r.skippedSheets).toEqual(["Notes"]);
  });

  test("with no action column, the action is read from the first header cell naming no role", () => {
    const s = only(
      check(
        sheet("P", [
          ["Activity", "Lead", "Deadline", "RAG"],
          ["Run a workshop", "Ann", "Sept 2022", "G"],
        ]),
      ),
    );
    expect(s.tables[0]?.columns.action).toBe(1);
    expect(s.actions[0]?.action).toBe("Run a workshop");
  });

  test("column overrides name roles, for one tab or every tab", () => {
    const grid = workbook(
      sheet("A", [
        ["Named person", "Does what", "By when", "Colour"],
        ["Ann", "Act", "Sept 2022", "Red"],
      ]),
      sheet("B", [
        ["Named person", "Does what", "By when", "Colour"],
        ["Bo", "Act", "Sept 2022", "Red"],
      ]),
    );
    const r = checkPlan(grid, {
      asOf: AS_OF,
      columnOverrides: [
        { header: "named person", role: "owner" },
        { sheet: "A", header: "Colour:", role: "rag" },
      ],
    });
    expect(r.sheets.map((s) => s.tables[0]?.columns)).toEqual([
      { owner: 1, action: 2, due: 3, rag: 4 },
      { owner: 1, action: 2, due: 3 },
    ]);
    expect(r.sheets[0]?.actions[0]?.rag).toBe("red");
    expect(r.sheets[1]?.actions[0]?.rag).toBeNull();
  });
});

describe("tables, sections, actions", () => {
  test("the Start/End layout with a repeated header under each Priority heading", () => {
    const header = ["Action", "Lead", "Start", "End", "Measure", "RAG", "Comments"];
    const s = only(
      check(
        sheet("Priorities", [
          ["Early Help Strategy 2022-2023"],
          [],
          ["Priority: 1 Referral Pathways"],
          header,
          ["Map referral routes", "Ann", "April 2022", "June 2022", "Map", "Green", "ok"],
          ["Publish pathway", "Bo", "May 2022", "Sept 2022", "Published", "Amber", "late"],
          ["Priority: 2 Workforce"],
          header,
          ["Train staff", "Cy", "June 2022", "Dec 2022", "Attendance", "Green", "ok"],
        ]),
      ),
    );
    expect(s.tables.map((t) => [t.headerRow, t.lastRow])).toEqual([
      [4, 7],
      [8, 9],
    ]);
    expect(s.actions.map((a) => [a.row, a.section, a.startText])).toEqual([
      [5, "Priority: 1 Referral Pathways", "April 2022"],
      [6, "Priority: 1 Referral Pathways", "May 2022"],
      [9, "Priority: 2 Workforce", "June 2022"],
    ]);
    expect(s.actions.map((a) => a.deadline.due)).toEqual(["2022-06-30", "2022-09-30", "2022-12-31"]);
    expect(s.sections.map((x) => [x.name, x.summary.actions])).toEqual([
      ["Priority: 1 Referral Pathways", 2],
      ["Priority: 2 Workforce", 1],
    ]);
  });

  test("a title separated from the header by a blank row is not a section; one directly above is", () => {
    const rows = (gap: boolean): CellValue[][] => [
      ["Some title"],
      ...(gap ? [[]] : []),
      STANDARD_HEADER,
      goodAction("Act"),
    ];
    expect(only(check(sheet("P", rows(true)))).actions[0]?.section).toBeNull();
    expect(only(check(sheet("P", rows(false)))).actions[0]?.section).toBe("Some title");
  });

  test("blank rows inside a table are skipped and do not end it", () => {
    const s = only(
      check(sheet("P", [STANDARD_HEADER, goodAction("One"), [], [null, null, null], goodAction("Two")])),
    );
    expect(s.actions.map((a) => a.row)).toEqual([2, 5]);
    expect(s.tables).toHaveLength(1);
  });

  test("two tables on one tab, with different columns", () => {
    const s = only(
      check(
        sheet("P", [
          STANDARD_HEADER,
          goodAction("First table action"),
          [],
          ["Action", "Owner", "Due date", "Status"],
          ["Second table action", "Di", "30/09/2022", "Red"],
        ]),
      ),
    );
    expect(s.tables.map((t) => t.headerRow)).toEqual([1, 4]);
    expect(s.actions.map((a) => [a.row, a.action, a.owner, a.rag])).toEqual([
      [2, "First table action", "EH Lead", "green"],
      [5, "Second table action", "Di", "red"],
    ]);
    // the second table has no evidence or comments column: those rules cannot fire there
    expect(rules(s)).toEqual([]);
  });

  test("a row whose reason is empty continues the reason above, also when the reason is merged down", () => {
    const s = only(
      check(
        sheet(
          "P",
          [
            STANDARD_HEADER,
            goodAction("One", { why: "Because" }),
            goodAction("Two", { why: "" }),
            goodAction("Three", { why: "" }),
            ["Heading"],
            goodAction("Four", { why: "" }),
          ],
          { merges: ["A2:A4"] },
        ),
      ),
    );
    expect(s.actions.map((a) => [a.action, a.reason, a.section])).toEqual([
      ["One", "Because", null],
      ["Two", "Because", null],
      ["Three", "Because", null],
      ["Four", "", "Heading"],
    ]);
  });

  test("merged cells: only the top-left holds the value (a merged rating covers only its first row)", () => {
    const grid = sheet(
      "P",
      [STANDARD_HEADER, goodAction("One", { rag: "Red" }), goodAction("Two", { rag: "Red" })],
      { merges: ["G2:G3"] },
    );
    const s = only(check(grid));
    expect(s.actions.map((a) => a.rag)).toEqual(["red", null]);
    expect(rules(s)).toContain("rag-missing P!G3");
  });

  test("a lone cell in the action column is an action, a lone cell at the left is a heading", () => {
    const s = only(
      check(
        sheet("P", [
          STANDARD_HEADER,
          ["", "", "Only the action is written"],
          ["Section A"],
          goodAction("Act"),
        ]),
      ),
    );
    expect(s.actions.map((a) => [a.row, a.section])).toEqual([
      [2, null],
      [4, "Section A"],
    ]);
    expect(rules(s)).toEqual([
      "missing-owner P!B2",
      "missing-deadline P!D2",
      "missing-evidence P!E2",
      "rag-missing P!G2",
    ]);
  });

  test("exact duplicate actions get ordinal keys", () => {
    const s = only(
      check(
        sheet("P", [
          STANDARD_HEADER,
          goodAction("Audit  files"),
          goodAction("audit files"),
          goodAction("Audit files "),
        ]),
      ),
    );
    expect(s.actions.map((a) => a.key)).toEqual(["P::audit files", "P::audit files#2", "P::audit files#3"]);
  });

  test("a used range that does not start at A1", () => {
    const s = only(
      check(sheet("P", [STANDARD_HEADER, goodAction("Act", { who: "" })], { origin: { row: 5, col: 3 } })),
    );
    expect(s.actions[0]?.row).toBe(6);
    expect(rules(s)).toEqual(["missing-owner P!D6"]);
  });
});

describe("tabs", () => {
  test("hidden and very hidden tabs are skipped and listed; own tabs are neither checked nor listed", () => {
    const plan = [STANDARD_HEADER, goodAction("Act")];
    const r = checkPlan(
      workbook(
        sheet("Hidden", plan, { visibility: "hidden" }),
        sheet("Plan", plan),
        sheet("Progress Summary", plan),
        sheet("Secret", plan, { visibility: "veryHidden" }),
      ),
      { asOf: AS_OF, ownSheets: ["Progress Summary"] },
    );
    expect(r.sheets.map((s) => s.name)).toEqual(["Plan"]);
    expect(r.skippedSheets).toEqual(["Hidden", "Secret"]);
  });

  test("the plan year is the first found in visible tabs; 22-23 alone is not a plan year", () => {
    const plan = [STANDARD_HEADER, goodAction("Act", { by: "May" })];
    const r = check(
      sheet("A", [["Retained into 22-23"], [], ...plan]),
      sheet("B", [["Plan 2021/22"], [], ...plan]),
      sheet("C", [["Plan 2023-2024"], [], ...plan]),
    );
    expect(r.planYear).toEqual({ start: "2021-04-01", end: "2022-03-31" });
    expect(r.sheets.map((s) => s.actions[0]?.deadline.due)).toEqual([
      "2021-05-31",
      "2021-05-31",
      "2021-05-31",
    ]);
  });

  test("a hidden tab's title does not set the plan year", () => {
    const plan = [STANDARD_HEADER, goodAction("Act")];
    const r = check(
      sheet("Old", [["Plan 2019-20"], [], ...plan], { visibility: "hidden" }),
      sheet("New", [["Plan 2022-23"], [], ...plan]),
    );
    expect(r.planYear?.start).toBe("2022-04-01");
  });
});

describe("ratings", () => {
  test("colour-only ratings on a whole tab count in summaries, each with an info finding", () => {
    const rows = [
      STANDARD_HEADER,
      goodAction("A", { rag: "" }),
      goodAction("B", { rag: "" }),
      goodAction("C", { rag: "" }),
      goodAction("D", { rag: "" }),
      goodAction("E", { rag: "" }),
    ];
    const s = only(
      check(
        sheet("P", rows, {
          fills: { G2: "#FF0000", G3: "#FFC000", G4: "#92D050", G5: "#00B0F0", G6: "#D9D9D9" },
        }),
      ),
    );
    expect(s.actions.map((a) => [a.rag, a.ragSource])).toEqual([
      ["red", "colour"],
      ["amber", "colour"],
      ["green", "colour"],
      ["blue", "colour"],
      [null, null],
    ]);
    expect(s.summary.rag).toEqual({ blue: 1, green: 1, amber: 1, red: 1, none: 1 });
    expect(s.findings.filter((f) => f.rule === "rag-colour-only").map((f) => f.row)).toEqual([2, 3, 4, 5]);
    expect(rules(s)).toContain("rag-missing P!G6");
  });

  test("a custom legend without blue: green means achieved, blue text is invalid, nothing is complete by colour", () => {
    const legend = {
      version: 1 as const,
      blueMeansComplete: false,
      ratings: {
        green: { label: "Achieved", texts: ["Green", "Achieved"], colours: ["#00B050"] },
        amber: { label: "Amber", texts: ["A"], colours: ["#FFC000"] },
        red: { label: "Red", texts: ["R"], colours: ["#FF0000"] },
      },
    };
    const grid = workbook(
      sheet(
        "P",
        [
          STANDARD_HEADER,
          goodAction("One", { rag: "Achieved" }),
          goodAction("Two", { rag: "Blue" }),
          goodAction("Three", { rag: "" }),
        ],
        { fills: { G4: "#0070C0" } },
      ),
    );
    const s = only(checkPlan(grid, { asOf: AS_OF, legend }));
    expect(s.actions.map((a) => a.rag)).toEqual(["green", null, "green"]);
    expect(rules(s)).toEqual(["rag-invalid P!G3", "rag-colour-only P!G4"]);
  });
});

describe("odd cells", () => {
  test("error cells (#N/A) in every column never throw: they are text, invalid ratings or unread deadlines", () => {
    const bad = ["#N/A", "#REF!", "#N/A", "#VALUE!", "#N/A", "#DIV/0!", "#N/A", "#NAME?"];
    const s = only(
      check(sheet("P", [STANDARD_HEADER, bad, [true, false, 12.5, -3, Number.NaN, Infinity, 0, null]])),
    );
    expect(s.actions[0]).toMatchObject({ action: "#N/A", owner: "#REF!", rag: null, ratingText: "#N/A" });
    expect(s.actions[0]?.deadline.kind).toBe("unparsed");
    expect(rules(s).filter((r) => r.endsWith("2"))).toEqual(["deadline-unparsed P!D2", "rag-invalid P!G2"]);
    expect(s.actions).toHaveLength(2);
  });

  test("a due cell with an Excel date shows the reading beside its text", () => {
    const s = only(
      check(
        sheet("P", [STANDARD_HEADER, goodAction("Act", { by: 44713 })], {
          numberFormats: { D2: "mmm-yy" },
          texts: { D2: "Jun-22" },
        }),
      ),
    );
    expect(s.actions[0]?.deadline).toMatchObject({ kind: "date", due: "2022-06-30", text: "Jun-22" });
    expect(s.actions[0]?.status).toBe("overdue");
    expect(s.actions[0]?.daysOverdue).toBe(15);
  });
});

test("an open action rated green with no deadline problems raises nothing", () => {
  const s = only(
    check(
      sheet("P", [
        STANDARD_HEADER,
        actionRow({ why: "w", who: "x", does: "y", by: "Dec 2022", how: "z", rag: "G", comments: "" }),
      ]),
    ),
  );
  expect(s.findings).toEqual([]);
});
