/**
 * The preview's writer puts the rating dropdown on each range as given: never two validations
 * over the same cell (Excel refuses overlapping validations; exceljs #2820 wrote G10:G17 and
 * G8:G17 for G8:G17, sorting cell addresses as strings).
 */
import { strFromU8, unzipSync } from "fflate";
import { writeXlsx, type WritableSheet } from "../../src/xlsx/write-xlsx";

function rangeCells(sqref: string): string[] {
  return sqref.split(" ").flatMap((area) => {
    const [from, to = from] = area.split(":");
    const parse = (a: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(a);
      if (!m) throw new Error(a);
      return { col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
    };
    const a = parse(from),
      b = parse(to);
    const cells: string[] = [];
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) cells.push(`${c}:${r}`);
    return cells;
  });
}

const rating = {
  source: "Red,Amber,Green",
  inCellDropDown: true,
  alertStyle: "Stop",
  errorTitle: "Rating",
  errorMessage: "Pick Red, Amber or Green.",
  promptTitle: "",
  promptMessage: "",
};

it("writes each validation range once, with no cell under two validations", async () => {
  const sheet: WritableSheet = {
    name: "Plan",
    visibility: "visible",
    origin: { row: 1, col: 1 },
    values: [["Ref"]],
    validations: [
      { ...rating, range: "G8:G17" },
      { ...rating, range: "H2:H3,H9:H12" },
    ],
  };
  const bytes = await writeXlsx({ sheets: [sheet] });
  const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
  const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
  expect(sqrefs.sort()).toEqual(["G8:G17", "H2:H3", "H9:H12"]);
  const cells = sqrefs.flatMap(rangeCells);
  expect(new Set(cells).size).toBe(cells.length);
  expect(cells).toHaveLength(10 + 2 + 4);
});
