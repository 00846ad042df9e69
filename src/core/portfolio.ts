/**
 * Many plans at once (sdp-check over a council's workbooks): who owes what across plans, the
 * overdue actions of every plan in one list, and the portfolio's committee sentence. Pure: no
 * Office, no DOM, no Node.
 *
 * Owner grouping follows SEMANTICS.md "Plans from other councils" ("Owners"):
 *   - owners are grouped ignoring case, spaces and full stops (`HOS`, `HoS`, `H.o.S.` are one);
 *   - a cell naming several owners counts under each. The separators read here are `/`, `&`, `+`,
 *     `;` and line breaks (`EH Lead / Afghan Project Lead`, `HoS & Management team`). A comma
 *     does NOT separate owners: plans write one owner with a comma (`Team Manager, Assessment`);
 *   - a per-workbook alias list merges names (`HOS = Head of Service`): an alias applies to the
 *     owner cells of its own workbook only;
 *   - a cell that reads `TBC`, `TBA`, `-`, `?` or `n/a` (any case), or nothing, has no owner.
 * NOTE for the merge: engineer "councils" is adding the same grouping to src/core; the two are
 * meant to become one function.
 */
import { type IsoDate, type OverdueItem, type Status, type Summary } from "./model";
import { formatDay } from "./dates";

/** An alias: owner cells naming `alias` count under `name`. */
export interface OwnerAlias {
  alias: string;
  name: string;
}

const PLACEHOLDER_OWNERS: ReadonlySet<string> = new Set(["tbc", "tba", "-", "?", "n/a"]);

/** The grouping key of one owner name: case, spaces (all white space) and full stops ignored. */
export function ownerKey(name: string): string {
  return name.toLowerCase().replace(/[\s.]+/g, "");
}

/** A name as shown: runs of white space collapsed, ends trimmed. */
function tidy(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

/** Whether an owner cell names nobody (empty, or a placeholder such as TBC). */
export function isNoOwner(cell: string): boolean {
  const t = tidy(cell).toLowerCase();
  return t === "" || PLACEHOLDER_OWNERS.has(t);
}

/** The owners one cell names, each tidied, duplicates (by key) dropped, in the order written. */
export function splitOwners(cell: string): string[] {
  if (isNoOwner(cell)) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of cell.split(/[/&+;\r\n]+/)) {
    const name = tidy(part);
    const key = ownerKey(name);
    if (key === "" || isNoOwner(name) || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/**
 * Reads an alias list as stored in a workbook's settings (`ownerAliases`): each entry either
 * a text `"HOS = Head of Service"` or an object `{ "alias": "HOS", "name": "Head of Service" }`.
 * Entries of any other shape are ignored (and counted, so the caller can say so).
 */
export function readOwnerAliases(raw: unknown): { aliases: OwnerAlias[]; ignored: number } {
  const aliases: OwnerAlias[] = [];
  let ignored = 0;
  if (raw === undefined || raw === null) return { aliases, ignored };
  if (!Array.isArray(raw)) return { aliases, ignored: 1 };
  for (const entry of raw as unknown[]) {
    let alias: string | null = null;
    let name: string | null = null;
    if (typeof entry === "string") {
      const eq = entry.indexOf("=");
      if (eq > 0) {
        alias = entry.slice(0, eq);
        name = entry.slice(eq + 1);
      }
    } else if (typeof entry === "object" && entry !== null) {
      const e = entry as { alias?: unknown; name?: unknown };
      if (typeof e.alias === "string" && typeof e.name === "string") {
        alias = e.alias;
        name = e.name;
      }
    }
    if (alias !== null && name !== null && ownerKey(alias) !== "" && ownerKey(name) !== "")
      aliases.push({ alias: tidy(alias), name: tidy(name) });
    else ignored++;
  }
  return { aliases, ignored };
}

/** key -> the name it stands for (aliases followed to their end; a cycle stops where it repeats). */
function aliasMap(aliases: readonly OwnerAlias[]): Map<string, string> {
  const direct = new Map<string, string>();
  for (const a of aliases) if (ownerKey(a.alias) !== ownerKey(a.name)) direct.set(ownerKey(a.alias), a.name);
  const out = new Map<string, string>();
  for (const key of direct.keys()) {
    let name = direct.get(key) as string;
    const seen = new Set([key]);
    while (direct.has(ownerKey(name)) && !seen.has(ownerKey(name))) {
      seen.add(ownerKey(name));
      name = direct.get(ownerKey(name)) as string;
    }
    out.set(key, name);
  }
  return out;
}

/** What the grouping needs of one action. */
interface OwnedAction {
  owner: string;
  status: Status;
}

export interface PlanActions {
  /** The workbook, as given on the command line. */
  workbook: string;
  aliases: readonly OwnerAlias[];
  actions: readonly OwnedAction[];
}

interface OwnerLoad {
  /** The name shown: the alias's name, else the first spelling met (plans in the order given). */
  owner: string;
  /** Every spelling met in the owner cells, in the order met. */
  spellings: string[];
  /** Actions naming this owner (a cell naming several owners counts under each). */
  actions: number;
  /** Of which not complete. */
  open: number;
  overdue: number;
  dueSoon: number;
  /** The plans with an action naming this owner, in the order given. */
  workbooks: string[];
}

export interface OwnerGrouping {
  /** Most overdue first, then most open, then by name. */
  owners: OwnerLoad[];
  /** Actions with no owner (empty cell or a placeholder such as TBC), open ones and overdue ones. */
  noOwner: { actions: number; open: number; overdue: number };
}

/** Who owes what across plans (SEMANTICS.md "Plans from other councils"). */
export function groupOwners(plans: readonly PlanActions[]): OwnerGrouping {
  const groups = new Map<string, OwnerLoad>();
  const noOwner = { actions: 0, open: 0, overdue: 0 };
  for (const plan of plans) {
    const aliases = aliasMap(plan.aliases);
    for (const a of plan.actions) {
      const open = a.status !== "complete";
      const names = splitOwners(a.owner);
      if (names.length === 0) {
        noOwner.actions++;
        if (open) noOwner.open++;
        if (a.status === "overdue") noOwner.overdue++;
        continue;
      }
      const counted = new Set<string>();
      for (const written of names) {
        const target = aliases.get(ownerKey(written));
        const key = ownerKey(target ?? written);
        let group = groups.get(key);
        if (!group) {
          group = {
            owner: target ?? written,
            spellings: [],
            actions: 0,
            open: 0,
            overdue: 0,
            dueSoon: 0,
            workbooks: [],
          };
          groups.set(key, group);
        } else if (target !== undefined && ownerKey(group.owner) !== ownerKey(target)) {
          group.owner = target;
        }
        if (!group.spellings.includes(written)) group.spellings.push(written);
        if (!group.workbooks.includes(plan.workbook)) group.workbooks.push(plan.workbook);
        // "HoS / Head of Service" with HOS = Head of Service: one action, counted once under it.
        if (counted.has(key)) continue;
        counted.add(key);
        group.actions++;
        if (open) group.open++;
        if (a.status === "overdue") group.overdue++;
        if (a.status === "due-soon") group.dueSoon++;
      }
    }
  }
  const owners = [...groups.values()].sort(
    (x, y) =>
      y.overdue - x.overdue ||
      y.open - x.open ||
      (x.owner.toLowerCase() < y.owner.toLowerCase()
        ? -1
        : x.owner.toLowerCase() > y.owner.toLowerCase()
          ? 1
          : 0),
  );
  return { owners, noOwner };
}

/** An overdue action of one plan in the portfolio's list. */
export interface PortfolioOverdue extends OverdueItem {
  workbook: string;
}

/** Every plan's overdue actions in one list, oldest due date first; ties keep the plans' order. */
export function mergeOverdue(
  plans: readonly { workbook: string; overdue: readonly OverdueItem[] }[],
): PortfolioOverdue[] {
  const all: PortfolioOverdue[] = [];
  for (const p of plans) for (const o of p.overdue) all.push({ ...o, workbook: p.workbook });
  // Array.prototype.sort is stable (ES2019): ties stay in plan order, then each plan's own order.
  return all.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The portfolio's committee sentence: "Across 4 plans, all but 40 of the 152 actions are green or
 * blue and 24% are complete; 12 are overdue, in 3 of the plans, the oldest due on 1 April 2022.
 * 1 workbook could not be read and is not counted."
 */
export function portfolioSentence(
  summary: Pick<Summary, "actions" | "rag" | "status" | "percentComplete">,
  plans: { read: number; unread: number; withOverdue: number; oldestDue: IsoDate | null },
): string {
  const unread =
    plans.unread > 0
      ? ` ${plural(plans.unread, "workbook")} could not be read and ${plans.unread === 1 ? "is" : "are"} not counted.`
      : "";
  if (plans.read === 0) return `No plan could be read.${unread}`;
  const where = plans.read === 1 ? "In the one plan" : `Across ${plans.read} plans`;
  const n = summary.actions;
  if (n === 0) return `${where}, there are no actions.${unread}`;
  const good = summary.rag.blue + summary.rag.green;
  const rest = n - good;
  const of = n === 1 ? "the one action" : `the ${n} actions`;
  let head: string;
  if (rest === 0) head = n === 1 ? "the one action is green or blue" : `all ${n} actions are green or blue`;
  else if (good === 0)
    head = n === 1 ? "the one action is not green or blue" : `none of ${of} is green or blue`;
  else if (rest <= good) head = `all but ${rest} of ${of} are green or blue`;
  else head = `${good} of ${of} ${good === 1 ? "is" : "are"} green or blue`;
  const complete = `${summary.percentComplete}% ${n === 1 ? "is" : "are"} complete`;
  const overdue = summary.status.overdue;
  let tail: string;
  if (overdue === 0) tail = "none is overdue";
  else {
    const count =
      overdue === n
        ? n === 1
          ? "it is overdue"
          : "all are overdue"
        : `${overdue} ${overdue === 1 ? "is" : "are"} overdue`;
    const spread =
      plans.read === 1
        ? ""
        : plans.withOverdue === plans.read
          ? ", in every plan"
          : `, in ${plans.withOverdue} of the plans`;
    const oldest = plans.oldestDue ? `, the oldest due on ${formatDay(plans.oldestDue)}` : "";
    tail = `${count}${spread}${oldest}`;
  }
  return `${where}, ${head} and ${complete}; ${tail}.${unread}`;
}
