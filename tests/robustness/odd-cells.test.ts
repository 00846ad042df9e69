/**
 * Odd cell content in every role column, read three ways (the engine's grid; an .xlsx file
 * through readXlsx; the in-memory Excel through OfficeWorkbookHost and the commands): every
 * path gives the same plan, and each odd cell gets a sensible reading, not just no crash.
 */
import { checkPlanCommand, summariseCommand, OWN_SHEETS } from "../../src/app/commands";
import { checkPlan, type Action, type PlanResult } from "../../src/core";
import { cellValues, snapshotState } from "../../src/memory-excel";
import { readXlsx } from "../../src/xlsx";
import { memoryHost } from "../excel/memory-host";
import { ACTIONS, AS_OF, BREAKS, EXPECTED_DUES, LONG, oddGrid, oddLayout, oddXlsx, SHEET } from "./odd-plan";

/** What must agree between the paths (Deadline.text of a date cell is what each host displays, so it is left out). */
function essence(result: PlanResult) {
  return {
    planYear: result.planYear,
    reviewDate: result.reviewDate,
    skipped: result.skippedSheets,
    sheets: result.sheets.map((s) => ({
      name: s.name,
      tables: s.tables.map((t) => ({ headerRow: t.headerRow, lastRow: t.lastRow, columns: t.columns })),
      actions: s.actions.map((a) => [
        a.row,
        a.key,
        a.section,
        a.reason,
        a.owner,
        a.action,
        a.evidence,
        a.comments,
        a.deadline.kind,
        a.deadline.due,
        a.deadline.start,
        a.deadline.milestones,
        a.rag,
        a.ragSource,
        a.ratingText,
        a.complete,
        a.status,
        a.suggestedRag,
        a.daysOverdue,
      ]),
      findings: s.findings.map((f) => [f.rule, f.cell, f.severity]),
    })),
    // An overdue item's due text is what each host displays for a date cell ("Jun-22" in Excel).
    summary: {
      ...result.summary,
      overdue: result.summary.overdue.map(({ dueText: _shown, ...rest }) => rest),
    },
  };
}

let engine: PlanResult;
let fromXlsx: PlanResult;

beforeAll(async () => {
  engine = checkPlan(oddGrid(), { asOf: AS_OF, ownSheets: [...OWN_SHEETS] });
  const read = await readXlsx(await oddXlsx());
  fromXlsx = checkPlan(read.grid, { asOf: AS_OF, ownSheets: [...OWN_SHEETS] });
}, 60_000);

function action(result: PlanResult, name: string): Action {
  const found = result.sheets.flatMap((s) => s.actions).find((a) => a.action === name);
  if (!found)
    throw new Error(
      `no action "${name}"; have ${result.sheets
        .flatMap((s) => s.actions)
        .map((a) => a.action.slice(0, 30))
        .join(" | ")}`,
    );
  return found;
}

function rulesOf(result: PlanResult, a: Action): string[] {
  return result.sheets
    .flatMap((s) => s.findings)
    .filter((f) => f.sheet === a.sheet && f.row === a.row)
    .map((f) => f.rule)
    .sort();
}

describe("the engine reads odd cells sensibly", () => {
  test("the tab, its two tables and every action are found; the hidden tab and the notes tab are skipped", () => {
    const layout = oddLayout();
    expect(engine.planYear).toEqual({ start: "2022-04-01", end: "2023-03-31" });
    expect(engine.reviewDate).toBe("2022-07-15");
    expect(engine.skippedSheets).toEqual(["Old plan", "Nodiadau"]);
    const sheet = engine.sheets[0];
    expect(sheet.name).toBe(SHEET);
    expect(sheet.tables.map((t) => t.headerRow)).toEqual([layout.header, layout.secondHeader]);
    // Odd-case, odd-spaced header words still name their roles.
    expect(sheet.tables[0].columns).toMatchObject({
      reason: 1,
      owner: 2,
      action: 3,
      due: 4,
      evidence: 5,
      experience: 6,
      rag: 7,
      comments: 8,
    });
    // The second table's first header cell is covered by the merge: no reason column, the rest found.
    expect(sheet.tables[1].columns).toMatchObject({
      owner: 2,
      action: 3,
      due: 4,
      evidence: 5,
      rag: 7,
      comments: 8,
    });
    expect(sheet.tables[1].columns.reason).toBeUndefined();
    expect(sheet.actions).toHaveLength(ACTIONS.length + 1 + 2);
    expect(sheet.summary.actions).toBe(sheet.actions.length);
  });

  test("section heading with emoji and Welsh holds the first table's actions, across the second header", () => {
    const sheet = engine.sheets[0];
    expect(new Set(sheet.actions.map((a) => a.section))).toEqual(new Set(["CIN/CP – Plant mewn angen 🧒"]));
  });

  test("numbers, booleans and emoji in the owner cell are owners, shown as Excel shows them", () => {
    expect(action(engine, "A number as owner").owner).toBe("42");
    expect(action(engine, "A boolean as owner").owner).toBe("TRUE");
    const emoji = action(engine, "Emoji owner 🚸");
    expect(emoji.owner).toBe("👩‍👧‍👦 Family Hub 🌈");
    for (const name of ["A number as owner", "A boolean as owner", "Emoji owner 🚸"])
      expect(rulesOf(engine, action(engine, name))).not.toContain("missing-owner");
  });

  test("Welsh, Polish, Arabic and Chinese text is kept exactly; English deadlines beside it are read", () => {
    const welsh = action(engine, "Datblygu'r gwasanaeth i blant a theuluoedd – ŵ ŷ");
    expect([welsh.owner, welsh.deadline.due, welsh.ratingText, welsh.rag]).toEqual([
      "Arweinydd Cymorth Cynnar",
      "2022-09-30",
      "Gwyrdd",
      null,
    ]);
    // "Gwyrdd" (Welsh for green) is not in the default legend: flagged, quoting it, never silently dropped.
    const invalid = engine.sheets[0].findings.find((f) => f.rule === "rag-invalid" && f.row === welsh.row);
    expect(invalid?.message).toContain('"Gwyrdd"');
    expect(invalid?.cell).toBe(`'Cymorth Cynnar''s Plan'!G${welsh.row}`);
    const polish = action(engine, "Zespół ds. rodzin – łączność");
    expect([polish.owner, polish.deadline.due, polish.rag, polish.comments]).toEqual([
      "Zażółć gęślą jaźń",
      "2022-12-31",
      "amber",
      "W toku",
    ]);
    const arabic = action(engine, "تحسين الخدمات للأطفال");
    expect([arabic.owner, arabic.deadline.due, arabic.evidence]).toEqual([
      "مدير الخدمة",
      "2022-08-31",
      "تقرير",
    ]);
    expect(rulesOf(engine, arabic)).toEqual(["rag-missing"]);
    const chinese = action(engine, "改善儿童服务");
    expect([
      chinese.owner,
      chinese.deadline.kind,
      chinese.deadline.start,
      chinese.deadline.due,
      chinese.status,
      chinese.rag,
    ]).toEqual(["负责人", "range", "2022-04-01", "2022-07-31", "due-soon", "red"]);
  });

  test("a #REF! due cell is deadline-unparsed quoting it; a #N/A rating is rag-invalid quoting it", () => {
    const ref = action(engine, "Due cell lost its reference");
    expect([ref.deadline.kind, ref.deadline.text, ref.status, ref.suggestedRag]).toEqual([
      "unparsed",
      "#REF!",
      "no-deadline",
      null,
    ]);
    const unparsed = engine.sheets[0].findings.find(
      (f) => f.rule === "deadline-unparsed" && f.row === ref.row,
    );
    expect(unparsed?.message).toContain('"#REF!"');
    expect(unparsed?.cell).toBe(`'Cymorth Cynnar''s Plan'!D${ref.row}`);
    const na = action(engine, "Rating looked up and not found");
    expect([na.rag, na.ratingText]).toEqual([null, "#N/A"]);
    expect(rulesOf(engine, na)).toEqual(["rag-invalid"]);
    expect(
      engine.sheets[0].findings.find((f) => f.rule === "rag-invalid" && f.row === na.row)?.message,
    ).toContain('"#N/A"');
  });

  test("#VALUE! in every other column: kept as written, the due and rating flagged", () => {
    const a = action(engine, "Errors in every other column");
    expect([a.owner, a.evidence, a.deadline.kind, a.rag, a.ratingText]).toEqual([
      "#VALUE!",
      "#VALUE!",
      "unparsed",
      null,
      "#VALUE!",
    ]);
    expect(rulesOf(engine, a)).toEqual(["deadline-unparsed", "rag-invalid"]);
  });

  test("a boolean or a number in the rating cell is an invalid rating, quoted as Excel shows it", () => {
    expect(action(engine, "Rating is TRUE").ratingText).toBe("TRUE");
    expect(rulesOf(engine, action(engine, "Rating is TRUE"))).toEqual(["rag-invalid"]);
    expect(action(engine, "Rating is a number").ratingText).toBe("3");
    expect(rulesOf(engine, action(engine, "Rating is a number"))).toEqual(["rag-invalid"]);
  });

  test("dates as serials and dates as text in every form of §2 are read to the right day", () => {
    for (const [name, [kind, due]] of Object.entries(EXPECTED_DUES)) {
      const a = action(engine, name);
      expect({ name, kind: a.deadline.kind, due: a.deadline.due }).toEqual({ name, kind, due });
    }
    expect(action(engine, "Two milestones").deadline.milestones).toEqual(["2022-07-31", "2022-12-31"]);
    expect(action(engine, "Two milestones").deadline.nextMilestone).toBe("2022-07-31");
    expect(action(engine, "Due Jan-Mar 2023").deadline.start).toBe("2023-01-01");
  });

  test("statuses and suggested ratings follow the dates on the as-of day", () => {
    const expectations: [string, string, string | null][] = [
      ["Due 01/06/2020", "overdue", "red"],
      ["Due as an Excel month", "overdue", "red"],
      ["Due and rating are formulas", "due-soon", "amber"],
      ["Due as an Excel date", "on-track", "green"],
      ["Completed in May", "complete", "blue"],
      ["Strengthening Families plan", "complete", "blue"],
      ["When funding allows", "no-deadline", null],
    ];
    for (const [name, status, suggested] of expectations) {
      const a = action(engine, name);
      expect({ name, status: a.status, suggested: a.suggestedRag }).toEqual({ name, status, suggested });
    }
    expect(action(engine, "Due 01/06/2020").daysOverdue).toBe(774);
    expect(rulesOf(engine, action(engine, "Due 01/06/2020"))).toEqual(["deadline-before-plan-year"]);
    // Green but overdue: contradicts the date.
    expect(rulesOf(engine, action(engine, "Due as an Excel month"))).toContain("rag-contradicts-date");
  });

  test("a formula's cached result is read; rich text reads as its plain text", () => {
    const f = action(engine, "Due and rating are formulas");
    expect([f.owner, f.rag]).toEqual(["EH Lead", "green"]);
    expect(action(engine, "Strengthening Families plan").rag).toBe("blue");
  });

  test("a date cell with no display text from its reader shows the date, not the serial number", () => {
    expect(action(engine, "Due as an Excel month").deadline.text).toBe("June 2022");
    expect(action(engine, "Due as an Excel date").deadline.text).toBe("30 September 2022");
    expect(action(fromXlsx, "Due as an Excel month").deadline.text).toBe("June 2022");
  });

  test("40,000 characters and line breaks are kept whole; a colour-only rating counts", () => {
    const a = action(engine, BREAKS);
    expect(a.evidence).toBe(LONG);
    expect(a.comments).toBe(LONG);
    expect(a.evidence.length).toBe(40_000);
    expect([a.deadline.kind, a.status, a.suggestedRag]).toEqual(["recurring", "ongoing", "green"]);
    const colour = action(engine, "Rated by colour only");
    expect([colour.rag, colour.ragSource, colour.deadline.kind]).toEqual(["red", "colour", "tbc"]);
    expect(rulesOf(engine, colour)).toEqual(["deadline-tbc", "rag-colour-only"]);
  });

  test("the merged reason belongs to the first table's last action only; the second table's actions are read", () => {
    const last = action(engine, "Last action of the first table");
    expect(last.reason).toBe("Reason merged across the tables");
    const second = action(engine, "An action of the second table");
    expect([second.owner, second.deadline.due, second.rag, second.reason]).toEqual([
      "Second table lead",
      "2022-12-31",
      "green",
      "",
    ]);
    const noOwner = action(engine, "Second table action with no owner");
    expect([noOwner.status, noOwner.rag]).toEqual(["ongoing", "green"]);
    expect(rulesOf(engine, noOwner)).toEqual(["missing-owner"]);
  });

  test("the committee sentences are plain one-line text", () => {
    for (const s of [engine.summary, ...engine.sheets.map((x) => x.summary)]) {
      expect(s.sentence).not.toMatch(/\n|undefined|NaN|null/);
      expect(s.sentence.length).toBeGreaterThan(10);
    }
  });
});

describe("the same content through the real paths", () => {
  test("an .xlsx file (error cells, rich text, formulas, merges) gives exactly the engine's reading", () => {
    expect(essence(fromXlsx)).toEqual(essence(engine));
  });

  test("the memory Excel through OfficeWorkbookHost: Check plan and Summarise give the engine's reading and change no cell text", async () => {
    const { workbook, host } = memoryHost(oddGrid());
    const before = cellValues(workbook, OWN_SHEETS);
    const checked = await checkPlanCommand(host, { today: AS_OF });
    expect(checked.formatting).toBe("applied");
    expect(essence(checked.result)).toEqual(essence(engine));
    const summarised = await summariseCommand(host, { today: AS_OF });
    expect(essence(summarised.result)).toEqual(essence(engine));
    expect(summarised.committeeText).not.toMatch(/\n|undefined|NaN/);
    expect(cellValues(workbook, OWN_SHEETS)).toEqual(before);
    // The summary tab quotes the odd texts as they are (no mangling of emoji or right-to-left text).
    const summaryText = JSON.stringify(summarised.sheet.rows);
    expect(summaryText).toContain(SHEET);
    // And a second check on the formatted workbook reads the same plan.
    const again = await checkPlanCommand(host, { today: AS_OF });
    expect(essence(again.result)).toEqual(essence(engine));
    expect(snapshotState(workbook)).toContain("Cymorth Cynnar");
  });
});
