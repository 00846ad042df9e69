/** Counts, percent complete, the overdue list and the plain-English sentences (SEMANTICS.md "Summaries and movement"). */
import { cellAddress } from "./address";
import type { BoundedMap } from "./bounded-map";
import { formatDay } from "./day-text";
import {
  RATINGS,
  STATUSES,
  type Action,
  type Finding,
  type Movement,
  type OverdueItem,
  type Rating,
  type RatingCounts,
  type SeverityCounts,
  type StatusCounts,
  type Summary,
} from "./model";

export function emptyRatingCounts(): RatingCounts {
  return { blue: 0, green: 0, amber: 0, red: 0, none: 0 };
}

export function emptyStatusCounts(): StatusCounts {
  return { complete: 0, overdue: 0, "due-soon": 0, "on-track": 0, ongoing: 0, "no-deadline": 0 };
}

/** complete / actions as a whole percent, halves rounded up; 0 when there are no actions. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.floor((200 * part + whole) / (2 * whole)) : 0;
}

/** `sheetRefs`: sheet names already quoted (the check's caches, src/core/caches.ts). */
export function overdueItem(a: Action, sheetRefs?: BoundedMap<string, string>): OverdueItem | null {
  if (a.status !== "overdue" || a.deadline.due === null) return null;
  const col = a.columns.action ?? a.columns.due ?? 1;
  return {
    sheet: a.sheet,
    row: a.row,
    key: a.key,
    section: a.section,
    action: a.action,
    owner: a.owner,
    due: a.deadline.due,
    dueText: a.deadline.text,
    daysOverdue: a.daysOverdue ?? 0,
    cell: cellAddress(a.sheet, a.row, col, sheetRefs),
  };
}

/** Oldest due date first; ties in workbook order (as given) are kept by a stable sort. */
function compareOverdue(a: OverdueItem, b: OverdueItem): number {
  return a.due < b.due ? -1 : a.due > b.due ? 1 : 0;
}

/** The summary of some actions and their findings. `name` starts the sentence (null: the workbook style). */
export function summarise(
  actions: readonly Action[],
  findings: readonly Finding[],
  name: string | null,
  items?: ReadonlyMap<Action, OverdueItem>,
): Summary {
  const rag = emptyRatingCounts();
  const status = emptyStatusCounts();
  const overdue: OverdueItem[] = [];
  for (const a of actions) {
    rag[a.rag ?? "none"]++;
    status[a.status]++;
    // `items`: the overdue items already made for these actions (a tab's, shared with its sections)
    const item = items ? (items.get(a) ?? null) : overdueItem(a);
    if (item) overdue.push(item);
  }
  overdue.sort(compareOverdue);
  return finish(actions.length, rag, status, overdue, severityCounts(findings), name);
}

/** Adds summaries together (the workbook from its tabs), merging their overdue lists oldest first. */
export function combineSummaries(parts: readonly Summary[], name: string | null): Summary {
  const rag = emptyRatingCounts();
  const status = emptyStatusCounts();
  const findings: SeverityCounts = { error: 0, warning: 0, info: 0 };
  let actions = 0;
  let overdue: OverdueItem[] = [];
  for (const p of parts) {
    actions += p.actions;
    for (const k of [...RATINGS, "none"] as const) rag[k] += p.rag[k];
    for (const k of STATUSES) status[k] += p.status[k];
    findings.error += p.findings.error;
    findings.warning += p.findings.warning;
    findings.info += p.findings.info;
    overdue = mergeSorted(overdue, p.overdue);
  }
  return finish(actions, rag, status, overdue, findings, name);
}

function finish(
  actions: number,
  rag: RatingCounts,
  status: StatusCounts,
  overdue: OverdueItem[],
  findings: SeverityCounts,
  name: string | null,
): Summary {
  const partial = {
    actions,
    rag,
    status,
    percentComplete: percentOf(status.complete, actions),
    overdue,
    findings,
    sentence: "",
  };
  return { ...partial, sentence: name === null ? workbookSentence(partial) : areaSentence(name, partial) };
}

function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const out: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

function mergeSorted(a: OverdueItem[], b: OverdueItem[]): OverdueItem[] {
  if (!a.length) return b.slice();
  if (!b.length) return a;
  const out: OverdueItem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (compareOverdue(y, x) < 0) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
    }
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function list(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/**
 * A tab's or section's sentence: "Early Help: 10 actions; 1 blue, 4 green, 2 amber, 3 not rated;
 * 2 complete (20%), 1 overdue." Zero counts are left out; "Early Help: no actions."
 */
export function areaSentence(
  name: string,
  s: Pick<Summary, "actions" | "rag" | "status" | "percentComplete">,
): string {
  if (s.actions === 0) return `${name}: no actions.`;
  const ratings = [...RATINGS.map((r) => [s.rag[r], r] as const), [s.rag.none, "not rated"] as const]
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`);
  const progress: string[] = [];
  if (s.status.complete > 0) progress.push(`${s.status.complete} complete (${s.percentComplete}%)`);
  if (s.status.overdue > 0) progress.push(`${s.status.overdue} overdue`);
  if (s.status["due-soon"] > 0) progress.push(`${s.status["due-soon"]} due soon`);
  const head = `${name}: ${plural(s.actions, "action", "actions")}; ${ratings.join(", ")}`;
  return progress.length ? `${head}; ${progress.join(", ")}.` : `${head}.`;
}

/**
 * The committee sentence: "All but 3 actions are green or blue; 2 are overdue; 3 have moved
 * from green to amber since the last review (4 July 2022)."
 */
export function workbookSentence(
  s: Pick<Summary, "actions" | "rag" | "status">,
  movement?: Movement | null,
): string {
  const n = s.actions;
  if (n === 0) return "The plan has no actions.";
  const good = s.rag.blue + s.rag.green;
  const rest = n - good;
  let head: string;
  if (rest === 0)
    head =
      n === 1
        ? "The one action is green or blue"
        : n === 2
          ? "Both actions are green or blue"
          : `All ${n} actions are green or blue`;
  else if (good === 0)
    head = n === 1 ? "The one action is not green or blue" : `None of the ${n} actions is green or blue`;
  else if (rest <= good) head = `All but ${plural(rest, "action is", "actions are")} green or blue`;
  else head = `${good} of the ${n} actions ${good === 1 ? "is" : "are"} green or blue`;
  const parts = [head];
  const overdue = s.status.overdue;
  if (overdue > 0)
    parts.push(
      overdue === n
        ? n === 1
          ? "it is overdue"
          : "all are overdue"
        : `${overdue} ${overdue === 1 ? "is" : "are"} overdue`,
    );
  if (movement) parts.push(movementClause(movement));
  return `${parts.join("; ")}.`;
}

function ratingWord(r: Rating | null): string {
  return r ?? "not rated";
}

/** "3 have moved from green to amber, 1 from amber to red and 2 have been completed since the last review (4 July 2022)" */
function movementClause(m: Movement): string {
  const since = `since the last review (${formatDay(m.since)})`;
  const moves = new Map<string, number>();
  for (const c of m.ratingChanges) {
    const k = `from ${ratingWord(c.from)} to ${ratingWord(c.to)}`;
    moves.set(k, (moves.get(k) ?? 0) + 1);
  }
  const parts = [...moves.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, count], i) =>
      i === 0 ? `${count} ${count === 1 ? "has" : "have"} moved ${k}` : `${count} ${k}`,
    );
  if (m.completed.length)
    parts.push(`${m.completed.length} ${m.completed.length === 1 ? "has" : "have"} been completed`);
  if (m.newlyOverdue.length)
    parts.push(`${m.newlyOverdue.length} ${m.newlyOverdue.length === 1 ? "has" : "have"} become overdue`);
  if (m.added.length) parts.push(`${plural(m.added.length, "action has", "actions have")} been added`);
  if (m.removed.length) parts.push(`${plural(m.removed.length, "has", "have")} been removed`);
  if (!parts.length) return `no ratings have changed ${since}`;
  return `${list(parts)} ${since}`;
}
