/** SEMANTICS.md "Plans from other councils" "Plans from other councils": headers, rating words, owners, formulas, suggestions. */
import { groupOwners } from "../../src/core/portfolio";
import {
  checkPlan,
  DEFAULT_LEGEND,
  groupByOwner,
  invalidRatingWords,
  legendWithWord,
  isNoOwner,
  mayOfferSuggestion,
  noPlanTableMessage,
  ownersIn,
  readRating,
  type CellValue,
  type PlanResult,
  type Rating,
  type SheetResult,
} from "../../src/core";
import { goodAction, sheet, STANDARD_HEADER, workbook } from "./grid-builder";

const AS_OF = "2022-07-15";
const check = (...sheets: Parameters<typeof workbook>): PlanResult =>
  checkPlan(workbook(...sheets), { asOf: AS_OF });
const only = (r: PlanResult): SheetResult => {
  expect(r.sheets).toHaveLength(1);
  return r.sheets[0];
};
const rules = (s: SheetResult): string[] => s.findings.map((f) => `${f.rule} ${f.cell}`);

describe("headers", () => {
  test("a trailing (s) and full stops are dropped; the new header texts name their roles", () => {
    const s = only(
      check(
        sheet("YJ", [
          [
            "No.",
            "Recommendation",
            "Key actions",
            "Lead Officer(s)",
            "Timeline",
            "Expected outcome",
            "BRAG rating",
            "Progress to date",
          ],
          [
            1,
            "Reduce first-time entrants",
            "Run the triage panel",
            "",
            "March 2024",
            "Fewer FTEs",
            "On target",
            "Panel meets weekly",
          ],
        ]),
      ),
    );
    expect(s.tables[0].columns).toEqual({
      ref: 1,
      reason: 2,
      action: 3,
      owner: 4,
      due: 5,
      evidence: 6,
      rag: 7,
      comments: 8,
    });
    const a = s.actions[0];
    expect([a.rag, a.deadline.due]).toEqual(["green", "2024-03-31"]);
    expect(rules(s)).toEqual(["missing-owner YJ!D2"]);
    expect(s.findings[0].message).toMatch(/^Lead Officer\(s\) is empty/);
  });

  test.each([
    ["Priority", "reason"],
    ["Area for improvement", "reason"],
    ["Responsible officer(s)", "owner"],
    ["Accountable officer", "owner"],
    ["By whom", "owner"],
    ["Actions required", "action"],
    ["Target completion date", "due"],
    ["When", "due"],
    ["Timeframe", "due"],
    ["Success criteria", "evidence"],
    ["KPI", "evidence"],
    ["Overall RAG", "rag"],
    ["Current RAG", "rag"],
    ["Latest update", "comments"],
    ["Commentary", "comments"],
    ["Ref no.", "ref"],
    ["Action No", "ref"],
    ["#", "ref"],
  ])("%p names the %p column", (header, role) => {
    // three other roles, then the header under test in column D
    const head = [
      ["Action", "action"],
      ["Owner", "owner"],
      ["Deadline", "due"],
      ["Why", "reason"],
    ]
      .filter(([, r]) => r !== role)
      .slice(0, 3)
      .map(([h]) => h);
    const s = only(
      check(
        sheet("Plan", [
          [...head, header],
          ["Do it", "Ann", "May 2024", "y"],
        ]),
      ),
    );
    expect(s.tables[0].columns[role as "ref"]).toBe(4);
  });

  test("a header row needs three different roles: three No cells are one role", () => {
    const r = check(
      sheet("Survey", [
        ["No", "No", "No", "Answer"],
        ["Yes", "No", "Yes", "Fine"],
      ]),
    );
    expect(r.sheets).toEqual([]);
    expect(r.skippedSheets).toEqual(["Survey"]);
  });

  test("a tab with rows of text but no recognised header is skipped and named in unnamedSheets", () => {
    const r = check(
      sheet("Plan", [STANDARD_HEADER, goodAction("Do it")]),
      sheet("Tracker", [
        ["Workstream", "Person", "Milestone"],
        ["Triage", "Ann", "March 2024"],
        ["Panel", "Bob", "June 2024"],
      ]),
      sheet("Notes", [["Some notes about the plan."], ["Another paragraph."]]),
      sheet("Empty", []),
    );
    expect(r.skippedSheets).toEqual(["Tracker", "Notes", "Empty"]);
    expect(r.unnamedSheets).toEqual(["Tracker"]);
    expect(noPlanTableMessage("Tracker")).toBe("No plan table found on Tracker: name its columns.");
  });

  test("a column-role override makes such a tab a plan tab", () => {
    const r = checkPlan(
      workbook(
        sheet("Tracker", [
          ["Workstream", "Person", "Milestone"],
          ["Triage", "Ann", "March 2024"],
        ]),
      ),
      {
        asOf: AS_OF,
        columnOverrides: [
          { header: "Workstream", role: "action" },
          { header: "Person", role: "owner" },
          { header: "Milestone", role: "due" },
        ],
      },
    );
    expect(r.unnamedSheets).toEqual([]);
    expect(r.sheets[0].actions.map((a) => [a.action, a.owner, a.deadline.due])).toEqual([
      ["Triage", "Ann", "2024-03-31"],
    ]);
  });
});

describe("rating words", () => {
  const read = (text: string) => readRating(text, null, DEFAULT_LEGEND);
  test.each<[string, Rating]>([
    ["Completed.", "blue"],
    ["Achieved", "blue"],
    ["closed", "blue"],
    ["Met", "blue"],
    ["On target", "green"],
    ["On schedule!", "green"],
    ["Slipping", "amber"],
    ["Some concerns", "amber"],
    ["Not on track", "red"],
    ["Significant concerns", "red"],
    ["Green/Amber", "amber"],
    ["Amber-Red", "red"],
    ["A/G", "amber"],
    ["green / blue", "green"],
    ["Complete (and ongoing)", "blue"],
  ])("%p reads %p", (text, rag) => {
    expect(read(text)).toMatchObject({ rag, source: "text", invalid: false, progress: false });
  });

  test.each(["Not started", "In progress", "ongoing", "N/A", "In progress."])(
    "progress word %p is not a rating and not an error",
    (text) => {
      expect(read(text)).toEqual({ rag: null, source: null, invalid: false, progress: true, done: false });
    },
  );

  test.each(["On hold", "Overdue", "Green/Purple", "Paused"])("%p stays invalid", (text) => {
    expect(read(text).invalid).toBe(true);
  });

  test("in a plan: progress words are rag-missing for open actions, done words complete, others rag-invalid", () => {
    const s = only(
      check(
        sheet("YJ", [
          STANDARD_HEADER,
          goodAction("Open, not started", { rag: "Not started", by: "March 2024" }),
          goodAction("In progress", { rag: "In progress", by: "March 2024" }),
          goodAction("Done, still running", { rag: "Complete (and ongoing)", by: "March 2024" }),
          goodAction("On hold", { rag: "On hold", by: "March 2024" }),
          goodAction("Two colours", { rag: "Green/Amber", by: "March 2024", comments: "" }),
        ]),
      ),
    );
    expect(s.actions.map((a) => [a.ratingText, a.rag, a.status])).toEqual([
      ["Not started", null, "on-track"],
      ["In progress", null, "on-track"],
      ["Complete (and ongoing)", "blue", "complete"],
      ["On hold", null, "on-track"],
      ["Green/Amber", "amber", "on-track"],
    ]);
    expect(rules(s)).toEqual([
      "rag-missing YJ!G2",
      "rag-missing YJ!G3",
      "rag-invalid YJ!G5",
      "rag-needs-comment YJ!G6",
    ]);
    expect(s.findings[0].message).toContain('reads "Not started", a progress word');
  });

  test("a done word makes the action complete even when the legend has no blue", () => {
    const legend = { ...DEFAULT_LEGEND, ratings: { ...DEFAULT_LEGEND.ratings, blue: undefined } };
    const r = checkPlan(workbook(sheet("P", [STANDARD_HEADER, goodAction("x", { rag: "Done" })])), {
      asOf: AS_OF,
      legend,
    });
    const a = r.sheets[0].actions[0];
    expect([a.rag, a.complete, a.status]).toEqual([null, true, "complete"]);
    expect(rules(r.sheets[0])).toEqual([]);
  });

  test("a word the council added to its legend wins over the progress words", () => {
    const legend = {
      ...DEFAULT_LEGEND,
      ratings: {
        ...DEFAULT_LEGEND.ratings,
        green: {
          ...DEFAULT_LEGEND.ratings.green!,
          texts: [...DEFAULT_LEGEND.ratings.green!.texts, "Ongoing"],
        },
      },
    };
    expect(readRating("Ongoing", null, legend)).toMatchObject({ rag: "green", progress: false });
  });
});

describe("owners", () => {
  test.each(["TBC", "tba", "-", "?", "N/A", "TBC."])("%p names no owner", (text) => {
    expect(isNoOwner(text)).toBe(true);
  });
  test.each(["Ann Smith", "HoS", "TBC lead", ""])("%p is not a no-owner word", (text) => {
    expect(isNoOwner(text)).toBe(false);
  });

  test("a no-owner word is missing-owner, and the message says what the cell reads", () => {
    const s = only(check(sheet("P", [STANDARD_HEADER, goodAction("x", { who: "TBC" })])));
    expect(rules(s)).toEqual(["missing-owner P!B2"]);
    expect(s.findings[0].message).toContain('Who? reads "TBC", which names no owner');
    expect(s.actions[0].owner).toBe("TBC"); // the user's text is kept as written
  });

  test("several owners in one cell", () => {
    expect(ownersIn("EH Lead / Afghan Project Lead")).toEqual(["EH Lead", "Afghan Project Lead"]);
    expect(ownersIn("HoS & Management team")).toEqual(["HoS", "Management team"]);
    expect(ownersIn("Head of Learning and Development")).toEqual(["Head of Learning and Development"]);
    // a comma is part of one owner's name in these plans; repeats and no-owner parts are dropped
    expect(ownersIn("Team Manager,  Assessment")).toEqual(["Team Manager, Assessment"]);
    expect(ownersIn("HoS / HOS; TBC")).toEqual(["HoS"]);
    expect(ownersIn("")).toEqual([]);
  });

  test("who owes what in the pane and across plans (sdp-check) group owners the same way", () => {
    const owners = [
      "HoS & Team Manager, Assessment",
      "H.o.S.",
      "team manager, assessment",
      "TBC",
      "EH Lead / hos",
    ];
    const aliases = [{ alias: "EH Lead", name: "Early Help Lead" }];
    const pane = groupByOwner(owners, (o) => o, aliases).filter((g) => g.name !== "No owner named");
    const { owners: portfolio, noOwner } = groupOwners([
      { workbook: "a", aliases, actions: owners.map((owner) => ({ owner, status: "on-track" as const })) },
    ]);
    const counts = (list: [string, number][]) => new Map(list);
    expect(counts(portfolio.map((g) => [g.owner, g.actions]))).toEqual(
      counts(pane.map((g) => [g.name, g.items.length])),
    );
    expect(counts(pane.map((g) => [g.name, g.items.length]))).toEqual(
      counts([
        ["HoS", 3],
        ["Team Manager, Assessment", 2],
        ["Early Help Lead", 1],
      ]),
    );
    expect(noOwner.actions).toBe(1);
  });

  test("grouping ignores case, spaces and full stops, counts a shared cell under each, and merges aliases", () => {
    const owners = ["HOS", "HoS", "H.o.S.", "Head of Service", "HoS & Management team", "TBC", "", "EH Lead"];
    const plain = groupByOwner(owners, (o) => o);
    expect(plain.map((g) => [g.name, g.items.length])).toEqual([
      ["HOS", 4],
      ["No owner named", 2],
      ["EH Lead", 1],
      ["Head of Service", 1],
      ["Management team", 1],
    ]);
    const merged = groupByOwner(owners, (o) => o, [{ alias: "HOS", name: "Head of Service" }]);
    expect(merged.map((g) => [g.name, g.items.length])).toEqual([
      ["Head of Service", 5],
      ["No owner named", 2],
      ["EH Lead", 1],
      ["Management team", 1],
    ]);
  });
});

describe("formulas without a value", () => {
  test("an uncalculated owner or rating is formula-not-calculated (info) on that cell, not missing", () => {
    const grid = sheet("P", [
      STANDARD_HEADER,
      goodAction("x", { who: null, rag: null }),
      goodAction("y", { who: null }),
    ]);
    grid.uncalculated = [
      { row: 2, col: 2 },
      { row: 2, col: 7 },
    ];
    const s = only(checkPlan(workbook(grid), { asOf: AS_OF }));
    expect(s.findings.map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual([
      "formula-not-calculated info P!B2",
      "formula-not-calculated info P!G2",
      "missing-owner error P!B3",
    ]);
    expect(s.findings[0].message).toMatch(/Open the workbook in Excel and save it/);
    expect(s.actions[0].uncalculated).toEqual(["owner", "rag"]);
  });
});

describe("suggestions respect the owner", () => {
  test.each<[Rating | null, Rating | null, boolean]>([
    [null, "red", true],
    [null, "green", true],
    ["green", "amber", true],
    ["green", "red", true],
    ["amber", "red", true],
    ["red", "amber", false],
    ["amber", "green", false],
    ["red", "green", false],
    ["red", "blue", true],
    ["green", "blue", true],
    ["blue", "blue", false],
    ["green", "green", false],
    ["green", null, false],
  ])("owner %p, suggested %p: offered %p", (current, suggested, offered) => {
    expect(mayOfferSuggestion(current, suggested)).toBe(offered);
  });
});

describe("engine cost follows the stored cells", () => {
  /** Counts the row reads the engine makes of a grid's values (a Proxy over the outer array). */
  function counted(values: CellValue[][]): { values: CellValue[][]; reads: () => number } {
    let reads = 0;
    const proxy = new Proxy(values, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    return { values: proxy, reads: () => reads };
  }

  test("a value at XFD1048576 on an otherwise normal plan: the engine reads the stored rows only", () => {
    const grid = sheet("Plan", [STANDARD_HEADER, goodAction("A"), goodAction("B")]);
    // the far cell: rows 4..1,048,575 are not stored (a sparse array); the last row holds one value in column 16,384
    const last: CellValue[] = [];
    last[16_383] = "stray";
    grid.values[1_048_575] = last;
    const probe = counted(grid.values);
    grid.values = probe.values;
    const s = only(checkPlan(workbook(grid), { asOf: AS_OF }));
    expect(s.actions.map((a) => a.action)).toEqual(["A", "B"]);
    // rows x width would be 17 billion cell reads, rows alone a million: the stored four rows cost a few hundred
    expect(probe.reads()).toBeLessThan(2_000);
  });
});

describe("rag-invalid words grouped, and added to the legend in one step", () => {
  test("grouped by word ignoring case and punctuation; once added, the word is a rating", () => {
    const grid = workbook(
      sheet("P", [
        STANDARD_HEADER,
        goodAction("a", { rag: "On hold" }),
        goodAction("b", { rag: "on hold." }),
        goodAction("c", { rag: "Paused" }),
        goodAction("d", { rag: "Green" }),
      ]),
    );
    const before = checkPlan(grid, { asOf: AS_OF });
    const groups = invalidRatingWords(before);
    expect(groups.map((g) => [g.word, g.findings.map((f) => f.cell)])).toEqual([
      ["On hold", ["P!G2", "P!G3"]],
      ["Paused", ["P!G4"]],
    ]);
    const legend = legendWithWord(DEFAULT_LEGEND, "On hold", "amber");
    expect(legend.ratings.amber?.texts).toContain("On hold");
    expect(DEFAULT_LEGEND.ratings.amber?.texts).not.toContain("On hold"); // a new legend, the default untouched
    const after = checkPlan(grid, { asOf: AS_OF, legend });
    expect(after.sheets[0].actions.map((a) => a.rag)).toEqual(["amber", "amber", null, "green"]);
    expect(invalidRatingWords(after).map((g) => g.word)).toEqual(["Paused"]);
    expect(legendWithWord(legend, "ON HOLD", "amber")).toBe(legend); // already there
  });
});
