/**
 * Plans from other councils (SEMANTICS.md "Plans from other councils"), end to end through the built sdp-check: each plan
 * in tests/fixtures/councils (built by tests/fixtures/build/councils.py) against its hand-worked
 * expected results in tests/fixtures/councils/expected.json.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCli, ROOT, runCli, runJson } from "./helpers";

const DIR = join(ROOT, "tests", "fixtures", "councils");
interface ExpectedPlan {
  planYear: { start: string; end: string };
  skippedSheets: string[];
  unnamedSheets: string[];
  actions: Record<string, unknown>[];
  findings: string[];
  summary: Record<string, unknown>;
}
const expected = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as {
  asOf: string;
  plans: Record<string, ExpectedPlan>;
};

beforeAll(() => {
  buildCli("cli-councils");
}, 120_000);

describe.each(Object.entries(expected.plans))("sdp-check --json %s", (file, want) => {
  type Report = {
    planYear: unknown;
    skippedSheets: string[];
    unnamedSheets: string[];
    sheets: {
      actions: Record<string, unknown>[];
      findings: { rule: string; cell: string }[];
      summary: Record<string, unknown>;
    }[];
    summary: Record<string, unknown>;
  };
  let report: Report;
  beforeAll(() => {
    // run once per plan, after the CLI is built
    report = runJson([join(DIR, file), "--as-of", expected.asOf]).report as unknown as Report;
  });

  test("plan year and tabs", () => {
    expect(report.planYear).toEqual(want.planYear);
    expect(report.skippedSheets).toEqual(want.skippedSheets);
    expect(report.unnamedSheets).toEqual(want.unnamedSheets);
    expect(report.sheets).toHaveLength(1);
  });

  test("every action as worked by hand", () => {
    const got = report.sheets[0].actions.map((a) => {
      const d = a.deadline as Record<string, unknown>;
      return {
        row: a.row,
        owner: a.owner,
        deadline: { kind: d.kind, due: d.due, start: d.start },
        rag: a.rag,
        ragSource: a.ragSource,
        status: a.status,
        suggestedRag: a.suggestedRag,
      };
    });
    expect(got).toEqual(
      want.actions.map((a) => {
        const { why: _why, ...facts } = a;
        return facts;
      }),
    );
  });

  test("every finding, in reading order", () => {
    expect(report.sheets[0].findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(want.findings);
  });

  test("the summary counts", () => {
    expect(report.summary).toMatchObject(want.summary);
  });
});

test("the readable report names a tab with no plan table and says how to name its columns", () => {
  const run = runCli([join(DIR, "youth-justice-tracker.xlsx"), "--as-of", expected.asOf]);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("No plan table found on Contacts: name its columns");
});
