/** Sentences the task pane shows for outcomes of the commands. */
import type { ExistingRules } from "../host/WorkbookHost";

function list(names: string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 1
    ? (quoted[0] ?? "")
    : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

/** Why the add-in cannot write (read-only workbook, protected tabs), or null: one copy, shared with the adapter. */
export { blockedMessage } from "../host/blocked-message";

export function confirmationMessage(conflicts: ExistingRules[]): string {
  const tabs = [...new Set(conflicts.map((c) => c.sheet))];
  return `${list(tabs)} already ${tabs.length === 1 ? "has" : "have"} your own dropdowns or conditional formatting on the rating or deadline cells. The add-in would replace them there: choose "Replace my formatting" to go ahead, or leave them as they are (the check results are still shown).`;
}
