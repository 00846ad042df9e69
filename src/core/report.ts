/**
 * The review a manager takes to committee: the report model and ALL its wording (one paragraph of
 * short sentences, a small RAG table per tab and the "needs attention" list). Pure; the renderers
 * (plain text, markdown, HTML) are in ./report-render. The §6 sentences of summary.ts (the CLI's
 * JSON) are left as they are; this report is additional.
 */
import { formatDay } from "./day-text";
import {
  RATINGS,
  type Action,
  type IsoDate,
  type Legend,
  type Movement,
  type PlanResult,
  type Rating,
  type RatingCounts,
} from "./model";
import { DEFAULT_LEGEND } from "./rating";

/** A stored review named by its as-of date (the date the plan was judged on) and the day it was taken. */
export interface ReviewRef {
  asOf: IsoDate;
  takenOn: IsoDate;
}

export interface ReportInput {
  result: PlanResult;
  /** The plan's name: its title row, else the workbook's name; null when neither is known. */
  planName: string | null;
  legend?: Legend;
  /** Movement since `previous` (null: no earlier review to compare with). */
  movement: Movement | null;
  previous: ReviewRef | null;
  /** Set when this summary replaces a stored review of the same as-of date (a same-day re-summary). */
  replaces: ReviewRef | null;
}

export interface TabRow {
  name: string;
  actions: number;
  rag: RatingCounts;
  complete: number;
  overdue: number;
}

interface AttentionItem {
  sheet: string;
  row: number;
  action: string;
  owner: string;
  /** "Red", "Overdue by 45 days", "Red; overdue by 45 days". */
  why: string;
  due: string;
  /** The last line of the comments cell ("" when there is none). */
  comment: string;
}

export interface CommitteeReport {
  /** "Service Development Plan 2022-23: position as at 15 July 2022". */
  title: string;
  sentences: string[];
  /** The sentences as one paragraph. */
  paragraph: string;
  /** The committee's own words for each rating, and for "not rated". */
  words: Record<Rating | "none", string>;
  tabs: TabRow[];
  total: TabRow;
  attention: AttentionItem[];
  /** Red or overdue actions not listed (the list is capped at ATTENTION_LIMIT). */
  attentionMore: number;
  /** For the pane only: this summary replaced a stored review of the same as-of date (see replacesNote). */
  note: string | null;
}

/** How many "needs attention" rows the report lists (the rest are counted; all are in the Progress Summary tab). */
const ATTENTION_LIMIT = 10;
/** How many kinds of rating change the movement sentence names before "N more changed rating". */
const MOVES_NAMED = 2;
const TEXT_LIMIT = 120;
const COMMENT_LIMIT = 160;

/** The legend's words, in lower case: "blue", "green" … (a legend may call green "On track"). */
export function ratingWords(legend: Legend = DEFAULT_LEGEND): Record<Rating | "none", string> {
  const out = { none: "not rated" } as Record<Rating | "none", string>;
  for (const r of RATINGS) out[r] = (legend.ratings[r]?.label ?? r).trim().toLowerCase() || r;
  return out;
}

function n(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function isAre(count: number): string {
  return count === 1 ? "is" : "are";
}

function hasHave(count: number): string {
  return count === 1 ? "has" : "have";
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

function cut(text: string, limit: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= limit ? t : `${t.slice(0, limit - 1).trimEnd()}…`;
}

/** The last non-empty line of a comments cell (comments are usually added at the end). */
function latestComment(comments: string): string {
  const lines = comments
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return lines.length ? cut(lines[lines.length - 1], COMMENT_LIMIT) : "";
}

function tabRow(name: string, s: PlanResult["summary"]): TabRow {
  return { name, actions: s.actions, rag: s.rag, complete: s.status.complete, overdue: s.status.overdue };
}

/** The "good" ratings' words as the committee writes them: "green/blue". */
function goodWord(words: Record<Rating | "none", string>): string {
  return `${words.green}/${words.blue}`;
}

function ratingSentence(result: PlanResult, words: Record<Rating | "none", string>): string {
  const s = result.summary;
  const total = s.actions;
  if (s.status.complete === total) return total === 1 ? "It is complete." : `All ${total} are complete.`;
  const good = s.rag.green + s.rag.blue;
  const others = (["amber", "red", "none"] as const)
    .filter((r) => s.rag[r] > 0)
    .map((r) => `${s.rag[r]} ${words[r]}`);
  const word = goodWord(words);
  if (good === total) return total === 1 ? `It is ${word}.` : `All ${total} are ${word}.`;
  if (good === 0) return `None is ${word}: ${list(others)}.`;
  if (total - good <= good) return `All but ${total - good} ${isAre(good)} ${word}: ${list(others)}.`;
  return `${good} ${isAre(good)} ${word}; ${list(others)}.`;
}

/** Complete, overdue (the ones still rated green counted within them, never added) and due soon: one short sentence each. */
function progressSentences(
  result: PlanResult,
  actions: Action[],
  words: Record<Rating | "none", string>,
): string[] {
  const s = result.summary;
  const out: string[] = [];
  if (s.status.complete > 0 && s.status.complete < s.actions)
    out.push(`${s.status.complete} ${isAre(s.status.complete)} complete (${s.percentComplete}%).`);
  const overdue = s.status.overdue;
  if (overdue > 0) {
    const stillGood = actions.filter(
      (a) => a.status === "overdue" && (a.rag === "green" || a.rag === "blue"),
    );
    const kinds = new Set(stillGood.map((a) => a.rag as Rating));
    const kind = kinds.size === 2 ? goodWord(words) : kinds.has("blue") ? words.blue : words.green;
    const still =
      stillGood.length === 0
        ? ""
        : overdue === 1
          ? `, still rated ${kind}`
          : stillGood.length === overdue
            ? `, all still rated ${kind}`
            : `, ${stillGood.length} of them still rated ${kind}`;
    out.push(`${overdue === s.actions && overdue > 1 ? "All" : overdue} ${isAre(overdue)} overdue${still}.`);
  }
  const soon = s.status["due-soon"];
  if (soon > 0) out.push(`${soon} more ${isAre(soon)} due within ${result.dueSoonDays} days.`);
  return out;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const RANK: Record<Rating, number> = { blue: 0, green: 1, amber: 2, red: 3 };

/** The movement sentences: grouped by direction (worse first), capped at MOVES_NAMED kinds of change. */
export function movementSentences(
  movement: Movement | null,
  previous: ReviewRef | null,
  words: Record<Rating | "none", string> = ratingWords(),
): string[] {
  const out: string[] = [];
  if (!movement || !previous) {
    // Also on a re-summary of the only review: the workbook still holds one review, this one.
    out.push("This is the first review recorded in this workbook.");
    return out;
  }
  const since = `Since the last review on ${formatDay(previous.asOf)}`;
  const completed = new Set(movement.completed.map((m) => m.key));
  const pairs = new Map<string, { count: number; from: Rating | null; to: Rating | null }>();
  for (const c of movement.ratingChanges) {
    if (completed.has(c.key)) continue; // told as "completed", not again as a rating change
    const k = `${c.from}>${c.to}`;
    const p = pairs.get(k);
    if (p) p.count++;
    else pairs.set(k, { count: 1, from: c.from, to: c.to });
  }
  const worse = (p: { from: Rating | null; to: Rating | null }): number =>
    p.to === null ? 1 : p.from === null ? (p.to === "red" ? 2 : 0) : RANK[p.to] > RANK[p.from] ? 3 : -1;
  const sorted = [...pairs.values()].sort((a, b) => worse(b) - worse(a) || b.count - a.count);
  const named = sorted.slice(0, MOVES_NAMED);
  const more = sorted.slice(MOVES_NAMED).reduce((t, p) => t + p.count, 0);
  const parts = named.map((p, i) => {
    const who = i === 0 ? n(p.count, "action", "actions") : String(p.count);
    if (p.from === null)
      return `${who} ${hasHave(p.count)} been rated ${words[p.to as Rating]} for the first time`;
    if (p.to === null) return `${who} ${hasHave(p.count)} lost ${p.count === 1 ? "its" : "their"} rating`;
    return `${who} ${hasHave(p.count)} turned from ${words[p.from]} to ${words[p.to]}`;
  });
  if (movement.completed.length) {
    const c = movement.completed.length;
    parts.push(`${parts.length ? c : n(c, "action", "actions")} ${hasHave(c)} been completed`);
  }
  if (!parts.length && !movement.newlyOverdue.length && !movement.added.length && !movement.removed.length) {
    out.push(`${since}, no rating or status has changed.`);
    return out;
  }
  let first = parts.length ? `${since}, ${list(parts)}` : `${since}, no rating has changed`;
  if (more > 0) first += `; ${more} more changed rating`;
  out.push(`${first}.`);
  const other: string[] = [];
  if (movement.newlyOverdue.length)
    other.push(`${movement.newlyOverdue.length} ${hasHave(movement.newlyOverdue.length)} become overdue`);
  if (movement.added.length)
    other.push(`${movement.added.length} ${hasHave(movement.added.length)} been added`);
  if (movement.removed.length)
    other.push(`${movement.removed.length} ${hasHave(movement.removed.length)} been removed`);
  if (other.length) out.push(`${capital(list(other))}.`);
  return out;
}

/** The `limit` most pressing red or overdue actions, worded (only those: a plan may have thousands), and how many there are. */
function attentionOf(
  result: PlanResult,
  words: Record<Rating | "none", string>,
  limit: number,
): { listed: AttentionItem[]; total: number } {
  const items: { a: Action; days: number }[] = [];
  for (const sheet of result.sheets)
    for (const a of sheet.actions)
      if (a.rag === "red" || a.status === "overdue") items.push({ a, days: a.daysOverdue ?? -1 });
  // Red and overdue first, then the longest overdue, then red; workbook order within each (stable sort).
  const weight = (x: { a: Action; days: number }) => (x.a.rag === "red" && x.days >= 0 ? 1 : 0);
  items.sort((x, y) => weight(y) - weight(x) || y.days - x.days);
  const listed = items.slice(0, limit).map(({ a, days }) => {
    const why: string[] = [];
    if (a.rag === "red") why.push(capital(words.red));
    if (days >= 0) why.push(`${why.length ? "overdue" : "Overdue"} by ${n(days, "day", "days")}`);
    return {
      sheet: a.sheet,
      row: a.row,
      action: cut(a.action, TEXT_LIMIT),
      owner: a.owner.trim() || "(no owner)",
      why: why.join("; "),
      due: a.deadline.due ? formatDay(a.deadline.due) : a.deadline.text.trim(),
      comment: latestComment(a.comments),
    };
  });
  return { listed, total: items.length };
}

/**
 * Said in the pane (not in the committee paragraph, which a re-summary leaves exactly as it was)
 * when this summary replaced a stored review of the same as-of date.
 */
function replacesNote(replaces: ReviewRef | null, previous: ReviewRef | null): string | null {
  if (!replaces) return null;
  const taken = replaces.takenOn === replaces.asOf ? "" : ` (taken on ${formatDay(replaces.takenOn)})`;
  return (
    `This summary replaces the one already taken as at ${formatDay(replaces.asOf)}${taken}: ` +
    (previous
      ? `movement is still counted since the review before it, on ${formatDay(previous.asOf)}.`
      : "there is no earlier review to compare with.")
  );
}

/** The committee report of a summary. */
export function committeeReport(input: ReportInput): CommitteeReport {
  const { result } = input;
  const words = ratingWords(input.legend);
  const name = input.planName?.trim() || "The plan";
  const asOf = formatDay(result.asOf);
  const s = result.summary;
  const sentences: string[] = [];
  const actions = result.sheets.flatMap((sh) => sh.actions);
  if (s.actions === 0) {
    sentences.push(`${name} has no actions to report as at ${asOf}.`);
  } else {
    const tabs = result.sheets.filter((sh) => sh.summary.actions > 0).length;
    sentences.push(
      `${name}, position as at ${asOf}: ${n(s.actions, "action", "actions")}` +
        (tabs > 1 ? ` across ${tabs} tabs.` : "."),
    );
    sentences.push(ratingSentence(result, words));
    sentences.push(...progressSentences(result, actions, words));
  }
  sentences.push(...movementSentences(input.movement, input.previous, words));
  const attention = attentionOf(result, words, ATTENTION_LIMIT);
  if (s.actions > 0)
    sentences.push(
      attention.total === 0
        ? `No action is ${words.red} or overdue.`
        : `${n(attention.total, "action needs", "actions need")} attention (${words.red} or overdue)` +
            (attention.total > ATTENTION_LIMIT ? `; the ${ATTENTION_LIMIT} most pressing are listed.` : "."),
    );
  return {
    title: `${input.planName?.trim() || "Service Development Plan"}: position as at ${asOf}`,
    sentences,
    paragraph: sentences.join(" "),
    words,
    tabs: result.sheets.map((sh) => tabRow(sh.name, sh.summary)),
    total: tabRow("Whole plan", s),
    attention: attention.listed,
    attentionMore: Math.max(0, attention.total - ATTENTION_LIMIT),
    note: replacesNote(input.replaces, input.previous),
  };
}

/** The plan's name from its title rows: the first text above the first table's header ("Service Development Plan 2022-23"). */
export function planTitle(
  result: PlanResult,
  grid: { sheets: { name: string; origin: { row: number; col: number }; values: unknown[][] }[] },
): string | null {
  for (const sheet of result.sheets) {
    const table = sheet.tables[0];
    const g = grid.sheets.find((x) => x.name === sheet.name);
    if (!table || !g) continue;
    for (let r = 0; r < table.headerRow - g.origin.row && r < g.values.length; r++) {
      for (const v of g.values[r] ?? []) {
        if (typeof v === "string" && v.trim() && !/^date\b/i.test(v.trim())) return cut(v, 100);
      }
    }
  }
  return null;
}
