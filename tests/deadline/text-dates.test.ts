/** Written dates beyond the semantics table: year rules, cross-year ranges, milestones, invalid dates, status words, readings. */
import type { DeadlineContext } from "../../src/core/deadline";
import { CTX, readText, shape } from "./helpers";

describe("a month without a year", () => {
  test("April-December take the plan's first year, January-March its second", () => {
    expect(readText("end April").due).toBe("2022-04-30");
    expect(readText("December").due).toBe("2022-12-31");
    expect(readText("by January").due).toBe("2023-01-31");
    expect(readText("end March").due).toBe("2023-03-31");
    expect(readText("12 Feb").due).toBe("2023-02-12");
  });

  test("another plan year moves them", () => {
    const ctx: DeadlineContext = { planYear: { start: "2023-04-01", end: "2024-03-31" }, asOf: "2023-05-01" };
    expect(readText("end June", ctx).due).toBe("2023-06-30");
    expect(readText("Q4", ctx).due).toBe("2024-03-31");
    expect(readText("year end", ctx).due).toBe("2024-03-31");
  });

  describe("with no plan year: the as-of day's financial year", () => {
    test("as of 15 July 2022 (financial year 2022-23)", () => {
      const ctx: DeadlineContext = { planYear: null, asOf: "2022-07-15" };
      expect(readText("end June", ctx).due).toBe("2022-06-30");
      expect(readText("February", ctx).due).toBe("2023-02-28");
      expect(readText("end of financial year", ctx).due).toBe("2023-03-31");
    });

    test("as of 10 February 2024 (financial year 2023-24)", () => {
      const ctx: DeadlineContext = { planYear: null, asOf: "2024-02-10" };
      expect(readText("end June", ctx).due).toBe("2023-06-30");
      expect(readText("February", ctx).due).toBe("2024-02-29");
      expect(readText("Winter", ctx).due).toBe("2024-02-29");
    });
  });

  test("an unusable as-of day and no plan year leave a yearless month unparsed, not thrown", () => {
    const d = readText("end June", { planYear: null, asOf: "not a date" });
    expect(d.kind).toBe("unparsed");
    expect(readText("May-22", { planYear: null, asOf: "not a date" }).due).toBe("2022-05-31");
  });
});

describe("UK day-first and two-digit years", () => {
  test.each([
    ["01/06/2020", "2020-06-01"],
    ["1/6/20", "2020-06-01"],
    ["30.09.22", "2022-09-30"],
    ["5-11-2022", "2022-11-05"],
    ["1st September 2022", "2022-09-01"],
    ["22nd Oct 22", "2022-10-22"],
    ["Sept. 3rd 2022", "2022-09-03"],
    ["June 30 2022", "2022-06-30"],
    ["29/02/2024", "2024-02-29"],
  ])("%j is %s", (text, due) => {
    expect(readText(text)).toMatchObject({ kind: "date", due, precision: "day" });
  });

  test.each([
    ["Sept 22", "2022-09-30"],
    ["September 2022", "2022-09-30"],
    ["sep-22", "2022-09-30"],
    ["May-22", "2022-05-31"],
    ["06/2022", "2022-06-30"],
    ["Feb 24", "2024-02-29"],
  ])("%j is the month: %s", (text, due) => {
    expect(readText(text)).toMatchObject({ kind: "date", due, precision: "month" });
  });
});

describe("invalid dates are unparsed, not rolled over", () => {
  test.each([
    "31/02/2022",
    "32/13/2022",
    "29/02/2023",
    "31 June 2022",
    "00/05/2022",
    "15/00/2022",
    "30 February",
  ])("%j", (text) => {
    const d = readText(text);
    expect(d.kind).toBe("unparsed");
    expect(d.due).toBeNull();
    expect(d.reading).toContain("not a real date");
  });

  test("one invalid date spoils milestones too", () => {
    expect(readText("30/06/2022, 31/09/2022").kind).toBe("unparsed");
  });
});

describe("ranges", () => {
  test.each([
    ["Apr 22 - Mar 23", "2022-04-01", "2023-03-31"],
    ["Nov 2022 - Feb 2023", "2022-11-01", "2023-02-28"],
    ["November - January", "2022-11-01", "2023-01-31"],
    ["Nov - Feb 2023", "2022-11-01", "2023-02-28"],
    ["Oct 2022 - Jan", "2022-10-01", "2023-01-31"],
    ["Jan - Apr", "2023-01-01", "2023-04-30"],
    ["April 2022 to March 2023", "2022-04-01", "2023-03-31"],
    ["from June until August 2022", "2022-06-01", "2022-08-31"],
    ["between April and July 2022", "2022-04-01", "2022-07-31"],
    ["1/4/2022 - 31/7/2022", "2022-04-01", "2022-07-31"],
    ["April \u2013 July 2022", "2022-04-01", "2022-07-31"],
  ])("%j is %s to %s", (text, start, due) => {
    expect(shape(readText(text))).toEqual({ kind: "range", start, due, milestones: [] });
  });

  test("a range ending before it starts is unparsed", () => {
    const d = readText("Nov 2022 - Feb 2022");
    expect(d.kind).toBe("unparsed");
    expect(d.reading).toBe("not understood: the range ends before it starts");
  });

  test("reading", () => {
    expect(readText("April - July 2022").reading).toBe("1 April 2022 to 31 July 2022");
  });
});

describe("milestones", () => {
  test.each([
    ["July 2022 and December 2022", ["2022-07-31", "2022-12-31"]],
    ["30/06/2022, 30/09/2022", ["2022-06-30", "2022-09-30"]],
    ["Phase 2 by March 2023; phase 1 by Sept 2022", ["2022-09-30", "2023-03-31"]],
    ["Q2, Q3 and Q4", ["2022-09-30", "2022-12-31", "2023-03-31"]],
  ])("%j -> %j, sorted, due = the last", (text, milestones) => {
    const d = readText(text);
    expect(d.kind).toBe("milestones");
    expect(d.milestones).toEqual(milestones);
    expect(d.due).toBe(milestones[milestones.length - 1]);
    expect(d.start).toBeNull();
    expect(d.precision).toBeNull();
  });

  test("next milestone is the first on or after the as-of day", () => {
    const text = "30/06/2022, 15/07/2022, 30/09/2022";
    expect(readText(text).nextMilestone).toBe("2022-07-15");
    expect(readText(text, { ...CTX, asOf: "2022-07-16" }).nextMilestone).toBe("2022-09-30");
    expect(readText(text, { ...CTX, asOf: "2022-10-01" }).nextMilestone).toBeNull();
  });

  test("readings", () => {
    expect(readText("First by July 2022. Second by December 2022").reading).toBe(
      "milestones 31 July 2022 and 31 December 2022 (next: 31 July 2022)",
    );
    expect(readText("Q2, Q3 and Q4", { ...CTX, asOf: "2023-06-01" }).reading).toBe(
      "milestones 30 September 2022, 31 December 2022 and 31 March 2023 (all passed)",
    );
  });

  test("the same date twice is one date", () => {
    expect(readText("March 2023 (year end)")).toMatchObject({
      kind: "date",
      due: "2023-03-31",
      milestones: [],
    });
  });
});

describe("quarters, seasons, year end", () => {
  test.each([
    ["Q1", "2022-06-30"],
    ["Q2 2023/24", "2023-09-30"],
    ["Q4 22/23", "2023-03-31"],
    ["third quarter", "2022-12-31"],
    ["end of Q4 2022-2023", "2023-03-31"],
    ["Q1 2023", "2023-06-30"],
    ["Q4 2023", "2023-03-31"],
  ])("%j -> %s", (text, due) => {
    expect(readText(text)).toMatchObject({ kind: "date", due, precision: "quarter" });
  });

  test.each([
    ["Autumn", "2022-11-30"],
    ["Summer", "2022-08-31"],
    ["Winter", "2023-02-28"],
    ["Winter 2022", "2023-02-28"],
    ["Winter 2023/24", "2024-02-29"],
    ["Spring 2023", "2023-05-31"],
  ])("%j -> %s", (text, due) => {
    expect(readText(text)).toMatchObject({ kind: "date", due, precision: "season" });
  });

  test.each([
    ["End of the financial year", "2023-03-31"],
    ["year-end 2023/24", "2024-03-31"],
    ["2023/24", "2024-03-31"],
    ["during 2022-2023", "2023-03-31"],
  ])("%j -> %s", (text, due) => {
    expect(readText(text)).toMatchObject({ kind: "date", due, precision: "year-end" });
  });

  test("a split year whose halves are not consecutive is unparsed", () => {
    expect(readText("Q3 2022/24").kind).toBe("unparsed");
  });

  test("readings", () => {
    expect(readText("Q3").reading).toBe("31 December 2022, end of Q3 2022/23");
    expect(readText("Summer 2022").reading).toBe("31 August 2022, end of summer");
    expect(readText("year end").reading).toBe("31 March 2023, end of financial year");
    expect(readText("May-22").reading).toBe("31 May 2022, end of month");
    expect(readText("31 Aug 2022").reading).toBe("31 August 2022");
  });
});

describe("status words come before dates", () => {
  test.each([
    ["Completed 12 May 2022", "complete"],
    ["Done - signed off 3/5/22", "complete"],
    ["Ongoing until March 2023", "recurring"],
    ["Monthly from Sept 2022", "recurring"],
    ["Quarterly report to board", "recurring"],
    ["Every 6 weeks", "recurring"],
    ["at each meeting", "recurring"],
    ["TBC - after restructure in Sept 2022", "tbc"],
    ["To be confirmed", "tbc"],
    ["?", "tbc"],
    ["--", "tbc"],
  ])("%j is %s", (text, kind) => {
    const d = readText(text);
    expect(d.kind).toBe(kind);
    expect(d.due).toBeNull();
  });

  test("'Complete by <date>' is an instruction with a deadline", () => {
    expect(readText("Complete by March 2023")).toMatchObject({ kind: "date", due: "2023-03-31" });
  });

  test("a text with no date that speaks of a frequency is recurring", () => {
    expect(readText("Reviewed monthly").kind).toBe("recurring");
    expect(readText("Work is ongoing").kind).toBe("recurring");
  });

  test("readings", () => {
    expect(readText("Weekly.").reading).toBe("no deadline: recurring");
    expect(readText("Done").reading).toBe("no deadline: marked complete");
    expect(readText("TBC").reading).toBe("no deadline: to be confirmed");
    expect(readText("   ").reading).toBe("no deadline: empty");
  });
});

describe("texts that are not deadlines", () => {
  test.each(["when funding allows", "This may slip", "2023", "#N/A", "Head of Service", "asap"])(
    "%j is unparsed",
    (text) => {
      expect(readText(text)).toMatchObject({ kind: "unparsed", due: null });
    },
  );

  test("'may' is the month after a cue word or alone", () => {
    expect(readText("May").due).toBe("2022-05-31");
    expect(readText("by May").due).toBe("2022-05-31");
    expect(readText("April - May").kind).toBe("range");
  });

  test("a date inside a longer sentence is read, and the reading shows what was used", () => {
    expect(readText("Report to the Board in September 2022 after consultation")).toMatchObject({
      kind: "date",
      due: "2022-09-30",
    });
  });

  test("whitespace-only and null cells are missing", () => {
    expect(readText(" \n\t ").kind).toBe("missing");
  });
});
