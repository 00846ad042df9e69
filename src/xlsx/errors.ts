/**
 * Why a file could not be read as a workbook, as one plain line for the user. The reader
 * looks at the file's first bytes before handing it to exceljs, so a wrong kind of file
 * gets a precise reason rather than a zip library's complaint.
 */

export type XlsxProblem =
  "empty" | "encrypted" | "encrypted-xls" | "legacy-xls" | "not-xlsx" | "damaged" | "too-large";

export const XLSX_MESSAGES: Record<XlsxProblem, string> = {
  empty: "The file is empty (0 bytes): it is not an .xlsx workbook.",
  encrypted:
    "The file is password-protected: remove the password in Excel (File > Info > Protect Workbook) and try again.",
  "encrypted-xls":
    "The file is a password-protected old-format Excel workbook (.xls): open it in Excel, remove the password (File > Info > Protect Workbook), save it as .xlsx and try again.",
  "legacy-xls":
    "The file is an old-format Excel workbook (.xls): open it in Excel, save it as .xlsx and try again.",
  "not-xlsx": "The file is not an .xlsx workbook.",
  damaged: "The file is damaged or incomplete.",
  "too-large": "The workbook is larger than SDP Assistant reads.",
};

export class XlsxReadError extends Error {
  readonly problem: XlsxProblem;

  /** `detail` completes the message of "too-large" (what is too large, and the bound). */
  constructor(problem: XlsxProblem, detail?: string) {
    super(
      detail && problem === "too-large"
        ? `The workbook is larger than SDP Assistant reads: ${detail}.`
        : XLSX_MESSAGES[problem],
    );
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
    if (hasUtf16(bytes, "EncryptedPackage") || hasUtf16(bytes, "EncryptionInfo")) return "encrypted";
    return xlsIsEncrypted(bytes) ? "encrypted-xls" : "legacy-xls";
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

const BIFF_BOF = 0x0809;
const BIFF_FILEPASS = 0x002f;
const BIFF_BOUNDSHEET = 0x0085;

/**
 * True when an old-format workbook (an OLE compound file holding a BIFF "Workbook" stream) is
 * password-protected: its stream's first records carry FILEPASS right after BOF, before any
 * sheet is named ([MS-XLS] 2.4.117 FilePass; [MS-CFB] 2.6 directory entries of 128 bytes, each
 * naming its stream in UTF-16 and giving its first sector at offset 0x74).
 */
function xlsIsEncrypted(bytes: Uint8Array): boolean {
  if (bytes.length < 512) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return false;
  const sector = 1 << sectorShift;
  const names = ["Workbook", "Book"];
  // Directory entries sit at 128-byte steps inside sectors (which start at multiples of the sector size).
  for (let at = sector; at + 128 <= bytes.length; at += 128) {
    if (bytes[at + 0x42] !== 2) continue; // a stream
    const nameBytes = view.getUint16(at + 0x40, true);
    const name = names.find((n) => nameBytes === (n.length + 1) * 2 && matchesUtf16(bytes, at, n));
    if (!name) continue;
    const start = view.getUint32(at + 0x74, true);
    const size = view.getUint32(at + 0x78, true);
    if (size < 4096) return false; // in the mini stream: not followed here (a real workbook stream is larger)
    return biffHasFilePass(view, (start + 1) * sector, Math.min(sector, size));
  }
  return false;
}

function matchesUtf16(bytes: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (bytes[at + i * 2] !== text.charCodeAt(i) || bytes[at + i * 2 + 1] !== 0) return false;
  }
  return true;
}

function biffHasFilePass(view: DataView, start: number, length: number): boolean {
  const end = Math.min(view.byteLength, start + length);
  if (start + 4 > end || view.getUint16(start, true) !== BIFF_BOF) return false;
  let at = start;
  for (let records = 0; records < 64 && at + 4 <= end; records++) {
    const type = view.getUint16(at, true);
    if (type === BIFF_FILEPASS) return true;
    if (type === BIFF_BOUNDSHEET) return false;
    at += 4 + view.getUint16(at + 2, true);
  }
  return false;
}
