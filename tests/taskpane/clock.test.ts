import { todayIso } from "../../src/core/dates";
import { localToday } from "../../src/taskpane/clock";

describe("the pane's clock", () => {
  it("gives the same local calendar day as the engine's todayIso", () => {
    for (const now of [
      new Date(2022, 6, 15, 0, 0, 1),
      new Date(2022, 11, 31, 23, 59, 59),
      new Date(2024, 1, 29, 12),
      new Date(2023, 0, 1, 0, 0),
    ]) {
      expect(localToday(now)).toBe(todayIso(now));
    }
  });

  it("writes the day as YYYY-MM-DD", () => {
    expect(localToday(new Date(2022, 4, 1, 9))).toBe("2022-05-01");
  });
});
