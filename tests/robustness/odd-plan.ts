/**
 * One plan tab full of odd content, described once and rendered three ways: as the engine's
 * grid, as an .xlsx file built with exceljs (error cells, rich text, formulas with cached
 * results, merges, fills) and as the in-memory Excel. The robustness tests check that all three
 * paths read it the same way and that each odd cell gets a sensible reading.
 */
import { Workbook } from "exceljs";
import type { CellBox, CellValue, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { toExcelSerial } from "../../src/core/dates";

/** One cell: its value plus how the .xlsx file should store it. */
interface OddCell {
  v: CellValue;
  fmt?: string;
  fill?: string;
  /** Stored as an Excel error cell ({ error }) in the .xlsx. */
  error?: boolean;
  /** Stored as rich text runs in the .xlsx (split on "|"), read back as their concatenation. */
  rich?: string[];
  /** Stored as a formula with `v` as its cached result. */
  formula?: string;
}

type Spec = CellValue | OddCell;

export const SHEET = "Cymorth Cynnar's Plan";
export const AS_OF = "2022-07-15";
export const LONG = `${"Mae'r tîm yn cyfarfod bob wythnos. ".repeat(1200)}`.slice(0, 39_997) + "END";
export const BREAKS = "First line\nSecond line\n\nFourth line after a blank";

const date = (iso: string, fmt: string): OddCell => ({ v: toExcelSerial(iso), fmt });

/** Header words in odd case, spacing and punctuation: every one still names its role. */
const ODD_HEADER: Spec[] = [
  "  WHY ?  ",
  "lead\n   OFFICER:",
  "does  what",
  "By When?*",
  "how will we know it has been done",
  "Impact on children",
  "rag   RATED",
  "Comments on progress:",
];

/** [row offset from the first action, expected owner/action/etc. are asserted in the tests]. */
export const ACTIONS: { name: string; cells: Spec[] }[] = [
  { name: "number owner", cells: ["Aim", 42, "A number as owner", "31/08/2022", "KPI", "", "Green", "ok"] },
  { name: "boolean owner", cells: ["", true, "A boolean as owner", "31/08/2022", "KPI", "", "Green", "ok"] },
  {
    name: "emoji owner",
    cells: ["", "👩‍👧‍👦 Family Hub 🌈", "Emoji owner 🚸", "31/08/2022", "KPI", "", "Green", "ok"],
  },
  {
    name: "welsh",
    cells: [
      "Gwella",
      "Arweinydd Cymorth Cynnar",
      "Datblygu'r gwasanaeth i blant a theuluoedd – ŵ ŷ",
      "end Sept 2022",
      "Adroddiad",
      "",
      "Gwyrdd",
      "",
    ],
  },
  {
    name: "polish",
    cells: [
      "",
      "Zażółć gęślą jaźń",
      "Zespół ds. rodzin – łączność",
      "Q3 2022/23",
      "Raport",
      "",
      "Amber",
      "W toku",
    ],
  },
  { name: "arabic", cells: ["", "مدير الخدمة", "تحسين الخدمات للأطفال", "Summer 2022", "تقرير", "", "", ""] },
  { name: "chinese", cells: ["", "负责人", "改善儿童服务", "April - July 2022", "报告", "", "R", ""] },
  {
    name: "ref due",
    cells: [
      "",
      "EH Lead",
      "Due cell lost its reference",
      { v: "#REF!", error: true },
      "KPI",
      "",
      "Green",
      "ok",
    ],
  },
  {
    name: "na rating",
    cells: [
      "",
      "EH Lead",
      "Rating looked up and not found",
      "31/03/2023",
      "KPI",
      "",
      { v: "#N/A", error: true },
      "ok",
    ],
  },
  {
    name: "value everywhere",
    cells: [
      { v: "#VALUE!", error: true },
      { v: "#VALUE!", error: true },
      "Errors in every other column",
      { v: "#VALUE!", error: true },
      { v: "#VALUE!", error: true },
      { v: "#VALUE!", error: true },
      { v: "#VALUE!", error: true },
      { v: "#VALUE!", error: true },
    ],
  },
  { name: "boolean rating", cells: ["", "EH Lead", "Rating is TRUE", "31/03/2023", "KPI", "", true, "ok"] },
  { name: "number rating", cells: ["", "EH Lead", "Rating is a number", "31/03/2023", "KPI", "", 3, "ok"] },
  {
    name: "serial day",
    cells: [
      "",
      "EH Lead",
      "Due as an Excel date",
      date("2022-09-30", "dd/mm/yyyy"),
      "KPI",
      "",
      "Green",
      "ok",
    ],
  },
  {
    name: "serial month",
    cells: ["", "EH Lead", "Due as an Excel month", date("2022-06-01", "mmm-yy"), "KPI", "", "Green", "ok"],
  },
  {
    name: "bare serial",
    cells: ["", "EH Lead", "Due as a number without a format", 44800, "KPI", "", "Amber", "ok"],
  },
  {
    name: "formula",
    cells: [
      "",
      { v: "EH Lead", formula: '"EH "&"Lead"' },
      "Due and rating are formulas",
      { v: toExcelSerial("2022-07-31"), fmt: "dd/mm/yyyy", formula: "DATE(2022,7,31)" },
      "KPI",
      "",
      { v: "Green", formula: 'IF(TRUE,"Green","Red")' },
      "ok",
    ],
  },
  {
    name: "rich text",
    cells: [
      "",
      "EH Lead",
      { v: "Strengthening Families plan", rich: ["Strengthening ", "Families", " plan"] },
      "31/03/2023",
      "KPI",
      "",
      "Blue",
      "done",
    ],
  },
  { name: "long and broken", cells: ["", "EH Lead", BREAKS, "Weekly.", LONG, "", "Green", LONG] },
  {
    name: "colour only",
    cells: ["", "EH Lead", "Rated by colour only", "TBC", "KPI", "", { v: null, fill: "#FF0000" }, "stuck"],
  },
  { name: "text dates 1", cells: ["", "EH Lead", "Due 01/06/2020", "01/06/2020", "KPI", "", "Red", "late"] },
  { name: "text dates 2", cells: ["", "EH Lead", "Due 01-May-22", "01-May-22", "KPI", "", "", ""] },
  { name: "text dates 3", cells: ["", "EH Lead", "Due 2022-09-30", "2022-09-30", "KPI", "", "", ""] },
  { name: "text dates 4", cells: ["", "EH Lead", "Due 30.09.22", "30.09.22", "KPI", "", "", ""] },
  {
    name: "text dates 5",
    cells: ["", "EH Lead", "Due w/c 12 Sept 2022", "w/c 12 Sept 2022", "KPI", "", "", ""],
  },
  { name: "text dates 6", cells: ["", "EH Lead", "Due May-22", "May-22", "KPI", "", "", ""] },
  {
    name: "text dates 7",
    cells: ["", "EH Lead", "Due by December 2022", "by December 2022", "KPI", "", "", ""],
  },
  { name: "text dates 8", cells: ["", "EH Lead", "Due end June", "end June", "KPI", "", "", ""] },
  {
    name: "text dates 9",
    cells: ["", "EH Lead", "Due by the end of Quarter 4", "by the end of Quarter 4", "KPI", "", "", ""],
  },
  { name: "text dates 10", cells: ["", "EH Lead", "Due Jan-Mar 2023", "Jan-Mar 2023", "KPI", "", "", ""] },
  {
    name: "text dates 11",
    cells: [
      "",
      "EH Lead",
      "Two milestones",
      "First by July 2022. Second by December 2022",
      "KPI",
      "",
      "",
      "",
    ],
  },
  {
    name: "text dates 12",
    cells: ["", "EH Lead", "Due end of financial year", "end of financial year", "KPI", "", "", ""],
  },
  {
    name: "text dates 13",
    cells: ["", "EH Lead", "Completed in May", "Completed 12 May 2022", "KPI", "", "", ""],
  },
  { name: "text dates 14", cells: ["", "EH Lead", "Due 31 Aug 2022", "31 Aug 2022", "KPI", "", "", ""] },
  { name: "text dates 15", cells: ["", "EH Lead", "Due Sept 22", "Sept 22", "KPI", "", "", ""] },
  { name: "text dates 16", cells: ["", "EH Lead", "Due Spring", "Spring", "KPI", "", "", ""] },
  {
    name: "unparsed",
    cells: ["", "EH Lead", "When funding allows", "when funding allows", "KPI", "", "", ""],
  },
];

/** The expected due date (or kind) of the text-date actions, as §2 reads them in a 2022-23 plan. */
export const EXPECTED_DUES: Record<string, [kind: string, due: string | null]> = {
  "Due 01/06/2020": ["date", "2020-06-01"],
  "Due 01-May-22": ["date", "2022-05-01"],
  "Due 2022-09-30": ["date", "2022-09-30"],
  "Due 30.09.22": ["date", "2022-09-30"],
  "Due w/c 12 Sept 2022": ["date", "2022-09-12"],
  "Due May-22": ["date", "2022-05-31"],
  "Due by December 2022": ["date", "2022-12-31"],
  "Due end June": ["date", "2022-06-30"],
  "Due by the end of Quarter 4": ["date", "2023-03-31"],
  "Due Jan-Mar 2023": ["range", "2023-03-31"],
  "Two milestones": ["milestones", "2022-12-31"],
  "Due end of financial year": ["date", "2023-03-31"],
  "Completed in May": ["complete", null],
  "Due 31 Aug 2022": ["date", "2022-08-31"],
  "Due Sept 22": ["date", "2022-09-30"],
  "Due Spring": ["date", "2022-05-31"],
  "When funding allows": ["unparsed", null],
  "Due as an Excel date": ["date", "2022-09-30"],
  "Due as an Excel month": ["date", "2022-06-30"],
  "Due as a number without a format": ["date", "2022-08-27"],
  "Due and rating are formulas": ["date", "2022-07-31"],
};

/** Rows of the second table on the same tab (other header words; its first header cell is covered by a merge). */
const SECOND_HEADER: Spec[] = [
  null,
  "Responsible officer",
  "Task",
  "Deadline",
  "Measure",
  "",
  "RAG status",
  "Update",
];
const SECOND_ACTIONS: Spec[][] = [
  ["", "Second table lead", "An action of the second table", "31/12/2022", "KPI", "", "Green", "ok"],
  ["", "", "Second table action with no owner", "Ongoing", "KPI", "", "G", "ok"],
];

const TITLES: Spec[][] = [["Service Development Plan 2022-23"], ["Date for review: 15/07/2022"], []];

function cellOf(spec: Spec): OddCell {
  return spec !== null && typeof spec === "object" ? spec : { v: spec };
}

export interface OddLayout {
  rows: Spec[][];
  /** 1-based row of the first header, the section heading, the merged reason's top, the second header. */
  header: number;
  section: number;
  firstAction: number;
  mergeTop: number;
  secondHeader: number;
  merges: CellBox[];
}

export function oddLayout(): OddLayout {
  const rows: Spec[][] = [...TITLES];
  rows.push(ODD_HEADER);
  const header = rows.length;
  rows.push(["CIN/CP – Plant mewn angen 🧒"]);
  const section = rows.length;
  const firstAction = rows.length + 1;
  for (const a of ACTIONS) rows.push(a.cells);
  // The last action's reason is merged down over a blank row and the second table's header cell.
  rows.push([
    "Reason merged across the tables",
    "EH Lead",
    "Last action of the first table",
    "31/10/2022",
    "KPI",
    "",
    "Green",
    "ok",
  ]);
  const mergeTop = rows.length;
  rows.push([]);
  rows.push(SECOND_HEADER);
  const secondHeader = rows.length;
  rows.push(...SECOND_ACTIONS);
  const merges: CellBox[] = [
    { top: section, left: 1, bottom: section, right: 8 },
    { top: mergeTop, left: 1, bottom: secondHeader, right: 1 },
  ];
  return { rows, header, section, firstAction, mergeTop, secondHeader, merges };
}

/** The odd tab (plus a hidden tab and a notes tab) as the engine's grid. */
export function oddGrid(): WorkbookGrid {
  const layout = oddLayout();
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  for (const row of layout.rows) {
    const cells = row.map(cellOf);
    values.push(cells.map((c) => (c.v === "" ? null : c.v)));
    numberFormats.push(cells.map((c) => c.fmt ?? (c.v === null || c.v === "" ? null : "General")));
    fills.push(cells.map((c) => c.fill ?? null));
  }
  const plan: SheetGrid = {
    name: SHEET,
    visibility: "visible",
    origin: { row: 1, col: 1 },
    values,
    numberFormats,
    fills,
    merges: layout.merges,
  };
  return {
    sheets: [
      plan,
      {
        name: "Old plan",
        visibility: "hidden",
        origin: { row: 1, col: 1 },
        values: [
          ["Why?", "Who?", "Does what?"],
          ["r", "o", "hidden action"],
        ],
      },
      {
        name: "Nodiadau",
        visibility: "visible",
        origin: { row: 1, col: 1 },
        values: [["Notes only: 😀 نص ✓"]],
      },
    ],
  };
}

/** The same workbook as .xlsx bytes, with error cells, rich text, formulas and merges stored as Excel stores them. */
export async function oddXlsx(): Promise<Uint8Array> {
  const layout = oddLayout();
  const wb = new Workbook();
  const ws = wb.addWorksheet(SHEET);
  layout.rows.forEach((row, r) =>
    row.forEach((spec, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      const odd = cellOf(spec);
      if (odd.v !== null && odd.v !== "") {
        if (odd.error) cell.value = { error: odd.v } as never;
        else if (odd.rich)
          cell.value = {
            richText: odd.rich.map((text, i) => (i === 1 ? { text, font: { bold: true } } : { text })),
          };
        else if (odd.formula) cell.value = { formula: odd.formula, result: odd.v };
        else cell.value = odd.v;
      }
      if (odd.fmt) cell.numFmt = odd.fmt;
      if (odd.fill)
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${odd.fill.slice(1)}` } };
    }),
  );
  for (const m of layout.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  const hidden = wb.addWorksheet("Old plan", { state: "hidden" });
  hidden.addRow(["Why?", "Who?", "Does what?"]);
  hidden.addRow(["r", "o", "hidden action"]);
  wb.addWorksheet("Nodiadau").getCell("A1").value = "Notes only: 😀 نص ✓";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
