/**
 * Reads an .xlsx file (bytes) into the engine's WorkbookGrid, plus the add-in's settings and
 * snapshot stored in the workbook: straight from the package parts (a zip of XML) to the grid,
 * streamed, with no workbook object model in between. No Node APIs: runs under Node (sdp-check,
 * which passes yauzl as the unzip) and in the browser (fflate). The unzip is always passed in, so
 * sdp-check never loads fflate; ./read-xlsx's readXlsx is the same with fflate as the default.
 *
 * Bounds (ReadOptions.limits, defaults in zip.ts DEFAULT_LIMITS): a part that declares or
 * inflates past 200 MB, parts together past 200 MB, more than 2,000,000 cells or 10,000 zip
 * entries are refused as "too-large" before more is read, so a zip bomb costs nothing.
 */
import type { SheetGrid, WorkbookGrid } from "../core/grid";
import { isStorageSheet, readStorage } from "../core/storage-layout";
import { themeFromXml } from "./colours";
import { XlsxReadError, sniffXlsx } from "./errors";
import { readRelationships, readSharedStrings, readStyles, readText, readWorkbookPart } from "./parts";
import { CellBudget, MIN_CELL_BYTES, SheetReader, refuseTooManyCells } from "./sheet";
import { ByteBudget, parsePart } from "./xml";
import { DEFAULT_LIMITS, type ReadLimits, type Unzip, type ZipArchive } from "./zip";

export interface XlsxWorkbook {
  grid: WorkbookGrid;
  /** The add-in's stored settings (raw JSON, validated by the caller), or null. */
  settings: unknown;
  /** The last stored snapshot (raw JSON, validated by the caller), or null. */
  snapshot: unknown;
  /** The ranges the add-in formatted (raw JSON), or null. */
  owned: unknown;
}

export interface ReadOptions {
  /** The unzip to use (./read-xlsx's default: fflate, whole entries; sdp-check passes yauzl, streaming). */
  unzip?: Unzip;
  limits?: Partial<ReadLimits>;
}

const WORKBOOK = "xl/workbook.xml";

function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

async function openArchive(bytes: Uint8Array, unzip: Unzip): Promise<ZipArchive> {
  try {
    return await unzip(bytes);
  } catch (cause) {
    if (cause instanceof XlsxReadError) throw cause;
    throw Object.assign(new XlsxReadError("damaged"), { cause });
  }
}

/** The part a workbook relationship of this type names, else the usual name. */
function partOfType(
  rels: Map<string, { target: string; type: string }>,
  type: string,
  usual: string,
): string | null {
  for (const rel of rels.values()) if (rel.type.endsWith(`/${type}`)) return rel.target;
  return usual;
}

/** Reads the workbook with the unzip given. */
export async function readXlsxWith(
  data: ArrayBuffer | Uint8Array,
  unzip: Unzip,
  options: Omit<ReadOptions, "unzip"> = {},
): Promise<XlsxWorkbook> {
  const bytes = toBytes(data);
  const problem = sniffXlsx(bytes);
  if (problem) throw new XlsxReadError(problem);
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const archive = await openArchive(bytes, unzip);
  if (archive.entries.size > limits.maxEntries) {
    throw new XlsxReadError(
      "too-large",
      `its zip holds more than ${limits.maxEntries.toLocaleString("en-GB")} entries (the limit)`,
    );
  }
  if (!archive.entries.has(WORKBOOK)) throw new XlsxReadError("not-xlsx");
  const budget = new ByteBudget(limits);
  const declared = (name: string | null) =>
    name !== null && archive.entries.has(name)
      ? [{ name, size: archive.entries.get(name)?.uncompressedSize ?? 0 }]
      : [];
  const relsName = "xl/_rels/workbook.xml.rels";
  budget.checkDeclared([...declared(WORKBOOK), ...declared(relsName)]);
  const rels = await readRelationships(archive, WORKBOOK, budget);
  const book = await readWorkbookPart(archive, WORKBOOK, budget);

  const stylesPart = partOfType(rels, "styles", "xl/styles.xml");
  const stringsPart = partOfType(rels, "sharedStrings", "xl/sharedStrings.xml");
  const themePart = partOfType(rels, "theme", "xl/theme/theme1.xml");
  const sheetParts: { name: string; visibility: SheetGrid["visibility"]; part: string }[] = [];
  for (const sheet of book.sheets) {
    const rel = rels.get(sheet.relId);
    // Chart, dialog and macro sheets hold no cells the engine reads.
    if (rel && !rel.type.endsWith("/worksheet") && rel.type !== "") continue;
    if (!rel || !archive.entries.has(rel.target)) throw new XlsxReadError("damaged");
    sheetParts.push({ name: sheet.name, visibility: sheet.visibility, part: rel.target });
  }
  if (sheetParts.length === 0) throw new XlsxReadError("not-xlsx");
  budget.checkDeclared([
    ...declared(stylesPart),
    ...declared(stringsPart),
    ...declared(themePart),
    ...sheetParts.flatMap((s) => declared(s.part)),
  ]);

  let theme = themeFromXml(undefined);
  if (themePart !== null && archive.entries.has(themePart)) {
    try {
      theme = themeFromXml(await readText(archive, themePart, budget));
    } catch (cause) {
      if (cause instanceof XlsxReadError) throw cause;
      throw Object.assign(new XlsxReadError("damaged"), { cause });
    }
  }
  const styles = await readStyles(archive, stylesPart, theme, budget);
  const strings = await readSharedStrings(archive, stringsPart, budget);

  const cells = new CellBudget(limits.maxCells);
  const context = { strings, styles, date1904: book.date1904, cells };
  const sheets: SheetGrid[] = [];
  let stored: Omit<XlsxWorkbook, "grid"> = { settings: null, snapshot: null, owned: null };
  for (const { name, visibility, part } of sheetParts) {
    // A part that could hold more cells than are left is counted (cheaply) before it is parsed.
    if (cells.wouldPass((archive.entries.get(part)?.uncompressedSize ?? 0) / MIN_CELL_BYTES)) {
      await refuseTooManyCells(archive, part, name, cells);
    }
    const reader = new SheetReader(name, visibility, context);
    await parsePart(archive, part, reader, budget);
    const sheet = reader.finish();
    if (isStorageSheet(sheet.name)) stored = readStorage(sheet);
    else sheets.push(sheet);
  }
  return { grid: { sheets, ...(book.date1904 ? { date1904: true } : {}) }, ...stored };
}
