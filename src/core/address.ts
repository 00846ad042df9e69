/** Excel cell addresses: column letters and sheet names quoted as Excel does. */

import type { BoundedMap } from "./bounded-map";

/** 1 -> "A", 27 -> "AA". */
export function columnLetters(col: number): string {
  return (Number.isInteger(col) ? LETTERS[col] : undefined) ?? lettersOf(col);
}

/** The letters of columns 1-702 (A-ZZ), worked out once: a constant table, never written to after. */
const LETTERS: readonly string[] = Array.from({ length: 703 }, (_, col) => lettersOf(col));

function lettersOf(col: number): string {
  let n = Math.max(1, Math.floor(col));
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "G16" */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/**
 * A sheet name as Excel writes it in a reference: quoted (with `'` doubled) unless it is a plain name.
 * `known`: names already quoted (the check's caches, src/core/caches.ts).
 */
export function quoteSheet(name: string, known?: BoundedMap<string, string>): string {
  const cached = known?.get(name);
  if (cached !== undefined) return cached;
  const quoted = quoteSheetName(name);
  known?.set(name, quoted);
  return quoted;
}

function quoteSheetName(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[RrCc]([0-9]|$)/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'Early Help'!G16" (`known`: as for quoteSheet). */
export function cellAddress(
  sheet: string,
  row: number,
  col: number,
  known?: BoundedMap<string, string>,
): string {
  return `${quoteSheet(sheet, known)}!${a1(row, col)}`;
}
