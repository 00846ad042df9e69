import { DEFAULT_THEME, applyTint, resolveColour, themeFromXml } from "../../src/xlsx/colours";

function channels(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

/** Excel's own swatches, within rounding (one step per channel). */
function expectClose(actual: string | null, excel: string): void {
  expect(actual).not.toBeNull();
  const diff = channels(actual ?? "#000000").map((v, i) => Math.abs(v - channels(excel)[i]));
  expect({ actual, excel, close: diff.every((d) => d <= 1) }).toEqual({ actual, excel, close: true });
}

describe("fill colours", () => {
  it("maps the Office theme indices when the workbook has no theme", () => {
    const theme = themeFromXml(undefined);
    expect(theme.slice(0, 10)).toEqual([
      "#FFFFFF",
      "#000000",
      "#E7E6E6",
      "#44546A",
      "#4472C4",
      "#ED7D31",
      "#A5A5A5",
      "#FFC000",
      "#5B9BD5",
      "#70AD47",
    ]);
    expect(resolveColour({ theme: 9 })).toBe("#70AD47");
  });

  it("applies tints as Excel's palette shows them", () => {
    expectClose(resolveColour({ theme: 4, tint: 0.5999938962981048 }), "#B4C6E7"); // Blue, Accent 1, Lighter 60%
    expectClose(resolveColour({ theme: 4, tint: -0.249977111117893 }), "#2F5597"); // Blue, Accent 1, Darker 25%
    expectClose(resolveColour({ theme: 9, tint: 0.7999816888943144 }), "#E2EFDA"); // Green, Accent 6, Lighter 80%
    expectClose(applyTint("#FFC000", -0.5), "#806000");
  });

  it("reads ARGB, legacy indexed colours, and nothing for what it cannot resolve", () => {
    expect(resolveColour({ argb: "FF00B050" })).toBe("#00B050");
    expect(resolveColour({ argb: "ff0070c0" })).toBe("#0070C0");
    expect(resolveColour({ indexed: 2 })).toBe("#FF0000");
    expect(resolveColour({ indexed: 52 })).toBe("#FF9900");
    expect(resolveColour({ indexed: 64 })).toBeNull();
    expect(resolveColour({ argb: "red" })).toBeNull();
    expect(resolveColour(undefined)).toBeNull();
  });

  it("reads a workbook's own theme colours, lt/dk swapped into Excel's index order", () => {
    const xml = `<a:theme><a:themeElements><a:clrScheme name="x">
      <a:dk1><a:sysClr val="windowText" lastClr="111111"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FEFEFE"/></a:lt1>
      <a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2>
      <a:accent1><a:srgbClr val="4F81BD"/></a:accent1></a:clrScheme></a:themeElements></a:theme>`;
    const theme = themeFromXml(xml);
    expect(theme.slice(0, 5)).toEqual(["#FEFEFE", "#111111", "#EEECE1", "#1F497D", "#4F81BD"]);
    expect(theme[5]).toBe(DEFAULT_THEME[5]);
  });
});
