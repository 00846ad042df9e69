/**
 * The sentences shown when Excel would refuse the add-in's writes (read-only workbook, protected
 * tabs, a protected workbook structure). One copy, used by the commands (src/app) before they ask
 * the host to write, and by the Office.js adapter (src/excel) as its last guard.
 */
import { STORAGE_SHEET } from "../core/storage-layout";

function list(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** Null when nothing blocks the writes. `command` is what the user runs again ("Check plan"). */
export function blockedMessage(
  protectedSheets: readonly string[],
  readOnly: boolean,
  command: string,
): string | null {
  if (readOnly)
    return `This workbook is open read-only: choose Edit Workbook (or save a copy with File > Save As) and run ${command} again. Nothing was changed.`;
  if (protectedSheets.length === 0) return null;
  const visible = protectedSheets.filter((s) => s !== STORAGE_SHEET);
  if (visible.length === 0)
    return `The add-in's own data tab '${STORAGE_SHEET}' is protected: unprotect the workbook's sheets and run ${command} again. Nothing was changed.`;
  const one = visible.length === 1;
  return `${list(visible)} ${one ? "is" : "are"} protected: unprotect ${one ? "it" : "them"} (Review > Unprotect Sheet) and run ${command} again. Nothing was changed.`;
}

/** Workbook structure protection forbids adding (or hiding) the tabs these writes need. */
export function structureMessage(tabs: readonly string[], command: string): string {
  return `This workbook's structure is protected, so the add-in cannot add ${list(tabs)}. Unprotect it (Review > Protect Workbook) and run ${command} again. Nothing was changed.`;
}
