/**
 * Snapshots stored by "Summarise progress", and the movement since the last one (SEMANTICS.md "Summaries and movement").
 * takeSnapshot / compareSnapshot work on the full (version 1) form; what is stored in a workbook
 * is the compact version 2 (takeStoredSnapshot / compareStoredSnapshot, below).
 */
import { z } from "zod/mini";
import type {
  Action,
  IsoDate,
  MovedAction,
  Movement,
  PlanResult,
  Rating,
  Snapshot,
  SnapshotEntry,
  Status,
} from "./model";
import { normaliseActionText } from "./plan/normalise";
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
    for (const a of sheet.actions)
      actions[a.key] = { sheet: a.sheet, row: a.row, action: a.action, rag: a.rag, status: a.status };
  }
  return { version: 1, takenOn, asOf: result.asOf, actions };
}

/** What moved between the previous snapshot and this result, by action key, in workbook order. */
export function compareSnapshot(previous: Snapshot, result: PlanResult): Movement {
  const seen = new Set<string>();
  return movementOf(
    previous.asOf,
    result,
    (a) => {
      seen.add(a.key);
      // keys hold "::", so they never name an inherited property of a plain object
      return previous.actions[a.key];
    },
    () =>
      Object.entries(previous.actions)
        .filter(([key]) => !seen.has(key))
        .map(([key, e]) => ({ key, sheet: e.sheet, row: e.row, action: e.action })),
  );
}

/**
 * The movement loop both snapshot forms share, in workbook order: `before` finds an action's entry in
 * the previous snapshot (undefined: added), `removed` then names the entries no action matched.
 */
function movementOf(
  since: IsoDate,
  result: PlanResult,
  before: (a: Action, index: number) => { rag: Rating | null; status: Status } | undefined,
  removed: () => MovedAction[],
): Movement {
  const movement: Movement = {
    since,
    ratingChanges: [],
    newlyOverdue: [],
    completed: [],
    added: [],
    removed: [],
  };
  const movedOf = (a: Action): MovedAction => ({ key: a.key, sheet: a.sheet, row: a.row, action: a.action });
  let index = 0;
  for (const sheet of result.sheets) {
    for (const a of sheet.actions) {
      const was = before(a, index++);
      if (!was) {
        movement.added.push(movedOf(a));
        continue;
      }
      if (was.rag !== a.rag) movement.ratingChanges.push({ ...movedOf(a), from: was.rag, to: a.rag });
      if (a.status === "overdue" && was.status !== "overdue") movement.newlyOverdue.push(movedOf(a));
      if (a.status === "complete" && was.status !== "complete") movement.completed.push(movedOf(a));
    }
  }
  movement.removed = removed();
  return movement;
}

// ---------------------------------------------------------------------------------------------
// Version 2: the compact form stored in the workbook.
//
// Version 1 (above) keeps each action's full key, text, tab and row: about 300 bytes an action,
// 6 MB for 20,000 actions, more than Excel on the web accepts in one request. Version 2 keeps,
// per tab and per action, only what movement needs: a 64-bit digest of the key (12 characters),
// the row, the rating and status as one character each, and the first SNAPSHOT_TEXT characters
// of the action's text (to name an action that has since been removed): about 80 bytes.
//
// Matching stays exact. Where two keys of one snapshot share a digest, their full keys are kept
// (`exact`) and matched by equality. A key added later whose digest equals a stored one of the
// same tab would be taken for it: with 64 bits that is about n * m / 2^64 (≈ 2e-11 for two plans
// of 20,000 actions), far below any plan's lifetime of reviews.
//
// Version 1 snapshots already stored in workbooks are still read and compared as before.

/** Characters of each action's text kept in a version 2 snapshot ("…" marks a cut text). */
export const SNAPSHOT_TEXT = 60;
/** Characters of one key digest. */
export const DIGEST_LENGTH = 12;

export const RATING_CODE: Record<Rating, string> = { blue: "b", green: "g", amber: "a", red: "r" };
export const NO_RATING = "-";
export const STATUS_CODE: Record<Status, string> = {
  complete: "c",
  overdue: "o",
  "due-soon": "s",
  "on-track": "t",
  ongoing: "g",
  "no-deadline": "n",
};
export const RATING_OF: ReadonlyMap<string, Rating | null> = new Map<string, Rating | null>([
  [NO_RATING, null],
  ...Object.entries(RATING_CODE).map(([r, c]): [string, Rating] => [c, r as Rating]),
]);
export const STATUS_OF: ReadonlyMap<string, Status> = new Map<string, Status>(
  Object.entries(STATUS_CODE).map(([s, c]): [string, Status] => [c, s as Status]),
);
const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/** One tab's actions, in workbook order: entry i is keys[12i..12i+12), codes[2i..2i+2), rows[i], texts[i]. */
export interface PackedSheet {
  name: string;
  /** Each action's key digest (DIGEST_LENGTH characters each, concatenated). */
  keys: string;
  /** Each action's rating code then status code (b g a r or "-"; c o s t g n). */
  codes: string;
  rows: number[];
  /** The first SNAPSHOT_TEXT characters of each action's text, with "…" appended when cut. */
  texts: string[];
  /** Full keys by entry index, only where two keys of the snapshot share a digest. */
  exact?: Record<string, string>;
}

export interface SnapshotV2 {
  version: 2;
  takenOn: IsoDate;
  asOf: IsoDate;
  sheets: PackedSheet[];
}

/** What may be stored in a workbook: either version. */
export type StoredSnapshot = Snapshot | SnapshotV2;

const CODES = /^(?:[bgar-][costgn])*$/;
const DIGESTS = new RegExp(`^[0-9A-Za-z_-]*$`);

const packedSheetSchema = z
  .object({
    name: z.string(),
    keys: z.string(),
    codes: z.string(),
    rows: z.array(z.number().check(z.int(), z.gte(1))),
    texts: z.array(z.string()),
    exact: z.optional(z.record(z.string(), z.string())),
  })
  .check(
    z.refine(
      (s) => {
        const n = s.rows.length;
        return (
          s.texts.length === n &&
          s.keys.length === n * DIGEST_LENGTH &&
          s.codes.length === n * 2 &&
          CODES.test(s.codes) &&
          DIGESTS.test(s.keys)
        );
      },
      { message: "a packed tab's keys, codes, rows and texts must describe the same actions" },
    ),
  );

export const snapshotV2Schema = z.object({
  version: z.literal(2),
  takenOn: isoDateSchema,
  asOf: isoDateSchema,
  sheets: z.array(packedSheetSchema),
});

/** Either stored version (what Summarise reads back from a workbook). */
export const storedSnapshotSchema = z.union([snapshotSchema, snapshotV2Schema]);

/** h * 16777619 (the 32-bit FNV prime) mod 2^32. */
function fnvMultiply(h: number): number {
  return Math.imul(h, 16777619);
}

/** Spreads every input bit over the whole 32 bits (xor-shifts around FNV multiplications). */
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = fnvMultiply(h);
  h ^= h >>> 13;
  h = fnvMultiply(h);
  return (h ^ (h >>> 16)) >>> 0;
}

function lane(h: number, out: string[]): void {
  for (let i = 0; i < 6; i++) {
    out.push(DIGITS[h & 63]);
    h >>>= 6;
  }
}

/**
 * 64-bit digest of an action key as 12 URL-safe characters: two 32-bit FNV lanes over the key's
 * UTF-16 code units, FNV-1a (xor then multiply) and FNV-1 (multiply then xor) from different
 * offsets, each finished by an avalanche step.
 */
export function keyDigest(key: string): string {
  let a = 0x811c9dc5 | 0;
  let b = (0x050c5d1f ^ key.length) | 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = fnvMultiply(a ^ c);
    b = fnvMultiply(b) ^ c;
  }
  const out: string[] = [];
  lane(avalanche(a), out);
  lane(avalanche(b), out);
  return out.join("");
}

/** The start of an action's text, never cut between the two halves of a surrogate pair. */
export function textStart(text: string): string {
  if (text.length <= SNAPSHOT_TEXT) return text;
  let end = SNAPSHOT_TEXT;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

interface Packable {
  key: string;
  sheet: string;
  row: number;
  action: string;
  rag: Rating | null;
  status: Status;
}

/** `known`, when given, holds each item's keyDigest, in the items' order. */
function pack(
  items: Iterable<Packable>,
  takenOn: IsoDate,
  asOf: IsoDate,
  known?: readonly string[],
): SnapshotV2 {
  const sheets: PackedSheet[] = [];
  const digests = new Map<string, { sheet: PackedSheet; index: number; key: string }[]>();
  const keyParts = new Map<PackedSheet, string[]>();
  const codeParts = new Map<PackedSheet, string[]>();
  let current: PackedSheet | null = null;
  let at = 0;
  for (const a of items) {
    if (!current || current.name !== a.sheet) {
      current = sheets.find((s) => s.name === a.sheet) ?? null;
      if (!current) {
        current = { name: a.sheet, keys: "", codes: "", rows: [], texts: [] };
        sheets.push(current);
        keyParts.set(current, []);
        codeParts.set(current, []);
      }
    }
    const d = known ? known[at] : keyDigest(a.key);
    at++;
    const index = current.rows.length;
    const same = digests.get(d);
    if (same) same.push({ sheet: current, index, key: a.key });
    else digests.set(d, [{ sheet: current, index, key: a.key }]);
    (keyParts.get(current) as string[]).push(d);
    (codeParts.get(current) as string[]).push(
      (a.rag ? RATING_CODE[a.rag] : NO_RATING) + STATUS_CODE[a.status],
    );
    current.rows.push(a.row);
    current.texts.push(textStart(a.action));
  }
  for (const s of sheets) {
    s.keys = (keyParts.get(s) as string[]).join("");
    s.codes = (codeParts.get(s) as string[]).join("");
  }
  for (const list of digests.values()) {
    if (list.length < 2) continue;
    for (const { sheet, index, key } of list) (sheet.exact ??= {})[String(index)] = key;
  }
  return { version: 2, takenOn, asOf, sheets };
}

/**
 * Each action's keyDigest, in workbook order (tabs, then rows). Summarise works them out once and
 * passes them to both takeStoredSnapshot and compareStoredSnapshot (src/core/summarise.ts).
 */
export function keyDigests(result: PlanResult): string[] {
  const out: string[] = [];
  for (const sheet of result.sheets) for (const a of sheet.actions) out.push(keyDigest(a.key));
  return out;
}

/** The compact (version 2) snapshot of a result: what Summarise stores in the workbook. */
export function takeStoredSnapshot(
  result: PlanResult,
  takenOn: IsoDate,
  digests: readonly string[] = keyDigests(result),
): SnapshotV2 {
  function* actions(): Iterable<Packable> {
    for (const sheet of result.sheets) yield* sheet.actions;
  }
  return pack(actions(), takenOn, result.asOf, digests);
}

/** A stored snapshot in the compact form (version 1 is packed from its full keys; version 2 is returned as it is). */
export function packSnapshot(snapshot: StoredSnapshot): SnapshotV2 {
  if (snapshot.version === 2)
    return { version: 2, takenOn: snapshot.takenOn, asOf: snapshot.asOf, sheets: snapshot.sheets };
  const actions = snapshot.actions;
  function* entries(): Iterable<Packable> {
    for (const [key, e] of Object.entries(actions)) yield { key, ...e };
  }
  return pack(entries(), snapshot.takenOn, snapshot.asOf);
}

export interface Unpacked {
  sheet: string;
  digest: string;
  row: number;
  text: string;
  rag: Rating | null;
  status: Status;
  key: string | undefined;
}

export function unpack(snapshot: SnapshotV2): Unpacked[] {
  const out: Unpacked[] = [];
  for (const s of snapshot.sheets) {
    for (let i = 0; i < s.rows.length; i++) {
      out.push({
        sheet: s.name,
        digest: s.keys.slice(i * DIGEST_LENGTH, (i + 1) * DIGEST_LENGTH),
        row: s.rows[i],
        text: s.texts[i],
        rag: RATING_OF.get(s.codes[i * 2]) ?? null,
        status: STATUS_OF.get(s.codes[i * 2 + 1]) ?? "no-deadline",
        key: s.exact?.[String(i)],
      });
    }
  }
  return out;
}

/** A removed action's key: its full key when stored, or recovered from its text when the digest confirms it. */
function removedKey(e: Unpacked): string {
  if (e.key !== undefined) return e.key;
  const base = `${e.sheet}::${normaliseActionText(e.text)}`;
  for (let n = 1; n <= 10; n++) {
    const candidate = n === 1 ? base : `${base}#${n}`;
    if (keyDigest(candidate) === e.digest) return candidate;
  }
  return `${e.sheet}::#${e.digest}`;
}

/**
 * What moved between a stored snapshot (either version) and this result. For version 2 the same
 * movement as compareSnapshot on the full snapshot, except that a removed action is named by the
 * first SNAPSHOT_TEXT characters of its text (and its key is recovered from them when possible).
 */
export function compareStoredSnapshot(
  previous: StoredSnapshot,
  result: PlanResult,
  digests: readonly string[] = keyDigests(result),
): Movement {
  if (previous.version === 1) return compareSnapshot(previous, result);
  const entries = unpack(previous);
  const byDigest = new Map<string, Unpacked[]>();
  for (const e of entries) {
    const list = byDigest.get(e.digest);
    if (list) list.push(e);
    else byDigest.set(e.digest, [e]);
  }
  const seen = new Set<Unpacked>();
  return movementOf(
    previous.asOf,
    result,
    (a, index) => {
      const before = byDigest
        .get(digests[index])
        ?.find((e) => !seen.has(e) && (e.key !== undefined ? e.key === a.key : e.sheet === a.sheet));
      if (before) seen.add(before);
      return before;
    },
    () =>
      entries
        .filter((e) => !seen.has(e))
        .map((e) => ({ key: removedKey(e), sheet: e.sheet, row: e.row, action: e.text })),
  );
}
