/** Every due cell of the fixture plan, read as the hand-checked expected result says. */
import { readFileSync } from "fs";
import { join } from "path";
import { toExcelSerial } from "../../src/core/dates";
import { findPlanYear, findReviewDate, parseDeadline } from "../../src/core/deadline";
import type { DeadlineContext, DueCell } from "../../src/core/deadline";
import type { PlanYear } from "../../src/core/model";

interface FixtureRow {
  by?: string | { date: string; numFmt: string };
  expect?: { kind: string; due: string | null; start: string | null; milestones: string[] };
}
interface FixtureData {
  asOf: string;
  planYear: PlanYear;
  tabs: { name: string; titles?: string[]; rows?: FixtureRow[] }[];
}

const data = JSON.parse(
  readFileSync(join(__dirname, "../fixtures/build/sdp-2022-23.data.json"), "utf8"),
) as FixtureData;
const ctx: DeadlineContext = { planYear: data.planYear, asOf: data.asOf };

function dueCell(by: FixtureRow["by"]): DueCell {
  if (by === undefined || typeof by === "string") return { value: by ?? null };
  return { value: toExcelSerial(by.date), numberFormat: by.numFmt };
}

const cases = data.tabs.flatMap((tab) =>
  (tab.rows ?? [])
    .filter((row): row is Required<FixtureRow> => row.expect !== undefined)
    .map((row, i) => [`${tab.name} #${i + 1}: ${JSON.stringify(row.by)}`, row] as const),
);

test("the fixture has its 38 actions", () => {
  expect(cases).toHaveLength(38);
});

test.each(cases)("%s", (_name, row) => {
  const d = parseDeadline(dueCell(row.by), ctx);
  const { kind, due, start, milestones } = row.expect;
  expect({ kind: d.kind, due: d.due, start: d.start, milestones: d.milestones }).toEqual({
    kind,
    due,
    start,
    milestones,
  });
});

test("the plan year is read from the first tab's title, and the review date beside it", () => {
  const titles = data.tabs[0].titles ?? [];
  expect(titles.map(findPlanYear).find((y) => y !== null)).toEqual(data.planYear);
  expect(titles.map((t) => findReviewDate(t, ctx)).filter((d) => d !== null)).toEqual(["2022-07-31"]);
});

test("the Annual Survey note's '22-23' is not a plan year", () => {
  const survey = data.tabs.find((t) => t.name === "Annual Survey Findings");
  expect((survey?.titles ?? []).map(findPlanYear)).toEqual((survey?.titles ?? []).map(() => null));
});
