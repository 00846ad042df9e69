/** Reads the workbook file, turning the file system's errors into one plain line each. */
import { readFile } from "node:fs/promises";

export class FileProblem extends Error {}

function codeOf(error: unknown): string {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string"
    ? (error as { code: string }).code
    : "";
}

export async function readWorkbookFile(path: string): Promise<Uint8Array> {
  try {
    // A Buffer is a Uint8Array: passed as it is, exceljs (JSZip) reads it on its faster Node path.
    return await readFile(path);
  } catch (error) {
    switch (codeOf(error)) {
      case "ENOENT":
        throw new FileProblem(`No such file: ${path}`);
      case "EISDIR":
        throw new FileProblem(`${path} is a folder, not an .xlsx workbook.`);
      case "EACCES":
      case "EPERM":
        throw new FileProblem(`Cannot read ${path}: permission denied.`);
      case "ENOTDIR":
        throw new FileProblem(`No such file: ${path} (a part of the path is not a folder).`);
      default: {
        const code = codeOf(error);
        throw new FileProblem(`Cannot read ${path}${code ? ` (${code})` : ""}.`);
      }
    }
  }
}
