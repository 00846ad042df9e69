/** Sentences the task pane shows for outcomes of the commands. */
import { STORAGE_SHEET } from "../core/storage-layout";
import type { ExistingRules } from "../host/WorkbookHost";

function list(names: string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** Why the add-in cannot write (read-only workbook, protected tabs), or null. */
export function blockedMessage(protectedSheets: string[], readOnly: boolean, command: string): string | null {
  if (readOnly)
    return `This workbook is open read-only: choose Edit Workbook (or save a copy with File > Save As) and run ${command} again. Nothing was changed.`;
  if (protectedSheets.length === 0) return null;
  const visible = protectedSheets.filter((s) => s !== STORAGE_SHEET);
  if (visible.length === 0)
    return `The add-in's own data tab '${STORAGE_SHEET}' is protected: unprotect the workbook's sheets and run ${command} again. Nothing was changed.`;
  const one = visible.length === 1;
  return `${list(visible)} ${one ? "is" : "are"} protected: unprotect ${one ? "it" : "them"} (Review > Unprotect Sheet) and run ${command} again. Nothing was changed.`;
}

export function confirmationMessage(conflicts: ExistingRules[]): string {
  const tabs = [...new Set(conflicts.map((c) => c.sheet))];
  return `${list(tabs)} already ${tabs.length === 1 ? "has" : "have"} your own dropdowns or conditional formatting on the rating or deadline cells. The add-in would replace them there: choose "Replace my formatting" to go ahead, or leave them as they are (the check results are still shown).`;
}
