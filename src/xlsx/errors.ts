/**
 * Why a file could not be read as a workbook, as one plain line for the user. The reader
 * looks at the file's first bytes before handing it to exceljs, so a wrong kind of file
 * gets a precise reason rather than a zip library's complaint.
 */

export type XlsxProblem = "empty" | "encrypted" | "legacy-xls" | "not-xlsx" | "damaged";

export const XLSX_MESSAGES: Record<XlsxProblem, string> = {
  empty: "The file is empty (0 bytes): it is not an .xlsx workbook.",
  encrypted:
    "The file is password-protected: remove the password in Excel (File > Info > Protect Workbook) and try again.",
  "legacy-xls":
    "The file is an old-format Excel workbook (.xls): open it in Excel, save it as .xlsx and try again.",
  "not-xlsx": "The file is not an .xlsx workbook.",
  damaged: "The file is damaged or incomplete.",
};

export class XlsxReadError extends Error {
  readonly problem: XlsxProblem;

  constructor(problem: XlsxProblem) {
    super(XLSX_MESSAGES[problem]);
    this.name = "XlsxReadError";
    this.problem = problem;
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** True when `text` occurs in the bytes as UTF-16LE (how OLE directory entries name their streams). */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  return indexOf(bytes, needle) >= 0;
}

function hasAscii(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) needle[i] = text.charCodeAt(i);
  return indexOf(bytes, needle) >= 0;
}

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  outer: for (
    let i = hay.indexOf(first);
    i >= 0 && i <= hay.length - needle.length;
    i = hay.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The problem the first bytes already show, or null when the file looks like an .xlsx zip.
 * Zip entry names are stored uncompressed, so "xl/workbook.xml" is visible in the bytes of
 * every .xlsx (and absent from .docx, .ods, .xlsb and other zips).
 */
export function sniffXlsx(bytes: Uint8Array): XlsxProblem | null {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, OLE)) {
    return hasUtf16(bytes, "EncryptedPackage") || hasUtf16(bytes, "EncryptionInfo")
      ? "encrypted"
      : "legacy-xls";
  }
  if (startsWith(bytes, ZIP_EMPTY)) return "not-xlsx";
  if (!startsWith(bytes, ZIP)) {
    const zipCutShort = bytes.length < ZIP.length && [...bytes].every((b, i) => b === ZIP[i]);
    return zipCutShort ? "damaged" : "not-xlsx";
  }
  if (!hasAscii(bytes, "xl/workbook.xml")) {
    // A zip cut short before its workbook entry is damaged; a complete zip without one is another kind of file.
    return hasAscii(bytes, "PK\u0001\u0002") ? "not-xlsx" : "damaged";
  }
  return null;
}
