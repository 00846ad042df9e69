import {
  addDays,
  daysBetween,
  endOfMonth,
  financialYearOf,
  fromExcelSerial,
  isIsoDate,
  isoDate,
  toExcelSerial,
  todayIso,
} from "../../src/core/dates";
import { formatDay } from "../../src/core/day-text";

describe("calendar days", () => {
  it("builds real days and refuses impossible ones", () => {
    expect(isoDate(2022, 5, 31)).toBe("2022-05-31");
    expect(isoDate(2022, 6, 31)).toBeNull();
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(isoDate(2024, 2, 29)).toBe("2024-02-29");
    expect(isIsoDate("2022-02-30")).toBe(false);
    expect(isIsoDate("2022-02-28")).toBe(true);
  });

  it("finds the last day of a month, leap years included", () => {
    expect(endOfMonth(2022, 9)).toBe("2022-09-30");
    expect(endOfMonth(2024, 2)).toBe("2024-02-29");
    expect(endOfMonth(2022, 12)).toBe("2022-12-31");
  });

  it("counts days across month, year and clock-change boundaries", () => {
    expect(daysBetween("2022-06-30", "2022-07-15")).toBe(15);
    expect(daysBetween("2022-07-15", "2022-06-30")).toBe(-15);
    expect(daysBetween("2022-03-26", "2022-03-28")).toBe(2); // UK clocks go forward on 27 March 2022
    expect(addDays("2022-12-31", 1)).toBe("2023-01-01");
    expect(addDays("2022-07-15", 30)).toBe("2022-08-14");
  });

  it("converts Excel serials both ways (day 0 = 1899-12-30)", () => {
    expect(fromExcelSerial(44682)).toBe("2022-05-01");
    expect(fromExcelSerial(44682.75)).toBe("2022-05-01");
    expect(toExcelSerial("2022-05-01")).toBe(44682);
    expect(fromExcelSerial(0)).toBeNull();
    expect(fromExcelSerial(Number.NaN)).toBeNull();
    for (const d of ["1900-01-01", "1900-02-28", "1900-03-01", "2021-11-30", "2099-12-31"])
      expect(fromExcelSerial(toExcelSerial(d))).toBe(d);
    // Excel's own numbering at its start, including Lotus's fictitious 29 February 1900 (serial 60).
    expect(fromExcelSerial(1)).toBe("1900-01-01");
    expect(fromExcelSerial(59)).toBe("1900-02-28");
    expect(fromExcelSerial(60)).toBeNull();
    expect(fromExcelSerial(61)).toBe("1900-03-01");
  });

  it("names the UK financial year that holds a day", () => {
    expect(financialYearOf("2022-07-15")).toEqual({ start: "2022-04-01", end: "2023-03-31" });
    expect(financialYearOf("2023-03-31")).toEqual({ start: "2022-04-01", end: "2023-03-31" });
    expect(financialYearOf("2023-04-01")).toEqual({ start: "2023-04-01", end: "2024-03-31" });
  });

  it("formats days the UK way and reads today from the local clock", () => {
    expect(formatDay("2022-05-31")).toBe("31 May 2022");
    expect(todayIso(new Date(2022, 6, 15, 0, 30))).toBe("2022-07-15");
  });
});
