/** Who owes what across plans (SEMANTICS.md "Plans from other councils" "Owners"), the merged overdue list and the portfolio sentence. */
import type { OverdueItem, Status } from "../../src/core/model";
import { isNoOwner, ownerKey, ownersIn as splitOwners, readOwnerAliases } from "../../src/core/owners";
import { groupOwners, mergeOverdue, portfolioSentence } from "../../src/core/portfolio";

const act = (owner: string, status: Status = "on-track") => ({ owner, status });

describe("owner grouping (SEMANTICS.md, 'Plans from other councils')", () => {
  it("ignores case, spaces and full stops: HOS, HoS and H.o.S. are one owner", () => {
    expect(new Set(["HOS", "HoS", "H.o.S.", " h o s "].map(ownerKey))).toEqual(new Set(["hos"]));
    const { owners } = groupOwners([
      {
        workbook: "a.xlsx",
        aliases: [],
        actions: [act("HOS"), act("HoS", "overdue"), act("H.o.S.", "complete")],
      },
    ]);
    expect(owners).toEqual([
      {
        owner: "HOS",
        spellings: ["HOS", "HoS", "H.o.S."],
        actions: 3,
        open: 2,
        overdue: 1,
        dueSoon: 0,
        workbooks: ["a.xlsx"],
      },
    ]);
  });

  it("counts a cell naming several owners under each of them, once per action", () => {
    expect(splitOwners("EH Lead / Afghan Project Lead")).toEqual(["EH Lead", "Afghan Project Lead"]);
    expect(splitOwners("HoS & Management team")).toEqual(["HoS", "Management team"]);
    expect(splitOwners("HoS / HOS")).toEqual(["HoS"]);
    expect(splitOwners("Lead\nofficer for QA")).toEqual(["Lead", "officer for QA"]);
    // a comma is part of one owner's name in these plans
    expect(splitOwners("Team Manager, Assessment")).toEqual(["Team Manager, Assessment"]);
    const { owners } = groupOwners([
      {
        workbook: "a",
        aliases: [],
        actions: [act("HoS & Management team", "overdue"), act("Management Team")],
      },
    ]);
    expect(owners.map((o) => [o.owner, o.actions, o.overdue])).toEqual([
      ["Management team", 2, 1], // as overdue as HoS, with more open actions
      ["HoS", 1, 1],
    ]);
  });

  it("has no owner for empty cells and TBC, TBA, -, ? or n/a in any case", () => {
    for (const cell of ["", "  ", "TBC", "tba", "-", "?", "N/A"]) expect(splitOwners(cell)).toEqual([]);
    for (const cell of ["TBC", "tba", "-", "?", "N/A", "TBC."]) expect(isNoOwner(cell)).toBe(true);
    expect(isNoOwner("Head of Service")).toBe(false);
    const g = groupOwners([
      {
        workbook: "a",
        aliases: [],
        actions: [act(""), act("tbc", "overdue"), act("n/a", "complete"), act("SM")],
      },
    ]);
    expect(g.noOwner).toEqual({ actions: 3, open: 2, overdue: 1 });
    expect(g.owners.map((o) => o.owner)).toEqual(["SM"]);
  });

  it("merges names with each workbook's own aliases only", () => {
    const aliases = readOwnerAliases(["HOS = Head of Service", { alias: "SM", name: "Service Manager" }, 7]);
    expect(aliases).toEqual({
      aliases: [
        { alias: "HOS", name: "Head of Service" },
        { alias: "SM", name: "Service Manager" },
      ],
      ignored: 1,
    });
    const g = groupOwners([
      {
        workbook: "a",
        aliases: aliases.aliases,
        actions: [act("H.O.S.", "overdue"), act("head of service")],
      },
      { workbook: "b", aliases: [], actions: [act("Head of Service"), act("HOS")] },
    ]);
    expect(g.owners.map((o) => [o.owner, o.actions, o.workbooks])).toEqual([
      ["Head of Service", 3, ["a", "b"]],
      ["HOS", 1, ["b"]],
    ]);
    expect(g.owners[0].spellings).toEqual(["H.O.S.", "head of service", "Head of Service"]);
  });

  it("follows an alias chain and stops at a cycle", () => {
    const g = groupOwners([
      {
        workbook: "a",
        aliases: [
          { alias: "HOS", name: "HoSvc" },
          { alias: "HoSvc", name: "Head of Service" },
          { alias: "X", name: "Y" },
          { alias: "Y", name: "X" },
        ],
        actions: [act("HOS"), act("X"), act("Y")],
      },
    ]);
    expect(g.owners.map((o) => [o.owner, o.actions])).toEqual([
      ["Head of Service", 1],
      ["X", 1],
      ["Y", 1],
    ]);
  });

  it("sorts most overdue first, then most open, then by name", () => {
    const g = groupOwners([
      {
        workbook: "a",
        aliases: [],
        actions: [act("b"), act("a"), act("c", "overdue"), act("d", "complete"), act("a")],
      },
    ]);
    expect(g.owners.map((o) => o.owner)).toEqual(["c", "a", "b", "d"]);
  });
});

function item(due: string, row: number): OverdueItem {
  return {
    sheet: "S",
    row,
    key: `S|${row}`,
    section: null,
    action: `A${row}`,
    owner: "",
    due,
    dueText: due,
    daysOverdue: 1,
    cell: `S!C${row}`,
  };
}

describe("the overdue actions across plans", () => {
  it("merges every plan's list oldest first, ties in the plans' order", () => {
    const merged = mergeOverdue([
      { workbook: "a", overdue: [item("2022-01-01", 1), item("2022-03-01", 2)] },
      { workbook: "b", overdue: [item("2021-12-01", 3), item("2022-03-01", 4)] },
    ]);
    expect(merged.map((o) => `${o.workbook}:${o.row}`)).toEqual(["b:3", "a:1", "a:2", "b:4"]);
  });
});

describe("the portfolio sentence", () => {
  const counts = (blue: number, green: number, other: number, overdue: number, complete: number) => ({
    actions: blue + green + other,
    rag: { blue, green, amber: other, red: 0, none: 0 },
    status: { complete, overdue, "due-soon": 0, "on-track": 0, ongoing: 0, "no-deadline": 0 },
    percentComplete: Math.round((100 * complete) / (blue + green + other)),
  });

  it("speaks for every plan read and says what was not read", () => {
    expect(
      portfolioSentence(counts(10, 102, 40, 12, 36), {
        read: 4,
        unread: 1,
        withOverdue: 3,
        oldestDue: "2022-04-01",
      }),
    ).toBe(
      "Across 4 plans, all but 40 of the 152 actions are green or blue and 24% are complete; 12 are overdue, in 3 of the plans, the oldest due on 1 April 2022. 1 workbook could not be read and is not counted.",
    );
    expect(
      portfolioSentence(counts(2, 2, 0, 0, 2), { read: 2, unread: 0, withOverdue: 0, oldestDue: null }),
    ).toBe("Across 2 plans, all 4 actions are green or blue and 50% are complete; none is overdue.");
    expect(
      portfolioSentence(counts(0, 1, 3, 4, 0), {
        read: 1,
        unread: 0,
        withOverdue: 1,
        oldestDue: "2022-05-31",
      }),
    ).toBe(
      "In the one plan, 1 of the 4 actions is green or blue and 0% are complete; all are overdue, the oldest due on 31 May 2022.",
    );
    expect(
      portfolioSentence(counts(0, 0, 0, 0, 0), { read: 0, unread: 2, withOverdue: 0, oldestDue: null }),
    ).toBe("No plan could be read. 2 workbooks could not be read and are not counted.");
  });
});
