/** Every example in the table in src/core/SEMANTICS.md "Deadlines", one case each (plan year 2022-23, as of 15 July 2022). */
import { toExcelSerial } from "../../src/core/dates";
import { parseDeadline } from "../../src/core/deadline";
import type { DatePrecision, DeadlineKind } from "../../src/core/model";
import { CTX, readText } from "./helpers";

type Row = [text: string, kind: DeadlineKind, due: string | null, precision: DatePrecision | null];

const dates: Row[] = [
  ["01/06/2020", "date", "2020-06-01", "day"],
  ["15/05/2022", "date", "2022-05-15", "day"],
  ["01-May-22", "date", "2022-05-01", "day"],
  ["31 Aug 2022", "date", "2022-08-31", "day"],
  ["2022-09-30", "date", "2022-09-30", "day"],
  ["30.09.22", "date", "2022-09-30", "day"],
  ["w/c 12 Sept 2022", "date", "2022-09-12", "day"],
];
const months: Row[] = [
  ["May-22", "date", "2022-05-31", "month"],
  ["Dec-21", "date", "2021-12-31", "month"],
  ["Sept 22", "date", "2022-09-30", "month"],
  ["end Sept 2022", "date", "2022-09-30", "month"],
  ["by December 2022", "date", "2022-12-31", "month"],
  ["end June", "date", "2022-06-30", "month"],
];
const quarters: Row[] = [
  ["Q3 2022/23", "date", "2022-12-31", "quarter"],
  ["Q3", "date", "2022-12-31", "quarter"],
  ["by the end of Quarter 4", "date", "2023-03-31", "quarter"],
];
const seasons: Row[] = [
  ["Summer 2022", "date", "2022-08-31", "season"],
  ["Spring", "date", "2022-05-31", "season"],
];
const yearEnds: Row[] = [
  ["end of financial year", "date", "2023-03-31", "year-end"],
  ["year end", "date", "2023-03-31", "year-end"],
];
const noDeadlines: Row[] = [
  ["Weekly.", "recurring", null, null],
  ["Monthly", "recurring", null, null],
  ["Quarterly", "recurring", null, null],
  ["Ongoing", "recurring", null, null],
  ["Each meeting", "recurring", null, null],
  ["complete", "complete", null, null],
  ["Completed", "complete", null, null],
  ["Done", "complete", null, null],
  ["Achieved", "complete", null, null],
  ["TBC", "tbc", null, null],
  ["TBA", "tbc", null, null],
  ["-", "tbc", null, null],
  ["n/a", "tbc", null, null],
  ["", "missing", null, null],
  ["when funding allows", "unparsed", null, null],
];

describe.each([
  ["date", dates],
  ["date (month)", months],
  ["date (quarter)", quarters],
  ["date (season)", seasons],
  ["date (year end)", yearEnds],
  ["no deadline", noDeadlines],
])("%s", (_group, rows) => {
  test.each(rows)("%j -> %s %s (%s)", (text, kind, due, precision) => {
    const d = readText(text);
    expect(d.kind).toBe(kind);
    expect(d.due).toBe(due);
    expect(d.precision).toBe(precision);
    expect(d.start).toBeNull();
    expect(d.milestones).toEqual([]);
    expect(d.text).toBe(text);
  });
});

describe("range", () => {
  test.each([
    ["April - July 2022", "2022-04-01", "2022-07-31"],
    ["April-June", "2022-04-01", "2022-06-30"],
    ["Jan-Mar 2023", "2023-01-01", "2023-03-31"],
  ])("%j -> %s to %s", (text, start, due) => {
    const d = readText(text);
    expect(d).toMatchObject({ kind: "range", start, due, milestones: [], precision: null });
  });
});

test("milestones: First by July 2022. Second by December 2022", () => {
  const d = readText("First by July 2022. Second by December 2022");
  expect(d).toMatchObject({
    kind: "milestones",
    due: "2022-12-31",
    start: null,
    milestones: ["2022-07-31", "2022-12-31"],
    nextMilestone: "2022-07-31",
  });
});

test("an Excel date cell is that day", () => {
  const d = parseDeadline(
    { value: toExcelSerial("2022-05-15"), text: "15/05/2022", numberFormat: "dd/mm/yyyy" },
    CTX,
  );
  expect(d).toMatchObject({ kind: "date", due: "2022-05-15", precision: "day", text: "15/05/2022" });
});

test("an Excel date cell whose format shows no day is the last day of its month (typing Dec-21 stores 1 Dec 2021)", () => {
  const d = parseDeadline(
    { value: toExcelSerial("2021-12-01"), text: "Dec-21", numberFormat: "mmm-yy" },
    CTX,
  );
  expect(d).toMatchObject({ kind: "date", due: "2021-12-31", precision: "month" });
});

test("unparsed text is quoted back as the deadline's text", () => {
  expect(readText("when funding allows")).toMatchObject({
    kind: "unparsed",
    text: "when funding allows",
    reading: "not understood",
  });
});
