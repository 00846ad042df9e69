/** Numeric due cells: Excel date serials shown through their number format, and bare numbers. */
import { toExcelSerial } from "../../src/core/dates";
import { parseDeadline } from "../../src/core/deadline";
import { CTX } from "./helpers";

const MAY_1_2022 = toExcelSerial("2022-05-01");

describe("a format that shows no day means the last day of the month", () => {
  test.each([
    "mmm-yy",
    "mmmm yyyy",
    "mmm yyyy",
    "[$-809]mmm-yy",
    "mmm\\-yy",
    "MMM-YY",
    "17",
    "[$-en-GB]mmmm yyyy;@",
    "mm/yyyy",
  ])("%j", (numberFormat) => {
    const d = parseDeadline({ value: MAY_1_2022, numberFormat }, CTX);
    expect(d).toMatchObject({
      kind: "date",
      due: "2022-05-31",
      precision: "month",
      reading: "31 May 2022, end of month",
    });
  });
});

describe("a format that shows the day means that day", () => {
  test.each([
    "dd-mmm-yy",
    "dd/mm/yyyy",
    "d/m/yyyy h:mm",
    "d-mmm",
    "dddd d mmmm yyyy",
    "[$-F800]dddd, mmmm dd, yyyy",
    "14",
    "15",
    "22",
    'dd" "mmm yyyy',
  ])("%j", (numberFormat) => {
    const d = parseDeadline({ value: MAY_1_2022, numberFormat }, CTX);
    expect(d).toMatchObject({ kind: "date", due: "2022-05-01", precision: "day" });
  });

  test("the time of day is dropped", () => {
    expect(parseDeadline({ value: MAY_1_2022 + 0.75, numberFormat: "d/m/yyyy h:mm" }, CTX).due).toBe(
      "2022-05-01",
    );
  });
});

test("the cell's displayed text is its deadline text; without one, the date is written out", () => {
  expect(parseDeadline({ value: MAY_1_2022, text: "May-22", numberFormat: "mmm-yy" }, CTX).text).toBe(
    "May-22",
  );
  expect(parseDeadline({ value: MAY_1_2022, numberFormat: "mmm-yy" }, CTX).text).toBe("May 2022");
  expect(parseDeadline({ value: MAY_1_2022, numberFormat: "dd/mm/yyyy" }, CTX).text).toBe("1 May 2022");
});

describe("numbers without a date format", () => {
  test("a whole number in the 2000-2099 serial range with General (or unknown) format is read as a date, and the reading says so", () => {
    const serial = toExcelSerial("2022-09-30");
    for (const numberFormat of ["General", null, undefined]) {
      const d = parseDeadline({ value: serial, numberFormat }, CTX);
      expect(d).toMatchObject({ kind: "date", due: "2022-09-30", precision: "day" });
      expect(d.reading).toBe(`30 September 2022 (the number ${serial} read as an Excel date)`);
    }
  });

  test.each([
    [2023, "General"],
    [12, null],
    [toExcelSerial("2022-09-30") + 0.5, "General"],
    [toExcelSerial("2022-09-30"), "0.00"],
    [toExcelSerial("2022-09-30"), "#,##0"],
    [toExcelSerial("2022-09-30"), "h:mm"],
    [toExcelSerial("1999-12-31"), "General"],
    [-5, "General"],
    [Number.NaN, "General"],
    [Number.POSITIVE_INFINITY, "dd/mm/yyyy"],
    [1e12, "dd/mm/yyyy"],
  ])("%p with format %p is unparsed", (value, numberFormat) => {
    const d = parseDeadline({ value, numberFormat }, CTX);
    expect(d.kind).toBe("unparsed");
    expect(d.due).toBeNull();
  });

  test("a number shown as date text by the adapter (no format reported) is read from the text", () => {
    const d = parseDeadline({ value: MAY_1_2022, text: "May-22", numberFormat: null }, CTX);
    expect(d).toMatchObject({ kind: "date", due: "2022-05-31", text: "May-22" });
  });
});

test("booleans are unparsed", () => {
  expect(parseDeadline({ value: true }, CTX)).toMatchObject({ kind: "unparsed", text: "TRUE" });
});

test("null is missing", () => {
  expect(parseDeadline({ value: null }, CTX).kind).toBe("missing");
  expect(parseDeadline({ value: null, text: "" }, CTX).kind).toBe("missing");
});

test("Excel's first serials are read as Excel numbers them (found by the property test)", () => {
  const ctx = { planYear: null, asOf: "1990-01-01" };
  expect(parseDeadline({ value: 1, numberFormat: "d-mmm" }, ctx)).toMatchObject({
    kind: "date",
    due: "1900-01-01",
  });
  expect(parseDeadline({ value: 60, numberFormat: "dd/mm/yyyy" }, ctx).kind).toBe("unparsed"); // Lotus's 29 Feb 1900
});
