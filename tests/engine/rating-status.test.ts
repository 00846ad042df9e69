/** Rating cells (text first, then fill colour) and completion / status / suggestion rules. */
import { DEFAULT_LEGEND, readRating, type Deadline } from "../../src/core";
import {
  commentsSayComplete,
  daysOverdue,
  isComplete,
  statusOf,
  suggestedRating,
} from "../../src/core/status";

describe("readRating", () => {
  test.each([
    ["B", "blue"],
    ["blue", "blue"],
    [" Complete ", "blue"],
    ["DONE", "blue"],
    ["completed", "blue"],
    ["G", "green"],
    ["green ", "green"],
    ["On track", "green"],
    ["a", "amber"],
    ["Orange", "amber"],
    ["yellow", "amber"],
    ["at risk", "amber"],
    ["R", "red"],
    ["RED", "red"],
    ["off track", "red"],
  ])("text %p reads %p, whatever the fill", (text, rag) => {
    expect(readRating(text, "#FF0000", DEFAULT_LEGEND)).toMatchObject({
      rag,
      source: "text",
      invalid: false,
      progress: false,
    });
  });

  test.each(["?", "GA", "green/purple", "tbc", "#N/A", "On hold", "Overdue"])(
    "text %p is invalid and not rated",
    (text) => {
      expect(readRating(text, "#00B050", DEFAULT_LEGEND)).toEqual({
        rag: null,
        source: null,
        invalid: true,
        progress: false,
        done: false,
      });
    },
  );

  test.each([
    ["#FF0000", "red"],
    ["#C00000", "red"],
    ["#FFC000", "amber"],
    ["#FFFF00", "amber"],
    ["FFFFC000", "amber"],
    ["#00B050", "green"],
    ["#92D050", "green"],
    ["#0070C0", "blue"],
    ["#00B0F0", "blue"],
    ["#C6EFCE", "green"],
  ])("empty text with fill %p reads %p from the colour", (fill, rag) => {
    expect(readRating("", fill, DEFAULT_LEGEND)).toEqual({
      rag,
      source: "colour",
      invalid: false,
      progress: false,
      done: false,
    });
  });

  test.each([null, "#FFFFFF", "#D9D9D9", "#808080", "#000000", "not a colour", "#F2F2F2"])(
    "no fill, white, grey or junk %p is not rated",
    (fill) => {
      expect(readRating("  ", fill, DEFAULT_LEGEND)).toEqual({
        rag: null,
        source: null,
        invalid: false,
        progress: false,
        done: false,
      });
    },
  );
});

const deadline = (over: Partial<Deadline>): Deadline => ({
  text: "",
  kind: "date",
  due: null,
  start: null,
  milestones: [],
  nextMilestone: null,
  precision: "day",
  reading: "",
  ...over,
});

describe("completion and status", () => {
  test.each([
    ["complete - kept in", true],
    ["Completed.", true],
    ["done", true],
    ["Achieved in May", true],
    ["nearly complete", false],
    ["Completion due", false],
    ["doneness", false],
    ["", false],
  ])("comments %p say complete: %p", (text, yes) => {
    expect(commentsSayComplete(text)).toBe(yes);
  });

  test("blue completes only when the legend says blue means complete", () => {
    const d = deadline({ due: "2022-01-01" });
    expect(isComplete("blue", d, "", DEFAULT_LEGEND)).toBe(true);
    expect(isComplete("blue", d, "", { ...DEFAULT_LEGEND, blueMeansComplete: false })).toBe(false);
    expect(isComplete(null, deadline({ kind: "complete" }), "", DEFAULT_LEGEND)).toBe(true);
  });

  test("status order and the window edges", () => {
    const asOf = "2022-07-15";
    expect(statusOf(true, deadline({ due: "2022-01-01" }), asOf, 30)).toBe("complete");
    expect(statusOf(false, deadline({ due: "2022-07-14" }), asOf, 30)).toBe("overdue");
    expect(statusOf(false, deadline({ due: "2022-07-15" }), asOf, 30)).toBe("due-soon");
    expect(statusOf(false, deadline({ due: "2022-08-14" }), asOf, 30)).toBe("due-soon");
    expect(statusOf(false, deadline({ due: "2022-08-15" }), asOf, 30)).toBe("on-track");
    expect(statusOf(false, deadline({ due: "2022-07-15" }), asOf, 0)).toBe("due-soon");
    expect(statusOf(false, deadline({ kind: "recurring" }), asOf, 30)).toBe("ongoing");
    expect(statusOf(true, deadline({ kind: "recurring" }), asOf, 30)).toBe("complete");
    for (const kind of ["tbc", "missing", "unparsed"] as const)
      expect(statusOf(false, deadline({ kind }), asOf, 30)).toBe("no-deadline");
  });

  test("suggested rating and days overdue", () => {
    expect(
      ["complete", "overdue", "due-soon", "on-track", "ongoing", "no-deadline"].map((s) =>
        suggestedRating(s as never),
      ),
    ).toEqual(["blue", "red", "amber", "green", "green", null]);
    expect(daysOverdue("overdue", deadline({ due: "2022-06-30" }), "2022-07-15")).toBe(15);
    expect(daysOverdue("due-soon", deadline({ due: "2022-07-30" }), "2022-07-15")).toBeNull();
  });
});
