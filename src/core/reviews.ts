/**
 * Every review kept: what Summarise stores in the data tab's snapshot item is the newest review as
 * a compact version 2 snapshot (./snapshot), with the earlier reviews alongside in `history`, each
 * packed against the newest one's entries: two characters (rating and status codes) per entry of
 * the newest review, "__" where that review did not have the action, and only the actions the
 * newest review no longer has in full (digest, row, codes, text). A plan that changes little costs
 * about 2 bytes an action per earlier review: at 20,000 actions about 40 KB each.
 *
 * Bounds: at most MAX_REVIEWS reviews (the newest and MAX_REVIEWS - 1 earlier ones), and the
 * earlier ones together at most HISTORY_BYTES of JSON; the oldest are dropped first.
 *
 * Older stored forms keep reading: a version 1 or 2 snapshot alone, and a version 2 snapshot with
 * the review before it in `earlier` (the release before this one).
 */
import { z } from "zod/mini";
import type { IsoDate, Movement, PlanResult, RatingCounts, Rating, Status } from "./model";
import { isoDateSchema } from "./schemas";
import {
  DIGEST_LENGTH,
  NO_RATING,
  RATING_CODE,
  STATUS_CODE,
  RATING_OF,
  STATUS_OF,
  compareStoredSnapshot,
  packSnapshot,
  snapshotV2Schema,
  storedSnapshotSchema,
  unpack,
  type PackedSheet,
  type SnapshotV2,
  type StoredSnapshot,
  type Unpacked,
} from "./snapshot";
import type { ReviewRef } from "./report";

/** Reviews kept in a workbook, the newest included. */
export const MAX_REVIEWS = 12;
/** JSON characters the earlier reviews may take together (the newest is about 80 bytes an action on top). */
export const HISTORY_BYTES = 1_000_000;
const ABSENT = "__";

/** One earlier review, packed against the newest review's entries. */
export interface PackedReview {
  takenOn: IsoDate;
  asOf: IsoDate;
  /** Per tab of the newest review, in its order: two characters per entry ("__": not in this review). */
  codes: string[];
  /** Actions of this review that the newest one does not have. */
  extra: PackedSheet[];
}

const packedReviewSchema = z.object({
  takenOn: isoDateSchema,
  asOf: isoDateSchema,
  codes: z.array(z.string().check(z.regex(/^(?:[bgar-][costgn]|__)*$/))),
  extra: snapshotV2Schema.shape.sheets,
});

/** A review as read back from the workbook, newest first. */
export interface Review extends ReviewRef {
  snapshot: StoredSnapshot;
}

/** Counts of one review, for the trend. */
export interface TrendPoint extends ReviewRef {
  actions: number;
  rag: RatingCounts;
  complete: number;
  overdue: number;
}

function byAsOfDesc(a: ReviewRef, b: ReviewRef): number {
  return a.asOf < b.asOf
    ? 1
    : a.asOf > b.asOf
      ? -1
      : a.takenOn < b.takenOn
        ? 1
        : a.takenOn > b.takenOn
          ? -1
          : 0;
}

function ref(s: StoredSnapshot): ReviewRef {
  return { asOf: s.asOf, takenOn: s.takenOn };
}

/** Every review stored in the data tab's snapshot item (any stored form), newest as-of date first. */
export function readReviews(raw: unknown): Review[] {
  const latest = storedSnapshotSchema.safeParse(raw);
  if (!latest.success) return [];
  const out: Review[] = [{ ...ref(latest.data), snapshot: latest.data }];
  const obj = raw as { earlier?: unknown; history?: unknown };
  const earlier = storedSnapshotSchema.safeParse(obj.earlier);
  if (earlier.success) out.push({ ...ref(earlier.data), snapshot: earlier.data });
  if (Array.isArray(obj.history)) {
    const base = packSnapshot(latest.data);
    for (const item of obj.history) {
      const p = packedReviewSchema.safeParse(item);
      if (!p.success || p.data.codes.length !== base.sheets.length) continue;
      const snapshot = unpackReview(base, p.data);
      if (snapshot) out.push({ ...ref(snapshot), snapshot });
    }
  }
  return dedupe(out.sort(byAsOfDesc));
}

/** One review per as-of date: the one taken last. */
function dedupe(reviews: Review[]): Review[] {
  const seen = new Set<IsoDate>();
  return reviews.filter((r) => (seen.has(r.asOf) ? false : (seen.add(r.asOf), true)));
}

function unpackReview(base: SnapshotV2, review: PackedReview): SnapshotV2 | null {
  const sheets: PackedSheet[] = [];
  for (let s = 0; s < base.sheets.length; s++) {
    const from = base.sheets[s];
    const codes = review.codes[s];
    if (codes.length !== from.rows.length * 2) return null;
    const out: PackedSheet = { name: from.name, keys: "", codes: "", rows: [], texts: [] };
    const keys: string[] = [];
    const kept: string[] = [];
    for (let i = 0; i < from.rows.length; i++) {
      const code = codes.slice(i * 2, i * 2 + 2);
      if (code === ABSENT) continue;
      const exact = from.exact?.[String(i)];
      if (exact !== undefined) (out.exact ??= {})[String(out.rows.length)] = exact;
      keys.push(from.keys.slice(i * DIGEST_LENGTH, (i + 1) * DIGEST_LENGTH));
      kept.push(code);
      out.rows.push(from.rows[i]);
      out.texts.push(from.texts[i]);
    }
    out.keys = keys.join("");
    out.codes = kept.join("");
    sheets.push(out);
  }
  return { version: 2, takenOn: review.takenOn, asOf: review.asOf, sheets: [...sheets, ...review.extra] };
}

/** An earlier review packed against the newest one (matched as compareStoredSnapshot matches). */
function packReview(base: SnapshotV2, review: StoredSnapshot): PackedReview {
  const entries = unpack(packSnapshot(review));
  // The newest review's entries ("slots") by digest: flat arrays and an id (a list only where
  // digests repeat), not an object per action; matched in order, each slot at most once.
  const slotSheet: number[] = [];
  const slotIndex: number[] = [];
  const byDigest = new Map<string, number | number[]>();
  base.sheets.forEach((s, si) => {
    for (let i = 0; i < s.rows.length; i++) {
      const d = s.keys.slice(i * DIGEST_LENGTH, (i + 1) * DIGEST_LENGTH);
      const id = slotSheet.length;
      slotSheet.push(si);
      slotIndex.push(i);
      const known = byDigest.get(d);
      if (known === undefined) byDigest.set(d, id);
      else if (typeof known === "number") byDigest.set(d, [known, id]);
      else known.push(id);
    }
  });
  const used = new Uint8Array(slotSheet.length);
  const fits = (id: number, e: Unpacked): boolean => {
    if (used[id]) return false;
    const s = base.sheets[slotSheet[id]];
    const exact = s.exact?.[String(slotIndex[id])];
    return exact !== undefined || e.key !== undefined ? exact === e.key : s.name === e.sheet;
  };
  const codes = base.sheets.map((s) => Array.from({ length: s.rows.length }, () => ABSENT));
  const extra = new Map<string, Unpacked[]>();
  for (const e of entries) {
    const known = byDigest.get(e.digest);
    let slot = -1;
    if (typeof known === "number") {
      if (fits(known, e)) slot = known;
    } else if (known !== undefined) {
      for (const id of known) {
        if (fits(id, e)) {
          slot = id;
          break;
        }
      }
    }
    if (slot >= 0) {
      used[slot] = 1;
      codes[slotSheet[slot]][slotIndex[slot]] = codeOf(e.rag, e.status);
    } else {
      const list = extra.get(e.sheet);
      if (list) list.push(e);
      else extra.set(e.sheet, [e]);
    }
  }
  return {
    takenOn: review.takenOn,
    asOf: review.asOf,
    codes: codes.map((c) => c.join("")),
    extra: [...extra.entries()].map(([name, list]) => {
      const sheet: PackedSheet = {
        name,
        keys: list.map((e) => e.digest).join(""),
        codes: list.map((e) => codeOf(e.rag, e.status)).join(""),
        rows: list.map((e) => e.row),
        texts: list.map((e) => e.text),
      };
      list.forEach((e, i) => {
        if (e.key !== undefined) (sheet.exact ??= {})[String(i)] = e.key;
      });
      return sheet;
    }),
  };
}

function codeOf(rag: Rating | null, status: Status): string {
  return (rag ? RATING_CODE[rag] : NO_RATING) + STATUS_CODE[status];
}

/**
 * What Summarise stores: the newest review with the earlier ones (newest first) packed alongside,
 * at most MAX_REVIEWS in all and HISTORY_BYTES for the earlier ones; the oldest are dropped first.
 */
export function storeReviews(
  newest: SnapshotV2,
  earlier: readonly Review[],
): SnapshotV2 & { history: PackedReview[] } {
  const history: PackedReview[] = [];
  let bytes = 0;
  for (const r of [...earlier].sort(byAsOfDesc)) {
    if (history.length >= MAX_REVIEWS - 1) break;
    if (r.asOf === newest.asOf) continue;
    const packed = packReview(newest, r.snapshot);
    const size = JSON.stringify(packed).length;
    if (bytes + size > HISTORY_BYTES) break;
    bytes += size;
    history.push(packed);
  }
  return { ...newest, history };
}

/** A review's counts (from its stored codes). */
export function trendPoint(review: Review): TrendPoint {
  const rag: RatingCounts = { blue: 0, green: 0, amber: 0, red: 0, none: 0 };
  let complete = 0;
  let overdue = 0;
  let actions = 0;
  for (const s of packSnapshot(review.snapshot).sheets) {
    for (let i = 0; i < s.codes.length; i += 2) {
      actions++;
      rag[RATING_OF.get(s.codes[i]) ?? "none"]++;
      const status = STATUS_OF.get(s.codes[i + 1]);
      if (status === "complete") complete++;
      if (status === "overdue") overdue++;
    }
  }
  return { asOf: review.asOf, takenOn: review.takenOn, actions, rag, complete, overdue };
}

export function resultPoint(result: PlanResult, takenOn: IsoDate): TrendPoint {
  const s = result.summary;
  return {
    asOf: result.asOf,
    takenOn,
    actions: s.actions,
    rag: { ...s.rag },
    complete: s.status.complete,
    overdue: s.status.overdue,
  };
}

/** The review to compare with: the chosen as-of date if stored, else the latest before this as-of date, else the latest. */
export function chooseReview(
  reviews: readonly Review[],
  asOf: IsoDate,
  compareWith?: IsoDate | null,
): Review | null {
  const others = reviews.filter((r) => r.asOf !== asOf);
  if (compareWith) {
    const chosen = others.find((r) => r.asOf === compareWith);
    if (chosen) return chosen;
  }
  return others.find((r) => r.asOf < asOf) ?? others[0] ?? null;
}

/** `digests`: each action's keyDigest in workbook order (snapshot.ts keyDigests), when already worked out. */
export function movementSince(
  review: Review | null,
  result: PlanResult,
  digests?: readonly string[],
): Movement | null {
  return review ? compareStoredSnapshot(review.snapshot, result, digests) : null;
}
