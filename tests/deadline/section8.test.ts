/**
 * SEMANTICS.md "Plans from other councils" "Deadlines": the new rows of the deadline table, one case each. Plan year
 * 2023-24 (the examples name 2023 and 2024), as of 1 November 2023.
 */
import { toExcelSerial } from "../../src/core/dates";
import { parseDeadline } from "../../src/core/deadline";
import type { DeadlineContext } from "../../src/core/deadline";
import type { DatePrecision, DeadlineKind } from "../../src/core/model";

const CTX: DeadlineContext = { planYear: { start: "2023-04-01", end: "2024-03-31" }, asOf: "2023-11-01" };
const read = (text: string, ctx: DeadlineContext = CTX) => parseDeadline({ value: text }, ctx);

type Row = [text: string, kind: DeadlineKind, due: string | null, start: string | null];

describe("a status word anywhere decides the kind", () => {
  const rows: Row[] = [
    ["March 2024 and quarterly thereafter", "recurring", null, null],
    ["March 2024 then monthly", "recurring", null, null],
    ["Sept 2023, reviewed six monthly", "recurring", null, null],
    ["Termly from Sept 2023", "recurring", null, null],
    ["Biannually", "recurring", null, null],
    ["Dec 2023 (TBC)", "tbc", null, null],
    ["June 2024 - date TBA", "tbc", null, null],
    ["Completed March 2024", "complete", null, null],
    ["March 2024 - completed", "complete", null, null],
    ["Done (Jan 24)", "complete", null, null],
    ["Achieved", "complete", null, null],
  ];
  test.each(rows)("%p is %p", (text, kind, due, start) => {
    const d = read(text);
    expect({ kind: d.kind, due: d.due, start: d.start }).toEqual({ kind, due, start });
  });
});

describe("a complete word in a future phrase is not a status: the dates are read", () => {
  const rows: Row[] = [
    ["Complete by March 2024", "date", "2024-03-31", null],
    ["to be completed by June 2024", "date", "2024-06-30", null],
    ["Will be done by 31/01/2024", "date", "2024-01-31", null],
    ["Not complete - new date Feb 2024", "date", "2024-02-29", null],
  ];
  test.each(rows)("%p is %p, due %p", (text, kind, due, start) => {
    const d = read(text);
    expect({ kind: d.kind, due: d.due, start: d.start }).toEqual({ kind, due, start });
  });
});

describe("start-only texts are recurring, with start the first day of that month", () => {
  const rows: Row[] = [
    ["From April 2025", "recurring", null, "2025-04-01"],
    ["April 2024 onwards", "recurring", null, "2024-04-01"],
    ["Starting May 2024", "recurring", null, "2024-05-01"],
    ["from 1 June 2024", "recurring", null, "2024-06-01"],
  ];
  test.each(rows)("%p is recurring from %p", (text, kind, due, start) => {
    const d = read(text);
    expect({ kind: d.kind, due: d.due, start: d.start }).toEqual({ kind, due, start });
    expect(d.reading).toMatch(/^no deadline: recurring from /);
  });

  test("never overdue: a start long past is still recurring", () => {
    expect(read("From April 2020").kind).toBe("recurring");
  });

  test("a range that starts with from is still a range", () => {
    const d = read("from April until July 2024");
    expect({ kind: d.kind, start: d.start, due: d.due }).toEqual({
      kind: "range",
      start: "2024-04-01",
      due: "2024-07-31",
    });
  });
});

describe("school terms (England) and the academic year", () => {
  const rows: [string, string, DatePrecision][] = [
    ["Autumn term", "2023-12-31", "term"],
    ["Spring term", "2024-03-31", "term"],
    ["Summer term", "2024-07-31", "term"],
    ["end of Spring term 2024", "2024-03-31", "term"],
    ["Autumn term 2023/24", "2023-12-31", "term"],
    ["Summer term 2023/24", "2024-07-31", "term"],
    ["by end of summer-term", "2024-07-31", "term"],
    ["academic year", "2024-07-31", "academic-year"],
    ["end of academic year", "2024-07-31", "academic-year"],
    ["end of academic year 2023/24", "2024-07-31", "academic-year"],
    ["academic year 2024/25", "2025-07-31", "academic-year"],
  ];
  test.each(rows)("%p is due %p", (text, due, precision) => {
    const d = read(text);
    expect({ kind: d.kind, due: d.due, precision: d.precision }).toEqual({ kind: "date", due, precision });
  });

  test("the reading names the term", () => {
    expect(read("Spring term").reading).toBe("31 March 2024, end of spring term");
    expect(read("end of academic year").reading).toBe("31 July 2024, end of academic year");
  });

  test("a season without the word term keeps section 2's meaning", () => {
    expect(read("Spring").due).toBe("2023-05-31");
    expect(read("Summer 2024").due).toBe("2024-08-31");
  });

  test("a split year whose halves are not consecutive is not understood", () => {
    expect(read("Spring term 2023/25").kind).toBe("unparsed");
  });
});

describe("the 1904 date system", () => {
  test("a date cell's serial counts from 1 January 1904", () => {
    const serial1900 = toExcelSerial("2024-03-31");
    const cell = { value: serial1900 - 1462, numberFormat: "dd/mm/yyyy" };
    expect(parseDeadline(cell, { ...CTX, date1904: true }).due).toBe("2024-03-31");
    // the same stored number in a 1900-system workbook is four years and a day earlier
    expect(parseDeadline(cell, CTX).due).toBe("2020-03-30");
  });

  test("a month-format date cell in 1904 is the last day of its month", () => {
    const cell = { value: toExcelSerial("2023-12-01") - 1462, numberFormat: "mmm-yy" };
    expect(parseDeadline(cell, { ...CTX, date1904: true }).due).toBe("2023-12-31");
  });
});
