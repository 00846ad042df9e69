/** checkPlan on the real fixture agrees with the hand-checked expected result on every stated field. */
import { checkPlan } from "../../src/core";
import { fixtureExpected, fixtureGrid } from "../helpers/fixture-grid";

interface ExpectedAction {
  sheet: string;
  row: number;
  section: string | null;
  deadline: { kind: string; due: string | null; start: string | null; milestones: string[] };
  rag: string | null;
  ragSource: string | null;
  status: string;
  suggestedRag: string | null;
}
interface ExpectedSummary {
  actions: number;
  rag: Record<string, number>;
  status: Record<string, number>;
  percentComplete: number;
}
interface Expected {
  asOf: string;
  dueSoonDays: number;
  planYear: { start: string; end: string };
  skippedSheets: string[];
  sheets: {
    name: string;
    actions: ExpectedAction[];
    findings: { rule: string; cell: string }[];
    summary: ExpectedSummary;
  }[];
  summary: ExpectedSummary;
}

const expected = fixtureExpected() as Expected;
const result = checkPlan(fixtureGrid(), { asOf: expected.asOf, dueSoonDays: expected.dueSoonDays });

const counts = (s: ExpectedSummary) => ({
  actions: s.actions,
  rag: s.rag,
  status: s.status,
  percentComplete: s.percentComplete,
});

describe("checkPlan on sdp-2022-23", () => {
  test("plan year, as-of date and skipped tabs", () => {
    expect(result.planYear).toEqual(expected.planYear);
    expect(result.asOf).toBe(expected.asOf);
    expect(result.skippedSheets).toEqual(expected.skippedSheets);
    expect(result.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
  });

  test("the review date is read from the title rows", () => {
    expect(result.reviewDate).not.toBeNull();
    expect(result.reviewDate?.slice(0, 7)).toBe("2022-07");
  });

  describe.each(expected.sheets.map((s) => [s.name, s] as const))("%s", (name, want) => {
    const got = result.sheets.find((s) => s.name === name);

    test("every action: row, section, deadline, rating, status, suggestion", () => {
      const actual = (got?.actions ?? []).map((a) => ({
        sheet: a.sheet,
        row: a.row,
        section: a.section,
        deadline: {
          kind: a.deadline.kind,
          due: a.deadline.due,
          start: a.deadline.start,
          milestones: a.deadline.milestones,
        },
        rag: a.rag,
        ragSource: a.ragSource,
        status: a.status,
        suggestedRag: a.suggestedRag,
      }));
      expect(actual).toEqual(want.actions);
    });

    test("exactly the expected findings (rule and cell)", () => {
      const actual = (got?.findings ?? []).map((f) => `${f.rule} ${f.cell}`).sort();
      expect(actual).toEqual(want.findings.map((f) => `${f.rule} ${f.cell}`).sort());
    });

    test("summary counts and percent complete", () => {
      const s = got?.summary;
      expect(
        s && { actions: s.actions, rag: s.rag, status: s.status, percentComplete: s.percentComplete },
      ).toEqual(counts(want.summary));
    });
  });

  test("workbook totals", () => {
    const s = result.summary;
    expect({ actions: s.actions, rag: s.rag, status: s.status, percentComplete: s.percentComplete }).toEqual(
      counts(expected.summary),
    );
  });

  test("findings are in reading order and each names its own row and sheet", () => {
    for (const sheet of result.sheets) {
      const rows = sheet.findings.map((f) => f.row);
      expect(rows).toEqual([...rows].sort((a, b) => a - b));
      for (const f of sheet.findings) {
        expect(f.sheet).toBe(sheet.name);
        expect(f.cell.endsWith(String(f.row))).toBe(true);
        expect(f.message.length).toBeGreaterThan(20);
      }
    }
  });

  test("keys are unique and carry the tab name", () => {
    const keys = result.sheets.flatMap((s) => s.actions.map((a) => a.key));
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of result.sheets) for (const a of s.actions) expect(a.key.startsWith(s.name)).toBe(true);
  });
});
