import { readXlsx } from "../../src/xlsx";
import { at, fixtureBytes, sheetOf } from "./helpers";

describe("readXlsx on the fixture workbook", () => {
  let result: Awaited<ReturnType<typeof readXlsx>>;
  beforeAll(async () => {
    result = await readXlsx(fixtureBytes());
  });

  it("lists every tab in workbook order with its visibility", () => {
    expect(result.grid.sheets.map((s) => s.name)).toEqual([
      "Early Help",
      "Children's Social Care",
      "Children in Care & Care Leavers",
      "Annual Survey Findings",
      "Notes",
    ]);
    expect(result.grid.sheets.every((s) => s.visibility === "visible")).toBe(true);
  });

  it("reads a dd-mmm-yy date cell as its Excel serial with its number format", () => {
    const csc = sheetOf(result.grid, "Children's Social Care");
    expect(at(csc, "D6")).toBe(44682); // 2022-05-01
    expect(at(csc, "D6", "numberFormats")).toBe("dd-mmm-yy");
    expect(at(csc, "D6", "texts")).toBeNull();
    expect(at(csc, "D8")).toBe(44682);
    expect(at(csc, "D8", "numberFormats")).toBe("mmm-yy");
  });

  it("reads text cells as values and texts, with General as their format", () => {
    const csc = sheetOf(result.grid, "Children's Social Care");
    expect(at(csc, "D5")).toBe("First by July 2022. Second by December 2022");
    expect(at(csc, "D5", "texts")).toBe("First by July 2022. Second by December 2022");
    expect(at(csc, "G6")).toBe("Amber");
    expect(at(csc, "D5", "numberFormats")).toBe("General");
  });

  it("reads solid fills as #RRGGBB, including on cells with no value (colour-only ratings)", () => {
    const csc = sheetOf(result.grid, "Children's Social Care");
    expect(at(csc, "G5")).toBeNull();
    expect(at(csc, "G5", "fills")).toBe("#00B050");
    expect(at(csc, "G6", "fills")).toBeNull();
  });

  it("reads merged section headings: the box, the value in the top-left cell only", () => {
    const csc = sheetOf(result.grid, "Children's Social Care");
    expect(csc.merges).toEqual([{ top: 4, left: 1, bottom: 4, right: 8 }]);
    expect(at(csc, "A4")).toBe("Children in Need & those in need of protection");
    expect(at(csc, "B4")).toBeNull();
    expect(at(csc, "H4")).toBeNull();
    const survey = sheetOf(result.grid, "Annual Survey Findings");
    expect(survey.merges?.map((m) => [m.top, m.left, m.bottom, m.right])).toEqual([
      [5, 1, 5, 8],
      [7, 1, 7, 8],
      [14, 1, 14, 8],
    ]);
    expect(at(survey, "A5")).toBe("CIN/CP");
  });

  it("gives every layer the same row shape as the values", () => {
    for (const sheet of result.grid.sheets) {
      for (const layer of [sheet.texts, sheet.numberFormats, sheet.fills]) {
        expect(layer?.map((r) => r.length)).toEqual(sheet.values.map((r) => r.length));
      }
    }
  });

  it("finds no stored settings or snapshot in a workbook the add-in never saved", () => {
    expect(result.settings).toBeNull();
    expect(result.snapshot).toBeNull();
  });
});
