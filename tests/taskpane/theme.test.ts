import { themeNameFor } from "../../src/taskpane/theme";

describe("the pane's theme", () => {
  it("is light outside Office and for Office's light themes", () => {
    expect(themeNameFor(undefined)).toBe("light");
    expect(
      themeNameFor({ bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", isDarkTheme: false }),
    ).toBe("light");
    expect(themeNameFor({ bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#262626" })).toBe("light");
  });

  it("is dark for Office's dark themes", () => {
    expect(themeNameFor({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" })).toBe("dark");
    expect(themeNameFor({ isDarkTheme: true })).toBe("dark");
  });

  it("is high contrast when the system forces colours or Office's body is black with light text", () => {
    expect(themeNameFor({ bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" }, true)).toBe(
      "high-contrast",
    );
    expect(themeNameFor({ bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF" })).toBe(
      "high-contrast",
    );
    expect(themeNameFor({ bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFF00" })).toBe(
      "high-contrast",
    );
  });
});
