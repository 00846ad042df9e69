/**
 * Suggestions respect the owner (src/core/SEMANTICS.md): the add-in offers a suggestion only
 * when it is more severe than the owner's rating or there is none; complete -> Blue always; never
 * a softer one. Checked on the rule itself, literally, and on the fixture plan's writes.
 */
import { checkPlan, planApplySuggestions, type Rating } from "../../src/core";
import {
  isOffered,
  offeredByTab,
  offeredSuggestions,
  planOfferedSuggestions,
} from "../../src/app/suggestions";
import { fixtureData, fixtureGrid } from "../helpers/fixture-grid";

const SEVERITY: Record<Rating, number> = { blue: 0, green: 1, amber: 2, red: 3 };

describe("isOffered", () => {
  test.each<[Rating | null, Rating | null, boolean]>([
    ["green", "red", true], // overdue but rated green
    ["amber", "red", true],
    ["green", "amber", true], // due soon but rated green
    ["red", "amber", false], // never soften
    ["amber", "green", false],
    ["red", "green", false],
    [null, "green", true], // no rating: any suggestion
    [null, "amber", true],
    ["red", "blue", true], // complete -> blue is always offered
    ["amber", "blue", true],
    ["blue", "red", true], // rated complete but the dates say overdue
    ["red", "red", false], // nothing to change
    ["green", null, false], // no suggestion
  ])("owner %s, suggested %s: offered %s", (rag, suggestedRag, offered) => {
    expect(isOffered({ rag, suggestedRag })).toBe(offered);
  });
});

describe("the fixture plan's suggestions", () => {
  const data = fixtureData();
  const result = checkPlan(fixtureGrid(), { asOf: data.asOf, dueSoonDays: data.dueSoonDays });
  const actions = result.sheets.flatMap((s) => s.actions);
  const byCell = new Map(actions.map((a) => [`${a.sheet}!${a.row}`, a]));

  test("Apply all writes no softer rating, and writes every offered one", () => {
    const writes = planOfferedSuggestions(result, "all");
    expect(writes.length).toBeGreaterThan(0);
    for (const w of writes) {
      const action = byCell.get(`${w.sheet}!${/\d+$/.exec(w.cell)?.[0]}`)!;
      expect(action.suggestedRag).not.toBeNull();
      if (action.rag !== null && action.suggestedRag !== "blue")
        expect(SEVERITY[action.suggestedRag!]).toBeGreaterThan(SEVERITY[action.rag]);
    }
    expect(writes).toHaveLength(offeredSuggestions(result).length);
  });

  test("the plan has suggestions that would soften, and none of them is offered", () => {
    const softer = actions.filter(
      (a) =>
        a.rag !== null &&
        a.suggestedRag !== null &&
        a.suggestedRag !== "blue" &&
        SEVERITY[a.suggestedRag] < SEVERITY[a.rag],
    );
    expect(softer.length).toBeGreaterThan(0);
    const writtenRows = new Set(
      planOfferedSuggestions(result, "all").map((w) => `${w.sheet}!${/\d+$/.exec(w.cell)?.[0]}`),
    );
    const offered = offeredSuggestions(result);
    for (const a of softer) {
      expect(offered).not.toContain(a);
      expect(writtenRows.has(`${a.sheet}!${a.row}`)).toBe(false);
    }
    // The engine's own plan follows the same rule: no caller can write a softer rating.
    const engine = new Set(
      planApplySuggestions(result, "all").map((w) => `${w.sheet}!${/\d+$/.exec(w.cell)?.[0]}`),
    );
    for (const a of softer) expect(engine.has(`${a.sheet}!${a.row}`)).toBe(false);
  });

  test("Apply all on one tab writes only that tab's offered suggestions; the counts per tab add up", () => {
    const perTab = offeredByTab(result);
    expect(perTab.reduce((n, t) => n + t.count, 0)).toBe(offeredSuggestions(result).length);
    for (const { sheet, count } of perTab) {
      const writes = planOfferedSuggestions(result, { tab: sheet });
      expect(writes).toHaveLength(count);
      expect(new Set(writes.map((w) => w.sheet))).toEqual(new Set([sheet]));
    }
  });
});
