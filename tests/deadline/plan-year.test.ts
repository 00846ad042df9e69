/** The plan year and the review date in a plan's title rows. */
import { findPlanYear, findReviewDate } from "../../src/core/deadline";
import { CTX, PLAN_2022_23 } from "./helpers";

describe("findPlanYear", () => {
  test.each([
    "Service Development Plan 2022-23",
    "Service Development Plan 2022/23",
    "Service Development Plan 2022-2023",
    "Plan for 2022 / 2023",
    "SDP 2022\u201323 (draft)",
  ])("%j is 1 April 2022 to 31 March 2023", (text) => {
    expect(findPlanYear(text)).toEqual(PLAN_2022_23);
  });

  test("the first consecutive pair wins", () => {
    expect(findPlanYear("Plan 2021-24, refreshed for 2023/24")).toEqual({
      start: "2023-04-01",
      end: "2024-03-31",
    });
    expect(findPlanYear("1999/00")).toEqual({ start: "1999-04-01", end: "2000-03-31" });
  });

  test.each([
    "22-23",
    "retained into 22-23",
    "Date: April 2022",
    "2022-09-30",
    "2022-2024",
    "Children's Social Care",
    "",
    "Findings from Annual Survey\nOctober 2021",
  ])("%j names no plan year", (text) => {
    expect(findPlanYear(text)).toBeNull();
  });
});

describe("findReviewDate", () => {
  test.each([
    ["Date for review: July 2022", "2022-07-31"],
    ["Date for review - 4 July 2022", "2022-07-04"],
    ["Review date: 04/07/2022", "2022-07-04"],
    ["Next review: Q3", "2022-12-31"],
    ["DATE OF REVIEW: September", "2022-09-30"],
    ["Date for next review: 2022-10-01", "2022-10-01"],
  ])("%j -> %s", (text, date) => {
    expect(findReviewDate(text, CTX)).toBe(date);
  });

  test("a month without a year follows the plan year", () => {
    expect(findReviewDate("Date for review: January", CTX)).toBe("2023-01-31");
  });

  test("milestones give the next one, a range its end", () => {
    expect(
      findReviewDate("Date for review: July 2022 and January 2023", { ...CTX, asOf: "2022-08-01" }),
    ).toBe("2023-01-31");
    expect(findReviewDate("Review date: June - July 2022", CTX)).toBe("2022-07-31");
  });

  test.each([
    "Date: April 2022",
    "Service Development Plan 2022-23",
    "Date for review:",
    "Date for review: TBC",
    "Author: Head of Early Help",
    "July 2022",
  ])("%j gives no review date", (text) => {
    expect(findReviewDate(text, CTX)).toBeNull();
  });
});
