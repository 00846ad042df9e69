/**
 * The conditional-format evaluator shared by the preview's grid and the tests that evaluate stored
 * rules: TODAY(), DATE(), + and - and the comparison operators as Excel computes them (serial day
 * numbers of the 1900 date system; support.microsoft.com "DATE function", "Calculation operators
 * and precedence in Excel"), and everything else not evaluated (no colour).
 */
import type { CellValue } from "../../src/core/grid";
import { conditionalStyle, todaySerial } from "../../src/preview/cf-eval";

const none = (): CellValue => null;

/** Whether the formula, as a rule on A1, holds at a TODAY() serial (null: not evaluated, no colour). */
function holds(formula: string, today: number | null, lookup = none): boolean {
  const rule = {
    boxes: [{ top: 1, left: 1, bottom: 1, right: 1 }],
    formula,
    fill: "#FF0000",
    fontColor: null,
    stopIfTrue: false,
  };
  return conditionalStyle([rule], 1, 1, lookup, today).fill === "#FF0000";
}

describe("cf-eval: TODAY(), DATE(), arithmetic and comparisons", () => {
  test("DATE gives Excel's serial numbers, with its 1900 leap-year day and carried months and days", () => {
    const cases: [string, number][] = [
      ["DATE(1900,1,1)", 1],
      ["DATE(1900,2,28)", 59],
      ["DATE(1900,3,1)", 61], // Excel counts a 29 February 1900 (serial 60)
      ["DATE(2022,5,31)", 44712],
      ["DATE(2022,6,30)", 44742],
      ["DATE(2022,13,1)", 44927], // month 13 = January of the next year
      ["DATE(2022,3,0)", 44620], // day 0 = the last day of the month before
      ["DATE(122,1,1)", 44562], // a year below 1900 is added to 1900
    ];
    for (const [date, serial] of cases) {
      expect(holds(`=${date}=${serial}`, 0)).toBe(true);
      expect(holds(`=${date}=${serial + 1}`, 0)).toBe(false);
    }
    expect(holds("=DATE(-1,1,1)<1", 0)).toBe(false); // #NUM!: not evaluated
    expect(holds("=DATE(10000,1,1)>1", 0)).toBe(false);
  });

  test("TODAY() is the given day: the in-memory Excel's (UTC midnight) or this machine's local day", () => {
    expect(todaySerial(new Date("2022-07-15T00:00:00Z"))).toBe(44757);
    expect(todaySerial(null, new Date(2022, 6, 15, 23, 59))).toBe(44757);
    expect(holds("=TODAY()=44757", todaySerial(new Date("2022-07-15T00:00:00Z")))).toBe(true);
    // No day given: a formula with TODAY() is not evaluated.
    expect(holds("=TODAY()>0", null)).toBe(false);
  });

  test("the add-in's live highlight rules at the edges of the window", () => {
    const due = 44742; // 30 June 2022
    const overdue = "=TODAY()>DATE(2022,6,30)";
    const soon = "=AND(TODAY()>=DATE(2022,6,30)-30,TODAY()<=DATE(2022,6,30))";
    const at = (d: number) => [holds(overdue, d), holds(soon, d)];
    expect(at(due - 31)).toEqual([false, false]);
    expect(at(due - 30)).toEqual([false, true]);
    expect(at(due)).toEqual([false, true]);
    expect(at(due + 1)).toEqual([true, false]);
  });

  test("operators: - and + before comparisons, left to right; all six comparisons on numbers", () => {
    expect(holds("=10-2-3=5", 0)).toBe(true); // (10-2)-3
    expect(holds("=1+2=3", 0)).toBe(true);
    expect(holds("=TODAY()>=DATE(2022,8,14)-30", 44757)).toBe(true); // TODAY() >= (DATE(...) - 30)
    expect(holds("=3<4", 0)).toBe(true);
    expect(holds("=4<4", 0)).toBe(false);
    expect(holds("=4<=4", 0)).toBe(true);
    expect(holds("=5>4", 0)).toBe(true);
    expect(holds("=4>=5", 0)).toBe(false);
    expect(holds("=4<>5", 0)).toBe(true);
  });

  test("what is not modelled is not evaluated: ordering text, arithmetic on text or blanks, other functions", () => {
    expect(holds('="b">"a"', 0)).toBe(false);
    expect(holds('="3"-1=2', 0)).toBe(false);
    expect(holds("=A2-1<0", 0)).toBe(false); // A2 is blank
    expect(holds("=NOW()>0", 0)).toBe(false);
    expect(holds("=TRUE", 0)).toBe(true); // the previous version's highlight rule
    expect(holds('=LOWER(TRIM(A1))="green"', 0, () => " Green ")).toBe(true);
  });
});
