/**
 * Reads the workbook file, turning the file system's errors into one plain line each. Only a
 * regular file is read: the path is looked at first (stat, which never blocks), so a FIFO, a
 * device such as /dev/zero or a socket is refused before it is opened, and so is a file larger
 * than the reader reads at all.
 */
import { constants } from "node:fs";
import { open, stat } from "node:fs/promises";
import { XlsxReadError } from "../xlsx/errors";

export class FileProblem extends Error {}

/** The largest file read (an .xlsx compresses its XML about tenfold: a 100,000-action plan is about 4 MB). */
const MAX_FILE_BYTES = 200_000_000;

function codeOf(error: unknown): string {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string"
    ? (error as { code: string }).code
    : "";
}

function problemFor(path: string, error: unknown): FileProblem {
  switch (codeOf(error)) {
    case "ENOENT":
      return new FileProblem(`No such file: ${path}`);
    case "EISDIR":
      return new FileProblem(`${path} is a folder, not an .xlsx workbook.`);
    case "EACCES":
    case "EPERM":
      return new FileProblem(`Cannot read ${path}: permission denied.`);
    case "ENOTDIR":
      return new FileProblem(`No such file: ${path} (a part of the path is not a folder).`);
    default: {
      const code = codeOf(error);
      return new FileProblem(`Cannot read ${path}${code ? ` (${code})` : ""}.`);
    }
  }
}

function checkKind(path: string, info: { isFile(): boolean; isDirectory(): boolean; size: number }): void {
  if (info.isDirectory()) throw new FileProblem(`${path} is a folder, not an .xlsx workbook.`);
  if (!info.isFile()) {
    throw new FileProblem(`${path} is not a regular file (a device, pipe or socket): give an .xlsx file.`);
  }
  if (info.size > MAX_FILE_BYTES) {
    const mb = (info.size / 1_000_000).toLocaleString("en-GB", { maximumFractionDigits: 1 });
    throw new XlsxReadError(
      "too-large",
      `the file is ${mb} MB (the limit is ${MAX_FILE_BYTES / 1_000_000} MB)`,
    );
  }
}

export async function readWorkbookFile(path: string): Promise<Uint8Array> {
  let handle;
  try {
    checkKind(path, await stat(path));
    // O_NONBLOCK: should the path have become a FIFO since, opening it does not wait for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    checkKind(path, info);
    const bytes = Buffer.allocUnsafe(info.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    // A Buffer is a Uint8Array; yauzl reads it as it is.
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } catch (error) {
    if (error instanceof FileProblem || error instanceof XlsxReadError) throw error;
    throw problemFor(path, error);
  } finally {
    await handle?.close();
  }
}
