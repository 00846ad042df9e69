/** Excel cell addresses: column letters and sheet names quoted as Excel does. */

/** 1 -> "A", 27 -> "AA". */
const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  const cached = LETTERS[col];
  if (cached !== undefined) return cached;
  const letters = lettersOf(col);
  if (Number.isInteger(col) && col >= 1 && col <= 1000) LETTERS[col] = letters;
  return letters;
}

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

/** A sheet name as Excel writes it in a reference: quoted (with `'` doubled) unless it is a plain name. */
export function quoteSheet(name: string): string {
  const known = QUOTED.get(name);
  if (known !== undefined) return known;
  const quoted = quoteSheetName(name);
  if (QUOTED.size >= 1_000) QUOTED.clear();
  QUOTED.set(name, quoted);
  return quoted;
}

/** Sheet names already quoted: every finding and overdue item quotes its tab's name. */
const QUOTED = new Map<string, string>();

function quoteSheetName(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[RrCc]([0-9]|$)/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'Early Help'!G16" */
export function cellAddress(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${a1(row, col)}`;
}
