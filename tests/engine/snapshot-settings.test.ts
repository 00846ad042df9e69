/** Snapshots, movement since the last review, stored settings, and cell addresses. */
import { checkPlan, compareSnapshot, DEFAULT_SETTINGS, parseSettings, settingsSchema, snapshotSchema, takeSnapshot, cellAddress } from "../../src/core";
import { goodAction, sheet, STANDARD_HEADER, workbook } from "./grid-builder";

const AS_OF = "2022-07-15";

describe("snapshots", () => {
  const before = checkPlan(
    workbook(
      sheet("P", [
        STANDARD_HEADER,
        goodAction("Stays green", { by: "Dec 2022" }),
        goodAction("Goes amber", { by: "Dec 2022" }),
        goodAction("Becomes overdue", { by: "10/07/2022", rag: "Amber" }),
        goodAction("Gets done", { by: "Dec 2022" }),
        goodAction("Removed later", { by: "Dec 2022" }),
      ]),
    ),
    { asOf: "2022-07-04" },
  );
  const snap = takeSnapshot(before, "2022-07-04");
  const after = checkPlan(
    workbook(
      sheet("P", [
        STANDARD_HEADER,
        goodAction("New action", { by: "Dec 2022" }),
        goodAction("Stays green", { by: "Dec 2022" }),
        goodAction("Goes amber", { by: "Dec 2022", rag: "Amber" }),
        goodAction("Becomes overdue", { by: "10/07/2022", rag: "Amber" }),
        goodAction("Gets done", { by: "Dec 2022", rag: "Blue" }),
      ]),
    ),
    { asOf: AS_OF },
  );

  test("a snapshot is valid against its schema and keyed by action", () => {
    expect(snapshotSchema.safeParse(snap).success).toBe(true);
    expect(Object.keys(snap.actions)).toHaveLength(5);
    expect(snap.actions["P::goes amber"]).toEqual({ sheet: "P", row: 3, action: "Goes amber", rag: "green", status: "on-track" });
    expect(snapshotSchema.safeParse({ ...snap, version: 2 }).success).toBe(false);
    expect(snapshotSchema.safeParse({ ...snap, takenOn: "4 July" }).success).toBe(false);
  });

  test("movement by key, ignoring moved rows", () => {
    const m = compareSnapshot(snap, after);
    expect(m.since).toBe("2022-07-04");
    expect(m.ratingChanges.map((c) => [c.action, c.from, c.to, c.row])).toEqual([
      ["Goes amber", "green", "amber", 4],
      ["Gets done", "green", "blue", 6],
    ]);
    expect(m.newlyOverdue.map((x) => x.action)).toEqual(["Becomes overdue"]);
    expect(m.completed.map((x) => x.action)).toEqual(["Gets done"]);
    expect(m.added.map((x) => x.action)).toEqual(["New action"]);
    expect(m.removed.map((x) => [x.action, x.row])).toEqual([["Removed later", 6]]);
  });

  test("comparing a result with its own snapshot shows no movement", () => {
    const m = compareSnapshot(takeSnapshot(after, AS_OF), after);
    expect([m.ratingChanges, m.newlyOverdue, m.completed, m.added, m.removed]).toEqual([[], [], [], [], []]);
  });
});

describe("settings", () => {
  test("defaults fill in missing fields", () => {
    const parsed = settingsSchema.safeParse({ version: 1 });
    expect(parsed.success && parsed.data).toEqual(DEFAULT_SETTINGS);
  });

  test("good stored settings are used as they are", () => {
    const stored = { ...DEFAULT_SETTINGS, asOf: "2022-07-15", dueSoonDays: 14, columnOverrides: [{ header: "Named lead", role: "owner" }] };
    expect(parseSettings(JSON.stringify(stored))).toEqual({ settings: stored, problem: null });
    expect(parseSettings(stored)).toEqual({ settings: stored, problem: null });
  });

  test.each([
    ["not json {", /not valid JSON/],
    [{ version: 2 }, /could not be used/],
    [{ version: 1, dueSoonDays: 400 }, /dueSoonDays/],
    [{ version: 1, asOf: "15/07/2022" }, /asOf/],
    [{ version: 1, columnOverrides: [{ header: "X", role: "boss" }] }, /columnOverrides/],
  ])("bad stored settings %p fall back to the defaults with a readable problem", (raw, problem) => {
    const r = parseSettings(raw);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.problem).toMatch(problem);
  });

  test("nothing stored is not a problem", () => {
    expect(parseSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problem: null });
  });
});

test.each([
  ["Early Help", "'Early Help'!G16"],
  ["Children's Social Care", "'Children''s Social Care'!G16"],
  ["Plan", "Plan!G16"],
  ["Plan_2022", "Plan_2022!G16"],
  ["A1", "'A1'!G16"],
  ["2022", "'2022'!G16"],
  ["R2", "'R2'!G16"],
  ["Care & Leavers", "'Care & Leavers'!G16"],
])("sheet %p is quoted as Excel does", (name, address) => {
  expect(cellAddress(name, 16, 7)).toBe(address);
});
