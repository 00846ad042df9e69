/**
 * What the add-in has formatted (its "ownership record", stored as JSON in row 3 of the data
 * tab): per tab, the ranges carrying its rating dropdown, its rating colours and its
 * status highlights. Only these ranges are ever cleared, so the user's own rules elsewhere stay.
 */
import { z } from "zod/mini";
import { intersects, parseAddress } from "./a1";

const rules = z.object({ range: z.string(), rules: z.number() });
const ownedSheet = z.object({
  validation: z.array(z.string()),
  colours: z.array(rules),
  highlights: z.array(rules),
});
const ownedRecord = z.object({ version: z.literal(1), sheets: z.record(z.string(), ownedSheet) });

export type OwnedSheet = z.infer<typeof ownedSheet>;
export type OwnedRecord = z.infer<typeof ownedRecord>;

export function emptyOwned(): OwnedRecord {
  return { version: 1, sheets: {} };
}

export function emptyOwnedSheet(): OwnedSheet {
  return { validation: [], colours: [], highlights: [] };
}

/** The stored record, or an empty one when absent or unreadable (then nothing is cleared). */
export function parseOwned(raw: unknown): OwnedRecord {
  const parsed = ownedRecord.safeParse(raw);
  return parsed.success ? parsed.data : emptyOwned();
}

function touchesColumn(range: string, column: number): boolean {
  const parsed = parseAddress(range);
  return (
    !!parsed &&
    parsed.boxes.some((b) => intersects(b, { top: 1, bottom: 1_048_576, left: column, right: column }))
  );
}

/** How many of the add-in's conditional formats intersect a column of a tab. */
export function ownedRulesOnColumn(owned: OwnedRecord, sheet: string, column: number): number {
  const entry = owned.sheets[sheet];
  if (!entry) return 0;
  return [...entry.colours, ...entry.highlights]
    .filter((r) => touchesColumn(r.range, column))
    .reduce((n, r) => n + r.rules, 0);
}

/** Whether the add-in's rating dropdown is on a column of a tab. */
export function ownsValidationOnColumn(owned: OwnedRecord, sheet: string, column: number): boolean {
  return (owned.sheets[sheet]?.validation ?? []).some((r) => touchesColumn(r, column));
}
