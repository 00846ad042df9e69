/** The sentence shown when Excel would refuse the add-in's writes (protected tab, read-only workbook). */
import { STORAGE_SHEET } from "../core/storage-layout";

function list(names: string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** Null when nothing blocks the writes. `command` is what the user runs again ("Check plan"). */
export function blockedMessage(sheets: string[], readOnly: boolean, command: string): string | null {
  if (readOnly) {
    return `This workbook is open read-only: choose Edit Workbook (or save a copy with File > Save As) and run ${command} again. Nothing was changed.`;
  }
  if (sheets.length === 0) return null;
  const visible = sheets.filter((s) => s !== STORAGE_SHEET);
  if (visible.length === 0) {
    return `The add-in's own data tab '${STORAGE_SHEET}' is protected: unprotect the workbook's sheets and run ${command} again. Nothing was changed.`;
  }
  const verb = visible.length === 1 ? "is" : "are";
  const pronoun = visible.length === 1 ? "it" : "them";
  return `${list(visible)} ${verb} protected: unprotect ${pronoun} (Review > Unprotect Sheet) and run ${command} again. Nothing was changed.`;
}
