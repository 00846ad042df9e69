/** Decides whether the formatting writes may go ahead (blocked, needs confirmation, nothing to do) and filters them. */
import type { PlanWrite } from "../core/index";
import { STORAGE_SHEET } from "../core/storage-layout";
import type { ExistingRules, WorkbookRead } from "../host/WorkbookHost";
import { conflictsFor } from "./conflicts";
import { blockedMessage, confirmationMessage } from "./messages";
import type { FormattingState } from "./outcome";

export interface FormattingDecision {
  state: FormattingState;
  /** The writes that may be applied now (empty unless state is "applied"). */
  writes: PlanWrite[];
  conflicts: ExistingRules[];
  message: string | null;
}

export function decideFormatting(
  read: WorkbookRead,
  writes: PlanWrite[],
  replaceUserRules: boolean,
  command: string,
): FormattingDecision {
  if (writes.length === 0) return { state: "nothing-to-do", writes: [], conflicts: [], message: null };
  const sheets = [...new Set([...writes.map((w) => w.sheet), STORAGE_SHEET])];
  const blocked = blockedMessage(
    sheets.filter((s) => read.protectedSheets.includes(s)),
    read.readOnly,
    command,
  );
  if (blocked) return { state: "blocked", writes: [], conflicts: [], message: blocked };
  const conflicts = conflictsFor(read, writes);
  if (conflicts.length > 0 && !replaceUserRules)
    return { state: "needs-confirmation", writes: [], conflicts, message: confirmationMessage(conflicts) };
  return { state: "applied", writes, conflicts, message: null };
}
