/**
 * The workbook-wide parts: relationships, workbook.xml (tabs, the date system), styles.xml
 * (number formats and fills per cell style), sharedStrings.xml and the theme's colours.
 * Each reads to plain data for the sheet reader (sheet.ts).
 */
import { resolveColour, type RawColour } from "./colours";
import { BUILT_IN_FORMATS } from "./number-formats";
import type { SheetVisibility } from "../core/grid";
import type { ByteBudget, XmlHandler } from "./xml";
import { parsePart } from "./xml";
import type { ZipArchive } from "./zip";

/** `_xHHHH_` escapes (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): "_x000D_" is a carriage return, "_x005F_" an underscore. */
export function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export interface Relationship {
  target: string;
  type: string;
}

/** A relationship's target as a zip entry name, relative to the part that names it. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

export async function readRelationships(
  archive: ZipArchive,
  part: string,
  budget: ByteBudget,
): Promise<Map<string, Relationship>> {
  const slash = part.lastIndexOf("/");
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const rels = new Map<string, Relationship>();
  if (!archive.entries.has(relsName)) return rels;
  await parsePart(
    archive,
    relsName,
    {
      open(name, a) {
        if (name === "Relationship" && a.Id && a.Target && a.TargetMode !== "External") {
          rels.set(a.Id, { target: resolveTarget(part, a.Target), type: a.Type ?? "" });
        }
      },
      close() {},
    },
    budget,
  );
  return rels;
}

interface SheetEntry {
  name: string;
  visibility: SheetVisibility;
  relId: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
}

/** XML Schema booleans, as the 1904 flag may be written ("1" by Excel, "true" by LibreOffice). */
function xsdBoolean(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

function relIdOf(a: Record<string, string>): string {
  if (a["r:id"]) return a["r:id"];
  const key = Object.keys(a).find((k) => k.endsWith(":id"));
  return key ? a[key] : "";
}

export async function readWorkbookPart(
  archive: ZipArchive,
  part: string,
  budget: ByteBudget,
): Promise<WorkbookPart> {
  const result: WorkbookPart = { sheets: [], date1904: false };
  await parsePart(
    archive,
    part,
    {
      open(name, a) {
        if (name === "sheet") {
          const state = a.state;
          result.sheets.push({
            name: a.name ?? "",
            visibility: state === "hidden" || state === "veryHidden" ? state : "visible",
            relId: relIdOf(a),
          });
        } else if (name === "workbookPr") {
          result.date1904 = xsdBoolean(a.date1904);
        }
      },
      close() {},
    },
    budget,
  );
  return result;
}

/** One cell style (an `xf` of cellXfs), reduced to what the grid holds. */
export interface CellStyle {
  /** The number format's code, or null for General (numFmtId 0 or absent). */
  numberFormat: string | null;
  /** Whether the style names a fill at all (a row's named fill wins over its column's, even "none"). */
  hasFill: boolean;
  /** The solid/pattern fill colour as "#RRGGBB", or null. */
  fill: string | null;
}

interface RawFill {
  pattern: string | undefined;
  isPattern: boolean;
  fgColor: RawColour | undefined;
}

function colourOf(a: Record<string, string>): RawColour | undefined {
  // As exceljs reads a colour: rgb first, else theme (with its tint), else indexed.
  if (a.rgb) return { argb: a.rgb };
  if (a.theme) return { theme: parseInt(a.theme, 10), ...(a.tint ? { tint: parseFloat(a.tint) } : {}) };
  if (a.indexed) return { indexed: parseInt(a.indexed, 10) };
  return undefined;
}

/** Backslash escapes removed from a format code ("0\%" -> "0%"), as the engine reads codes. */
function unescapeFormat(code: string): string {
  return code.replace(/\\(.)/g, "$1");
}

export async function readStyles(
  archive: ZipArchive,
  part: string | null,
  theme: readonly string[],
  budget: ByteBudget,
): Promise<CellStyle[]> {
  if (part === null || !archive.entries.has(part)) return [];
  const formats = new Map<number, string>();
  const fills: RawFill[] = [];
  const xfs: { numFmtId: number; fillId: number }[] = [];
  const stack: string[] = [];
  let fill: RawFill | null = null;
  const handler: XmlHandler = {
    open(name, a) {
      const parent = stack[stack.length - 1];
      stack.push(name);
      if (name === "numFmt" && parent === "numFmts") {
        const id = parseInt(a.numFmtId ?? "", 10);
        if (Number.isInteger(id) && a.formatCode !== undefined) formats.set(id, unescapeFormat(a.formatCode));
      } else if (name === "fill" && parent === "fills") {
        fill = { pattern: undefined, isPattern: false, fgColor: undefined };
        fills.push(fill);
      } else if (fill && name === "patternFill" && parent === "fill") {
        fill.isPattern = true;
        fill.pattern = a.patternType;
      } else if (fill && name === "fgColor" && parent === "patternFill") {
        fill.fgColor = colourOf(a);
      } else if (name === "xf" && parent === "cellXfs") {
        xfs.push({ numFmtId: parseInt(a.numFmtId ?? "", 10), fillId: parseInt(a.fillId ?? "", 10) });
      }
    },
    close(name) {
      stack.pop();
      if (name === "fill") fill = null;
    },
  };
  await parsePart(archive, part, handler, budget);
  const colours = fills.map((f) =>
    f.isPattern && f.pattern !== undefined && f.pattern !== "none" && f.fgColor
      ? resolveColour(f.fgColor, theme)
      : null,
  );
  return xfs.map(({ numFmtId, fillId }) => ({
    numberFormat: numFmtId ? (formats.get(numFmtId) ?? BUILT_IN_FORMATS[numFmtId] ?? null) : null,
    hasFill: Number.isInteger(fillId) && fillId >= 0 && fillId < fills.length,
    fill: Number.isInteger(fillId) ? (colours[fillId] ?? null) : null,
  }));
}

/** The shared strings, rich text joined, phonetic (ruby) text left out as Excel displays it. */
export async function readSharedStrings(
  archive: ZipArchive,
  part: string | null,
  budget: ByteBudget,
): Promise<string[]> {
  if (part === null || !archive.entries.has(part)) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await parsePart(
    archive,
    part,
    {
      open(name) {
        if (name === "si") current = [];
        else if (name === "rPh") phonetic++;
        else if (name === "t" && current && phonetic === 0) inText = true;
      },
      close(name) {
        if (name === "t") inText = false;
        else if (name === "rPh") phonetic--;
        else if (name === "si" && current) {
          strings.push(decodeEscapes(current.join("")));
          current = null;
        }
      },
      text(text) {
        if (inText && current) current.push(text);
      },
    },
    budget,
  );
  return strings;
}

/** A part's whole text (small parts only: the theme, scanned for its colours by themeFromXml). */
export async function readText(archive: ZipArchive, part: string, budget: ByteBudget): Promise<string> {
  const decoder = new TextDecoder("utf-8");
  const chunks: string[] = [];
  let size = 0;
  await archive.read(part, (chunk) => {
    size += chunk.length;
    budget.add(part, size, chunk.length);
    chunks.push(decoder.decode(chunk, { stream: true }));
  });
  chunks.push(decoder.decode());
  return chunks.join("");
}
