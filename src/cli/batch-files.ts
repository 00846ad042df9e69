/**
 * The workbooks a batch checks: each path given, in order; a folder is searched with its
 * subfolders for .xlsx and .xlsm files (sorted by name, so a report is the same on every
 * machine), skipping hidden files and folders (".name") and Excel's lock files ("~$plan.xlsx",
 * which Excel keeps beside a workbook while it is open). Symbolic links to folders are not
 * followed (no loops); links to files are checked like files. A path given by name is always
 * checked, whatever it is called: only what a folder search finds is filtered.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

export interface BatchEntry {
  /** The path as given, or as found under a folder given (folder joined with the names below it). */
  file: string;
  /** Why it is not a workbook to read (a folder with none in it), or null. */
  problem: string | null;
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** Whether a folder search keeps this name (a file's or a folder's). */
function searchedName(name: string, isFolder: boolean): boolean {
  if (name.startsWith(".")) return false; // hidden (and . / ..)
  if (isFolder) return true;
  if (name.startsWith("~$")) return false; // Excel's owner (lock) file
  return WORKBOOK.test(name);
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function search(folder: string, out: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => byName(a.name, b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (searchedName(entry.name, true)) await search(path, out);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      if (!searchedName(entry.name, false)) continue;
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => null);
        if (!target?.isFile()) continue;
      }
      out.push(path);
    }
  }
}

async function isFolder(path: string): Promise<boolean> {
  const s = await stat(path).catch(() => null);
  return s?.isDirectory() === true;
}

/** Whether the command line names exactly one path and it is not a folder (today's single-workbook run). */
export async function isSingleWorkbook(paths: readonly string[]): Promise<boolean> {
  return paths.length === 1 && !(await isFolder(paths[0]));
}

/** Every workbook to check, in order, each once (a file named twice, or also found in a folder given, is checked once). */
export async function listWorkbooks(paths: readonly string[]): Promise<BatchEntry[]> {
  const out: BatchEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: BatchEntry) => {
    if (seen.has(entry.file)) return;
    seen.add(entry.file);
    out.push(entry);
  };
  for (const path of paths) {
    if (!(await isFolder(path))) {
      add({ file: path, problem: null }); // read as it is: a missing file is reported by the reader
      continue;
    }
    const found: string[] = [];
    try {
      await search(path, found);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      add({
        file: path,
        problem:
          code === "EACCES" || code === "EPERM"
            ? `Cannot search the folder ${path}: permission denied.`
            : `Cannot search the folder ${path}${typeof code === "string" ? ` (${code})` : ""}.`,
      });
      continue;
    }
    if (found.length === 0)
      add({
        file: path,
        problem: `No .xlsx or .xlsm workbooks in the folder ${path} (nor in its subfolders).`,
      });
    for (const file of found) add({ file, problem: null });
  }
  return out;
}
