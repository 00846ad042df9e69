/**
 * THE acceptance test of the engine: the built sdp-check on the fixture workbook, as of
 * 2022-07-15, must agree with the hand-checked expected result on every field it states.
 * Each comparison names its tab, row and field, so a failure says which action is wrong.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { EXPECTED, FIXTURE, ROOT, buildCli, runJson, type JsonReport, type JsonSummary } from "./helpers";

const expected = JSON.parse(readFileSync(EXPECTED, "utf8")) as JsonReport;

let actual: JsonReport;
let stdout: string;

beforeAll(() => {
  buildCli();
  const { run, report } = runJson([FIXTURE, "--as-of", expected.asOf]);
  actual = report;
  stdout = run.stdout;
}, 180_000);

function summaryFields(s: JsonSummary) {
  return { actions: s.actions, rag: s.rag, status: s.status, percentComplete: s.percentComplete };
}

describe("sdp-check --json on the fixture workbook, as of 2022-07-15", () => {
  it("prints exactly one JSON document", () => {
    expect(() => void JSON.parse(stdout)).not.toThrow();
    expect(stdout.trim().startsWith("{")).toBe(true);
  });

  it("reads the as-of date, plan year and skipped tabs", () => {
    expect(actual.asOf).toBe(expected.asOf);
    expect(actual.dueSoonDays).toBe(expected.dueSoonDays);
    expect(actual.planYear).toEqual(expected.planYear);
    expect(actual.skippedSheets).toEqual(expected.skippedSheets);
  });

  it("checks the plan tabs in workbook order", () => {
    expect(actual.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
  });

  it("finds exactly the expected actions on every tab", () => {
    for (const sheet of expected.sheets) {
      const got = actual.sheets.find((s) => s.name === sheet.name);
      expect({ sheet: sheet.name, rows: got?.actions.map((a) => a.row) }).toEqual({
        sheet: sheet.name,
        rows: sheet.actions.map((a) => a.row),
      });
    }
  });

  it("agrees on every stated field of every action", () => {
    const mismatches: string[] = [];
    for (const sheet of expected.sheets) {
      const got = actual.sheets.find((s) => s.name === sheet.name);
      for (const want of sheet.actions) {
        const have = got?.actions.find((a) => a.row === want.row);
        const where = `'${sheet.name}' row ${want.row}`;
        if (!have) {
          mismatches.push(`${where}: no action`);
          continue;
        }
        const fields: [string, unknown, unknown][] = [
          ["section", have.section, want.section],
          ["deadline.kind", have.deadline.kind, want.deadline.kind],
          ["deadline.due", have.deadline.due, want.deadline.due],
          ["deadline.start", have.deadline.start, want.deadline.start],
          ["deadline.milestones", have.deadline.milestones, want.deadline.milestones],
          ["rag", have.rag, want.rag],
          ["ragSource", have.ragSource, want.ragSource],
          ["status", have.status, want.status],
          ["suggestedRag", have.suggestedRag, want.suggestedRag],
        ];
        for (const [field, h, w] of fields) {
          if (JSON.stringify(h) !== JSON.stringify(w)) {
            mismatches.push(
              `${where} ${field}: got ${JSON.stringify(h)}, expected ${JSON.stringify(w)} (deadline text ${JSON.stringify(have.deadline.text)})`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("raises exactly the expected findings (rule and cell) on every tab", () => {
    for (const sheet of expected.sheets) {
      const got = actual.sheets.find((s) => s.name === sheet.name);
      const key = (f: { rule: string; cell: string }) => `${f.rule} ${f.cell}`;
      expect({ sheet: sheet.name, findings: (got?.findings ?? []).map(key).sort() }).toEqual({
        sheet: sheet.name,
        findings: sheet.findings.map(key).sort(),
      });
    }
  });

  it("summarises every tab and the workbook as expected", () => {
    for (const sheet of expected.sheets) {
      const got = actual.sheets.find((s) => s.name === sheet.name);
      expect({ sheet: sheet.name, summary: got && summaryFields(got.summary) }).toEqual({
        sheet: sheet.name,
        summary: summaryFields(sheet.summary),
      });
    }
    expect(summaryFields(actual.summary)).toEqual(summaryFields(expected.summary));
  });

  it("gives every action the fields §7 names, with dates as YYYY-MM-DD", () => {
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    for (const sheet of actual.sheets) {
      expect(typeof sheet.summary.sentence).toBe("string");
      for (const a of sheet.actions) {
        expect(Object.keys(a)).toEqual(
          expect.arrayContaining([
            "row",
            "key",
            "section",
            "owner",
            "action",
            "deadline",
            "rag",
            "ragSource",
            "status",
            "suggestedRag",
          ]),
        );
        expect(Object.keys(a.deadline)).toEqual(
          expect.arrayContaining(["text", "kind", "due", "start", "milestones"]),
        );
        for (const d of [a.deadline.due, a.deadline.start, ...a.deadline.milestones])
          if (d !== null) expect(d).toMatch(iso);
      }
      for (const f of sheet.findings)
        expect(Object.keys(f)).toEqual(
          expect.arrayContaining(["rule", "severity", "cell", "row", "message"]),
        );
    }
    expect(typeof actual.summary.sentence).toBe("string");
  });
});

describe("npx sdp-check from the repository root (the package's own bin)", () => {
  it("runs the build made by the prepare script and prints the same report", () => {
    const run = spawnSync(
      "npx",
      ["--no-install", "sdp-check", "tests/fixtures/sdp-2022-23.xlsx", "--as-of", expected.asOf, "--json"],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect({ status: run.status, stderr: run.stderr.replace(/^npm warn.*\n/gm, "") }).toEqual({
      status: 0,
      stderr: "",
    });
    const viaNpx = JSON.parse(run.stdout) as JsonReport & { file: string };
    expect({ ...viaNpx, file: "" }).toEqual({ ...(JSON.parse(stdout) as JsonReport), file: "" });
  }, 60_000);
});
