/**
 * Many plans at once (sdp-check over a council's workbooks): who owes what across plans, the
 * overdue actions of every plan in one list, and the portfolio's committee sentence. Pure: no
 * Office, no DOM, no Node.
 *
 * Owners are read as everywhere else, by src/core/owners.ts (SEMANTICS.md "Plans from other
 * councils", "Owners"): one cell's owners (ownersIn), names compared by ownerKey, no-owner cells
 * (isNoOwner), aliases followed (aliasNames); an alias applies to the owner cells of its own
 * workbook only.
 */
import { type IsoDate, type OverdueItem, type Status, type Summary } from "./model";
import { formatDay } from "./day-text";
import { aliasNames, ownerKey, ownersIn, type OwnerAlias } from "./owners";

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
    const aliases = aliasNames(plan.aliases);
    for (const a of plan.actions) {
      const open = a.status !== "complete";
      const names = ownersIn(a.owner);
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
