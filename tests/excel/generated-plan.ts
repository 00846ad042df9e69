/** A generated plan workbook: `tabs` tabs of `perTab` actions each, with the usual eight columns. */
import type { CellValue, SheetGrid, WorkbookGrid } from "../../src/core/grid";

export const HEADER = [
  "Why?",
  "Who?",
  "Does what?",
  "By when?",
  "How will we know it has been done?",
  "What will be the experience of children?",
  "RAG rated",
  "Comments on progress",
];
const RATINGS = ["Green", "Amber", "Red", "Blue", "", "G"];
const DUES: CellValue[] = ["May-22", "end Sept 2022", 44742, "Q3 2022/23", "Ongoing", "TBC"];

export function generatedPlan(tabs: number, perTab: number): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  for (let t = 0; t < tabs; t++) {
    const values: CellValue[][] = [["Service Development Plan 2022-23"], [], HEADER];
    const numberFormats: (string | null)[][] = [["General"], [], HEADER.map(() => "General")];
    for (let i = 0; i < perTab; i++) {
      const due = DUES[i % DUES.length];
      values.push([
        `Aim ${i % 40}`,
        i % 17 === 0 ? null : `Lead ${i % 9}`,
        `Action ${t}-${i}: run the session`,
        due,
        `KPI ${i % 5}`,
        "Children are heard",
        RATINGS[i % RATINGS.length] || null,
        i % 3 === 0 ? "On track" : null,
      ]);
      numberFormats.push(
        HEADER.map((_, c) => (c === 3 && typeof due === "number" ? "dd/mm/yyyy" : "General")),
      );
    }
    sheets.push({
      name: `Area ${t + 1}`,
      visibility: "visible",
      origin: { row: 1, col: 1 },
      values,
      numberFormats,
    });
  }
  return { sheets };
}
