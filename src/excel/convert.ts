/** Loaded Office.js values -> the engine's plain grid (fills "#RRGGBB" upper case; "" -> null). */
import type { CellBox, CellValue, SheetVisibility } from "../core/grid";
import { parseAddress } from "./a1";

/** Excel reports "no fill" as white through getCellProperties; both read as no fill. */
const NO_FILL = new Set(["#FFFFFF", "WHITE"]);

function toCellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  // Range.values holds only strings, numbers and booleans; anything else is kept as its JSON text.
  return JSON.stringify(value) ?? null;
}

export function toValues(values: unknown[][]): CellValue[][] {
  return values.map((row) => row.map(toCellValue));
}

export function toTexts(texts: string[][]): (string | null)[][] {
  return texts.map((row) => row.map((t) => (t === "" || t === null || t === undefined ? null : String(t))));
}

export function toFormats(formats: unknown[][]): (string | null)[][] {
  return formats.map((row) => row.map((f) => (typeof f === "string" ? f : null)));
}

export function toFills(cells: Excel.CellProperties[][]): (string | null)[][] {
  return cells.map((row) =>
    row.map((cell) => {
      const colour = cell.format?.fill?.color;
      if (typeof colour !== "string" || colour === "") return null;
      const upper = colour.toUpperCase();
      return NO_FILL.has(upper) ? null : upper;
    }),
  );
}

export function toVisibility(visibility: string): SheetVisibility {
  if (visibility === "Hidden") return "hidden";
  if (visibility === "VeryHidden") return "veryHidden";
  return "visible";
}

/** The first box of an address Excel reported ("'Early Help'!A1:H17"). */
export function boxOf(address: string): CellBox | null {
  return parseAddress(address)?.boxes[0] ?? null;
}

export function boxesOf(address: string): CellBox[] {
  return parseAddress(address)?.boxes ?? [];
}
