/** Snapshots stored by "Summarise progress", and the movement since the last one (PLAN-SEMANTICS §6). */
import { z } from "zod/mini";
import type { IsoDate, MovedAction, Movement, PlanResult, Snapshot, SnapshotEntry } from "./model";
import { isoDateSchema, ratingSchema, statusSchema } from "./schemas";

const entrySchema = z.object({
  sheet: z.string(),
  row: z.number().check(z.int(), z.gte(1)),
  action: z.string(),
  rag: z.nullable(ratingSchema),
  status: statusSchema,
});

export const snapshotSchema = z.object({
  version: z.literal(1),
  takenOn: isoDateSchema,
  asOf: isoDateSchema,
  actions: z.record(z.string(), entrySchema),
});

/** Each action's rating and status by key, as of the result's as-of date. */
export function takeSnapshot(result: PlanResult, takenOn: IsoDate): Snapshot {
  const actions: Record<string, SnapshotEntry> = {};
  for (const sheet of result.sheets) {
    for (const a of sheet.actions) actions[a.key] = { sheet: a.sheet, row: a.row, action: a.action, rag: a.rag, status: a.status };
  }
  return { version: 1, takenOn, asOf: result.asOf, actions };
}

/** What moved between the previous snapshot and this result, by action key, in workbook order. */
export function compareSnapshot(previous: Snapshot, result: PlanResult): Movement {
  const movement: Movement = { since: previous.takenOn, ratingChanges: [], newlyOverdue: [], completed: [], added: [], removed: [] };
  const seen = new Set<string>();
  for (const sheet of result.sheets) {
    for (const a of sheet.actions) {
      seen.add(a.key);
      const moved: MovedAction = { key: a.key, sheet: a.sheet, row: a.row, action: a.action };
      // keys hold "::", so they never name an inherited property of a plain object
      const before = previous.actions[a.key];
      if (!before) {
        movement.added.push(moved);
        continue;
      }
      if (before.rag !== a.rag) movement.ratingChanges.push({ ...moved, from: before.rag, to: a.rag });
      if (a.status === "overdue" && before.status !== "overdue") movement.newlyOverdue.push(moved);
      if (a.status === "complete" && before.status !== "complete") movement.completed.push(moved);
    }
  }
  for (const [key, e] of Object.entries(previous.actions)) {
    if (!seen.has(key)) movement.removed.push({ key, sheet: e.sheet, row: e.row, action: e.action });
  }
  return movement;
}
