/**
 * Deterministic (seeded) generator of realistic Service Development Plan workbooks, for the
 * benchmarks only. A plan of N actions is laid out as a team keeps it in Excel:
 *
 *   - many tabs (one per service area), each with title rows ("Service Development Plan
 *     2022-23", "Date for review: July 2022"), a blank row, then several plan tables;
 *   - each table: a section heading directly above its header row, the 8-column header of the
 *     real plan (Why? / Who? / Does what? / By when? / How will we know it has been done? /
 *     What will be the experience of children? / RAG rated / Comments on progress, with a few
 *     header variants), then sections of 25-40 actions under merged headings;
 *   - a mix of deadlines: Excel date cells (mmm-yy, dd/mm/yyyy, dd-mmm-yy), month texts,
 *     day texts, ranges, quarters, seasons, year end, milestones, recurring, complete, tbc,
 *     unparsed and empty cells;
 *   - ratings as text (some odd: "green ", "G", "On track", "?"), as fill colour only, or none;
 *     empty owners, empty evidence, continuation rows (empty Why?, sometimes merged down);
 *   - plus a hidden tab and a free-text "Notes" tab (both skipped by the engine).
 *
 * The cell texts are the real plan's (tests/fixtures/build/sdp-2022-23.data.json), varied.
 * Output: a WorkbookGrid (what an adapter hands the engine: values, texts, number formats,
 * fills, merges) and, on request, the same workbook as an .xlsx (exceljs) under
 * tests/artifacts/bench/ for the command-line figures.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { CellBox, CellValue, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { MONTH_NAMES, SHORT_MONTH_NAMES } from "../../src/core/month-names";
import { STANDARD_HEADER } from "../engine/grid-builder";

export const GENERATOR_VERSION = 1;
export const BENCH_AS_OF = "2022-07-15";
export const ARTIFACTS = path.resolve(__dirname, "../artifacts/bench");

export interface GenerateOptions {
  /** Number of actions (rows the engine counts as actions) across the workbook. */
  actions: number;
  seed?: number;
  /** Number of plan tabs (default: scales with the size, 4 to 40). */
  tabs?: number;
}

export interface GeneratedPlan {
  grid: WorkbookGrid;
  actions: number;
  planTabs: number;
  tables: number;
  sections: number;
  cells: number;
  /** Every action row, per plan tab (1-based Excel rows): to pick rows to edit. */
  actionRows: Record<string, number[]>;
  /** How many actions got each kind of deadline cell (by what the generator wrote). */
  deadlineMix: Record<string, number>;
  ratingMix: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// seeded randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rand {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T extends string>(weights: Record<T, number>): T {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [k, w] of entries) {
      x -= w;
      if (x < 0) return k;
    }
    return entries[entries.length - 1][0];
  }
}

// ---------------------------------------------------------------------------------------------
// cell texts (the real plan's, from the fixture data file)

interface Pools {
  why: string[];
  who: string[];
  does: string[];
  how: string[];
  exp: string[];
  comments: string[];
}

let poolsCache: Pools | null = null;

function pools(): Pools {
  if (poolsCache) return poolsCache;
  const file = path.resolve(__dirname, "../fixtures/build/sdp-2022-23.data.json");
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as { tabs: { rows: Record<string, unknown>[] }[] };
  const p: Pools = { why: [], who: [], does: [], how: [], exp: [], comments: [] };
  for (const tab of data.tabs) {
    for (const row of tab.rows) {
      for (const k of Object.keys(p) as (keyof Pools)[]) {
        const v = row[k];
        if (typeof v === "string" && v.trim() && !p[k].includes(v)) p[k].push(v);
      }
    }
  }
  p.who.push(
    "Service Manager",
    "Team Manager, Assessment",
    "Principal Social Worker",
    "Participation Officer",
    "Lead\nofficer for QA",
  );
  poolsCache = p;
  return p;
}

const SERVICE_AREAS = [
  "Early Help",
  "Children's Social Care",
  "Children in Care & Care Leavers",
  "Annual Survey Findings",
  "Fostering",
  "Adoption",
  "Youth Justice",
  "SEND & Disabled Children",
  "MASH & Front Door",
  "Edge of Care",
  "Family Hubs",
  "Workforce",
  "Quality Assurance",
  "Participation",
  "Virtual School",
  "Private Fostering",
  "UASC",
  "Exploitation & Missing",
  "Domestic Abuse",
  "Short Breaks",
];

const SECTION_NAMES = [
  "CIN/CP",
  "Care Leavers",
  "BLACK LIVES MATTER",
  "Priority: 1 Referral Pathways",
  "Priority: 2 Quality of Practice",
  "Priority: 3 Voice of the Child",
  "Children in Need & those in need of protection",
  "Training and Development",
  "Placements and Sufficiency",
  "Partnership Working",
  "Recording and Management Oversight",
  "Health and Wellbeing",
];

const HEADER = STANDARD_HEADER;
// Header variants seen in councils' plans (each still names the same roles).
const HEADER_VARIANTS: string[][] = [
  HEADER,
  [
    "Specific aim: Training and Development",
    "Lead\nofficer:",
    "Action",
    "Deadline",
    "Measure/outcome",
    "Impact on children",
    "RAG status",
    "Progress update",
  ],
  [
    "Why",
    "Who",
    "Does What?",
    "By When?",
    "How will we know it has been done?",
    "What will be the experience of children?",
    "RAG",
    "Comments",
  ],
];

const MONTHS = SHORT_MONTH_NAMES;
/** Month words as plans write them in deadlines ("Sept" for September, as many do). */
const MONTH_WORDS = MONTH_NAMES.map((m) => (m === "September" ? "Sept" : m));

type DeadlineCase =
  | "cell-mmm-yy"
  | "cell-dd/mm/yyyy"
  | "cell-dd-mmm-yy"
  | "text-month"
  | "text-day"
  | "range"
  | "quarter"
  | "season"
  | "year-end"
  | "milestones"
  | "recurring"
  | "complete"
  | "tbc"
  | "unparsed"
  | "missing";

const DEADLINE_WEIGHTS: Record<DeadlineCase, number> = {
  "cell-mmm-yy": 12,
  "cell-dd/mm/yyyy": 10,
  "cell-dd-mmm-yy": 5,
  "text-month": 15,
  "text-day": 10,
  range: 8,
  quarter: 4,
  season: 3,
  "year-end": 2,
  milestones: 6,
  recurring: 7,
  complete: 6,
  tbc: 4,
  unparsed: 4,
  missing: 4,
};

type RatingCase = "text" | "odd-text" | "invalid" | "fill" | "fill-pastel" | "none";
const RATING_WEIGHTS: Record<RatingCase, number> = {
  text: 45,
  "odd-text": 8,
  invalid: 2,
  fill: 22,
  "fill-pastel": 5,
  none: 18,
};

const RATING_TEXTS = ["Green", "Green", "Amber", "Red", "Blue", "G", "A", "R", "B", "complete", "Completed"];
const ODD_RATING_TEXTS = ["green ", " Amber", "RED", "On track", "At risk", "Off track", "Done", "Orange"];
const INVALID_RATING_TEXTS = ["?", "Grey", "tbc", "n/k"];
const FILLS = ["#FF0000", "#FFC000", "#00B050", "#0070C0", "#92D050", "#FFFF00"];
const PASTEL_FILLS = ["#FFC7CE", "#FFEB9C", "#C6EFCE", "#BDD7EE", "#F4B084", "#D9D9D9", "#FFFFFF"];

/** Excel serial (days since 1899-12-30) of a UTC calendar day. */
function excelSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

interface DueCellOut {
  value: CellValue;
  text: string | null;
  format: string;
}

function deadlineCell(r: Rand, kind: DeadlineCase): DueCellOut {
  // Dates from April 2021 to March 2024 (most within the 2022-23 plan year).
  const y = r.weighted({ "2021": 2, "2022": 6, "2023": 3 });
  const year = Number(y);
  const month = year === 2023 ? r.int(1, 12) : year === 2021 ? r.int(4, 12) : r.int(1, 12);
  const day = r.int(1, 28);
  const yy = pad2(year % 100);
  const text = (t: string): DueCellOut => ({ value: t, text: t, format: "General" });
  switch (kind) {
    case "cell-mmm-yy":
      return { value: excelSerial(year, month, 1), text: `${MONTHS[month - 1]}-${yy}`, format: "mmm-yy" };
    case "cell-dd/mm/yyyy":
      return {
        value: excelSerial(year, month, day),
        text: `${pad2(day)}/${pad2(month)}/${year}`,
        format: "dd/mm/yyyy",
      };
    case "cell-dd-mmm-yy":
      return {
        value: excelSerial(year, month, day),
        text: `${pad2(day)}-${MONTHS[month - 1]}-${yy}`,
        format: "dd-mmm-yy",
      };
    case "text-month":
      return text(
        r.pick([
          `end ${MONTH_WORDS[month - 1]} ${year}`,
          `by ${MONTH_WORDS[month - 1]} ${year}`,
          `${MONTHS[month - 1]}-${yy}`,
          `${MONTH_WORDS[month - 1]} ${yy}`,
          `end ${MONTH_WORDS[month - 1]}`,
        ]),
      );
    case "text-day":
      return text(
        r.pick([
          `${pad2(day)}/${pad2(month)}/${year}`,
          `${pad2(day)}-${MONTHS[month - 1]}-${yy}`,
          `${day} ${MONTHS[month - 1]} ${year}`,
          `${year}-${pad2(month)}-${pad2(day)}`,
          `${pad2(day)}.${pad2(month)}.${yy}`,
          `w/c ${day} ${MONTH_WORDS[month - 1]} ${year}`,
        ]),
      );
    case "range": {
      const first = r.int(1, 9);
      const last = first + r.int(1, 3);
      return text(
        r.pick([
          `${MONTH_WORDS[first - 1]} - ${MONTH_WORDS[last - 1]} ${year}`,
          `${MONTH_WORDS[first - 1]}-${MONTH_WORDS[last - 1]}`,
          `${MONTHS[first - 1]}-${MONTHS[last - 1]} ${year}`,
        ]),
      );
    }
    case "quarter":
      return text(
        r.pick([`Q${r.int(1, 4)} 2022/23`, `Q${r.int(1, 4)}`, `by the end of Quarter ${r.int(1, 4)}`]),
      );
    case "season":
      return text(r.pick([`Summer ${year}`, "Spring", `Autumn ${year}`, "Winter"]));
    case "year-end":
      return text(r.pick(["end of financial year", "year end", "Year end"]));
    case "milestones": {
      const m1 = r.int(4, 9);
      const m2 = m1 + r.int(1, 3);
      return text(`First by ${MONTH_WORDS[m1 - 1]} 2022. Second by ${MONTH_WORDS[m2 - 1]} 2022`);
    }
    case "recurring":
      return text(r.pick(["Weekly.", "Monthly", "Quarterly", "Ongoing", "Each meeting", "ongoing"]));
    case "complete":
      return text(r.pick(["complete", "Completed", "Done", "Achieved"]));
    case "tbc":
      return text(r.pick(["TBC", "TBA", "-", "n/a"]));
    case "unparsed":
      return text(
        r.pick([
          "when funding allows",
          "Following recruitment",
          "after the Ofsted visit",
          "as soon as possible",
          "Phase 2",
        ]),
      );
    case "missing":
      return { value: null, text: null, format: "General" };
  }
}

// ---------------------------------------------------------------------------------------------
// layout

interface SheetBuilder {
  values: CellValue[][];
  texts: (string | null)[][];
  numberFormats: (string | null)[][];
  fills: (string | null)[][];
  merges: CellBox[];
}

const WIDTH = 8;

function newRow(b: SheetBuilder): number {
  b.values.push(new Array<CellValue>(WIDTH).fill(null));
  b.texts.push(new Array<string | null>(WIDTH).fill(null));
  b.numberFormats.push(new Array<string | null>(WIDTH).fill("General"));
  b.fills.push(new Array<string | null>(WIDTH).fill(null));
  return b.values.length; // 1-based row (origin A1)
}

function setText(b: SheetBuilder, row: number, col: number, text: string): void {
  b.values[row - 1][col - 1] = text;
  b.texts[row - 1][col - 1] = text;
}

function sheetName(i: number): string {
  const base = SERVICE_AREAS[i % SERVICE_AREAS.length];
  const round = Math.floor(i / SERVICE_AREAS.length);
  if (round === 0) return base;
  const suffix = ` ${round + 1}`;
  return `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`; // Excel: at most 31 characters, unique
}

/** Splits `total` into `parts` near-equal positive integers. */
function split(total: number, parts: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < parts; i++)
    out.push(Math.floor(((i + 1) * total) / parts) - Math.floor((i * total) / parts));
  return out;
}

function defaultTabs(actions: number): number {
  return Math.min(40, Math.max(4, Math.ceil(actions / 500)));
}

export function generatePlan(options: GenerateOptions): GeneratedPlan {
  const seed = options.seed ?? 20220715;
  const r = new Rand(seed);
  const P = pools();
  const planTabs = Math.max(1, options.tabs ?? defaultTabs(options.actions));
  const perTab = split(options.actions, planTabs);
  const sheets: SheetGrid[] = [];
  const actionRows: Record<string, number[]> = {};
  const deadlineMix: Record<string, number> = {};
  const ratingMix: Record<string, number> = {};
  let tables = 0;
  let sections = 0;
  let cells = 0;
  let serial = 0;

  for (let t = 0; t < planTabs; t++) {
    const name = sheetName(t);
    const b: SheetBuilder = { values: [], texts: [], numberFormats: [], fills: [], merges: [] };
    const rows: number[] = [];
    actionRows[name] = rows;
    // title rows, then a blank row (a title separated by a blank row is not a section)
    setText(b, newRow(b), 1, "Service Development Plan 2022-23");
    setText(b, newRow(b), 1, `Children's Social Care & Early Help: ${name}`);
    setText(b, newRow(b), 1, "Author: Head of Service");
    setText(b, newRow(b), 1, "Date for review: July 2022");
    newRow(b);

    // sections of 25-40 actions, grouped 1-4 per table
    let left = perTab[t];
    let firstTable = true;
    while (left > 0) {
      if (!firstTable) newRow(b); // a blank row between tables
      firstTable = false;
      tables++;
      const sectionsInTable = r.int(1, 4);
      const header = t === 0 && tables === 1 ? HEADER : r.chance(0.8) ? HEADER : r.pick(HEADER_VARIANTS);
      for (let s = 0; s < sectionsInTable && left > 0; s++) {
        const size = Math.min(left, r.int(25, 40));
        left -= size;
        sections++;
        // the first section heading stands directly above the header row; later ones inside the table
        const heading = newRow(b);
        setText(
          b,
          heading,
          1,
          `${r.pick(SECTION_NAMES)}${sections > SECTION_NAMES.length ? ` (${sections})` : ""}`,
        );
        b.merges.push({ top: heading, left: 1, bottom: heading, right: WIDTH });
        if (s === 0) {
          const h = newRow(b);
          header.forEach((text, i) => setText(b, h, i + 1, text));
        }
        let reasonRow = 0;
        for (let k = 0; k < size; k++) {
          const row = newRow(b);
          rows.push(row);
          serial++;
          // Why? (20% continuation rows: empty reason, sometimes merged down from the row above)
          const continuation = k > 0 && r.chance(0.2);
          if (!continuation) {
            setText(b, row, 1, r.pick(P.why));
            reasonRow = row;
          } else if (r.chance(0.5) && reasonRow > 0) {
            const last = b.merges[b.merges.length - 1];
            if (last && last.left === 1 && last.right === 1 && last.top === reasonRow) last.bottom = row;
            else b.merges.push({ top: reasonRow, left: 1, bottom: row, right: 1 });
          }
          if (!r.chance(0.05)) setText(b, row, 2, r.pick(P.who));
          setText(b, row, 3, `${r.pick(P.does)}${r.chance(0.97) ? ` [${serial}]` : ""}`);
          const dk = r.weighted(DEADLINE_WEIGHTS);
          deadlineMix[dk] = (deadlineMix[dk] ?? 0) + 1;
          const due = deadlineCell(r, dk);
          b.values[row - 1][3] = due.value;
          b.texts[row - 1][3] = due.text;
          b.numberFormats[row - 1][3] = due.format;
          if (!r.chance(0.06)) setText(b, row, 5, r.pick(P.how));
          if (r.chance(0.85)) setText(b, row, 6, r.pick(P.exp));
          const rk = r.weighted(RATING_WEIGHTS);
          ratingMix[rk] = (ratingMix[rk] ?? 0) + 1;
          if (rk === "text") setText(b, row, 7, r.pick(RATING_TEXTS));
          else if (rk === "odd-text") setText(b, row, 7, r.pick(ODD_RATING_TEXTS));
          else if (rk === "invalid") setText(b, row, 7, r.pick(INVALID_RATING_TEXTS));
          else if (rk === "fill") b.fills[row - 1][6] = r.pick(FILLS);
          else if (rk === "fill-pastel") b.fills[row - 1][6] = r.pick(PASTEL_FILLS);
          if (r.chance(0.6)) {
            const c = r.pick(P.comments);
            setText(b, row, 8, r.chance(0.08) ? `Complete - ${c}` : c);
          }
        }
      }
    }
    cells += b.values.length * WIDTH;
    sheets.push({
      name,
      visibility: "visible",
      origin: { row: 1, col: 1 },
      values: b.values,
      texts: b.texts,
      numberFormats: b.numberFormats,
      fills: b.fills,
      merges: b.merges,
    });
  }

  // a hidden working tab (a plan table, but hidden: skipped) and a free-text notes tab (no header: skipped)
  const hidden: SheetBuilder = { values: [], texts: [], numberFormats: [], fills: [], merges: [] };
  const hh = newRow(hidden);
  HEADER.forEach((text, i) => setText(hidden, hh, i + 1, text));
  for (let k = 0; k < 20; k++) setText(hidden, newRow(hidden), 3, `Old action ${k + 1}`);
  sheets.push({ name: "Old plan (hidden)", visibility: "hidden", origin: { row: 1, col: 1 }, ...hidden });
  const notes: SheetBuilder = { values: [], texts: [], numberFormats: [], fills: [], merges: [] };
  for (const line of [
    "Notes",
    "RAG: Blue = complete, Green = on track, Amber = at risk, Red = off track.",
    "Progress on the plan from our Self Evaluation is reviewed at the Early Help Sub Committee.",
  ])
    setText(notes, newRow(notes), 1, line);
  sheets.push({ name: "Notes", visibility: "visible", origin: { row: 1, col: 1 }, ...notes });
  cells += (hidden.values.length + notes.values.length) * WIDTH;

  return {
    grid: { sheets },
    actions: serial,
    planTabs,
    tables,
    sections,
    cells,
    actionRows,
    deadlineMix,
    ratingMix,
  };
}

// ---------------------------------------------------------------------------------------------
// .xlsx (exceljs), cached under tests/artifacts/bench/

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Writes the generated workbook as an .xlsx file with exceljs (date cells as dates with their number format, fills, merges, hidden tabs). */
export async function writePlanXlsx(plan: GeneratedPlan, file: string): Promise<void> {
  const ExcelJS = require("exceljs") as typeof import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "SDP Assistant benchmarks";
  wb.created = wb.modified = new Date(Date.UTC(2022, 3, 1, 9));
  for (const sheet of plan.grid.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility });
    ws.columns = [30, 18, 42, 16, 42, 40, 11, 44].map((width) => ({ width }));
    sheet.values.forEach((cells, i) => {
      const rowNo = sheet.origin.row + i;
      const row = ws.getRow(rowNo);
      cells.forEach((v, j) => {
        const fmt = sheet.numberFormats?.[i]?.[j] ?? "General";
        const fill = sheet.fills?.[i]?.[j] ?? null;
        if (v === null && !fill) return;
        const cell = row.getCell(sheet.origin.col + j);
        if (typeof v === "number" && fmt !== "General") {
          cell.value = new Date(EXCEL_EPOCH + v * 86400000);
          cell.numFmt = fmt;
        } else if (v !== null) {
          cell.value = v;
        }
        if (fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill.slice(1)}` } };
      });
    });
    for (const m of sheet.merges ?? []) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await wb.xlsx.writeFile(tmp);
  fs.renameSync(tmp, file);
}

/** The .xlsx of a generated plan of `actions` actions, written once and reused (named by size, seed and generator version). */
export async function planXlsxFile(
  actions: number,
  seed = 20220715,
): Promise<{ file: string; plan: GeneratedPlan }> {
  const plan = generatePlan({ actions, seed });
  const file = path.join(ARTIFACTS, `plan-${actions}-s${seed}-v${GENERATOR_VERSION}.xlsx`);
  if (!fs.existsSync(file)) await writePlanXlsx(plan, file);
  return { file, plan };
}
