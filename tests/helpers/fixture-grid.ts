/**
 * The fixture workbook tests/fixtures/sdp-2022-23.xlsx as a WorkbookGrid, laid out from
 * tests/fixtures/build/sdp-2022-23.data.json exactly as tests/fixtures/build/build.mjs does:
 * titles from row 1 (an empty title is a blank row), the header row, then each row (a section
 * row is merged across the eight columns), rating fills, date cells as Excel serials with their
 * number format and the text Excel shows; then the Notes tab.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { toExcelSerial } from "../../src/core/dates";

export const FIXTURE_DIR = join(__dirname, "..", "fixtures");

type DateCell = { date: string; numFmt: string };
type Cell = string | DateCell | undefined;
const FIELDS = ["why", "who", "does", "by", "how", "exp", "rag", "comments"] as const;

interface FixtureRow {
  section?: string;
  underline?: boolean;
  fill?: string;
  findings?: string[];
  expect?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface FixtureData {
  asOf: string;
  dueSoonDays: number;
  header: string[];
  fills: Record<string, string>;
  tabs: { name: string; titles: string[]; rows: FixtureRow[] }[];
  notes: { name: string; lines: string[] };
}

export function fixtureData(): FixtureData {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, "build", "sdp-2022-23.data.json"), "utf8")) as FixtureData;
}

export function fixtureExpected(): unknown {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, "sdp-2022-23.expected.json"), "utf8"));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** What Excel shows for a date cell in the fixture's three formats. */
function shownDate(iso: string, numFmt: string): string {
  const [y, m, d] = iso.split("-") as [string, string, string];
  const mon = MONTHS[Number(m) - 1] ?? "";
  if (numFmt === "mmm-yy") return `${mon}-${y.slice(2)}`;
  if (numFmt === "dd-mmm-yy") return `${d}-${mon}-${y.slice(2)}`;
  return `${d}/${m}/${y}`;
}

function isDateCell(v: unknown): v is DateCell {
  return typeof v === "object" && v !== null && "date" in v && "numFmt" in v;
}

/** One plan tab of the fixture. */
function planTab(data: FixtureData, tab: FixtureData["tabs"][number]): SheetGrid {
  const values: CellValue[][] = [];
  const texts: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  const merges: SheetGrid["merges"] = [];
  const blank = (): void => {
    values.push(FIELDS.map(() => null));
    texts.push(FIELDS.map(() => null));
    formats.push(FIELDS.map(() => null));
    fills.push(FIELDS.map(() => null));
  };
  const last = <T>(a: T[][]): T[] => a[a.length - 1];
  for (const t of tab.titles) {
    blank();
    if (t) last(values)[0] = t;
  }
  blank();
  data.header.forEach((h, i) => (last(values)[i] = h));
  for (const row of tab.rows) {
    blank();
    const r = values.length;
    if (row.section) {
      last(values)[0] = row.section;
      merges.push({ top: r, left: 1, bottom: r, right: FIELDS.length });
      continue;
    }
    FIELDS.forEach((f, i) => {
      const v = row[f] as Cell;
      if (isDateCell(v)) {
        last(values)[i] = toExcelSerial(v.date);
        last(formats)[i] = v.numFmt;
        last(texts)[i] = shownDate(v.date, v.numFmt);
      } else if (v) {
        last(values)[i] = v;
      }
    });
    if (row.fill) {
      const argb = data.fills[row.fill] ?? "";
      last(fills)[FIELDS.indexOf("rag")] = `#${argb.slice(2).toUpperCase()}`;
    }
  }
  return {
    name: tab.name,
    visibility: "visible",
    origin: { row: 1, col: 1 },
    values,
    texts,
    numberFormats: formats,
    fills,
    merges,
  };
}

/** The whole fixture workbook: the four plan tabs and the Notes tab. */
export function fixtureGrid(): WorkbookGrid {
  const data = fixtureData();
  const sheets = data.tabs.map((tab) => planTab(data, tab));
  sheets.push({
    name: data.notes.name,
    visibility: "visible",
    origin: { row: 1, col: 1 },
    values: data.notes.lines.map((l) => [l]),
  });
  return { sheets };
}
