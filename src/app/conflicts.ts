/**
 * Which of the user's own rules the add-in's formatting would replace: validation on the rating
 * columns, conditional formats on the rating columns and on the due columns it highlights
 * (its clearAll() would remove a user's rule that covers those cells).
 */
import type { PlanWrite } from "../core/index";
import type { ExistingRules, WorkbookRead } from "../host/WorkbookHost";

const COLUMN = /^\$?([A-Za-z]{1,3})/;

function columnOf(address: string): number | null {
  const m = COLUMN.exec(address.trim());
  if (!m) return null;
  let n = 0;
  for (const ch of m[1].toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function targetColumns(writes: PlanWrite[]): { validation: Set<string>; formats: Set<string> } {
  const validation = new Set<string>();
  const formats = new Set<string>();
  const key = (sheet: string, col: number | null): string | null =>
    col === null ? null : `${sheet}\u0000${col}`;
  for (const w of writes) {
    if (w.kind === "rating-dropdown" || w.kind === "rating-colours") {
      const k = key(w.sheet, columnOf(w.range));
      if (k) {
        if (w.kind === "rating-dropdown") validation.add(k);
        formats.add(k);
      }
    } else if (w.kind === "status-highlight") {
      for (const cell of w.cells) {
        const k = key(w.sheet, columnOf(cell));
        if (k) formats.add(k);
      }
    }
  }
  return { validation, formats };
}

export function conflictsFor(read: WorkbookRead, writes: PlanWrite[]): ExistingRules[] {
  const { validation, formats } = targetColumns(writes);
  return read.existingRules.filter((r) => {
    const k = `${r.sheet}\u0000${r.column}`;
    return (
      (r.userValidation && (validation.has(k) || formats.has(k))) ||
      (r.userConditionalFormats > 0 && formats.has(k))
    );
  });
}
