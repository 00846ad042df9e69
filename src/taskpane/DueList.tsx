import { useId, useState } from "react";
import { Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { cellAddress } from "../core/address";
import type { Action, PlanResult } from "../core";
import { CellLink } from "./CellLink";
import { plural } from "./wording";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { marginBlockEnd: tokens.spacingVerticalS },
  detail: { display: "block", color: tokens.colorNeutralForeground2 },
});

const NO_OWNER = "No owner named";

/** Overdue and due-soon actions, oldest first; optionally grouped by owner ("who owes what"). */
export function DueList({ result }: { result: PlanResult }) {
  const [byOwner, setByOwner] = useState(false);
  const headingId = useId();
  const actions = dueActions(result);
  const overdue = actions.filter((a) => a.status === "overdue");
  const dueSoon = actions.filter((a) => a.status === "due-soon");

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Overdue and due soon</h3>
      <Switch label="Group by owner" checked={byOwner} onChange={(_, d) => setByOwner(d.checked)} />
      {actions.length === 0 ? (
        <Text as="p">No action is overdue or due in the next {result.dueSoonDays} days.</Text>
      ) : byOwner ? (
        ownerGroups(actions).map(([owner, list]) => (
          <section key={owner} aria-label={`Owed by ${owner}`}>
            <h4>
              {owner}: {plural(list.length, "action")}
            </h4>
            <ActionList actions={list} />
          </section>
        ))
      ) : (
        <>
          <h4>Overdue ({overdue.length})</h4>
          {overdue.length > 0 ? <ActionList actions={overdue} /> : <Text as="p">None.</Text>}
          <h4>
            Due in the next {result.dueSoonDays} days ({dueSoon.length})
          </h4>
          {dueSoon.length > 0 ? <ActionList actions={dueSoon} /> : <Text as="p">None.</Text>}
        </>
      )}
    </section>
  );
}

function ActionList({ actions }: { actions: Action[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {actions.map((a) => (
        <li key={a.key} className={styles.item}>
          <DueItem action={a} />
        </li>
      ))}
    </ul>
  );
}

function DueItem({ action }: { action: Action }) {
  const styles = useStyles();
  const col = action.columns.due ?? action.columns.action ?? 1;
  const address = cellAddress(action.sheet, action.row, col);
  const when =
    action.status === "overdue" && action.daysOverdue !== null
      ? `${plural(action.daysOverdue, "day")} overdue`
      : "due soon";
  return (
    <>
      <CellLink address={address} label={`Go to ${address}: ${action.action}`}>
        {action.sheet} row {action.row}
      </CellLink>
      : {action.action}
      <span className={styles.detail}>
        Who: {action.owner.trim() || NO_OWNER} · By when: “{action.deadline.text}” → {action.deadline.reading}{" "}
        · {when}
      </span>
    </>
  );
}

/** Overdue (most days overdue first), then due soon (soonest first). */
export function dueActions(result: PlanResult): Action[] {
  const all = result.sheets
    .flatMap((s) => s.actions)
    .filter((a) => a.status === "overdue" || a.status === "due-soon");
  return all.sort((a, b) => {
    if (a.status !== b.status) return a.status === "overdue" ? -1 : 1;
    return (a.deadline.due ?? "").localeCompare(b.deadline.due ?? "");
  });
}

/** Actions grouped by owner (as written, trimmed; case ignored), most actions first. */
export function ownerGroups(actions: Action[]): [string, Action[]][] {
  const groups = new Map<string, { name: string; list: Action[] }>();
  for (const a of actions) {
    const name = a.owner.trim() || NO_OWNER;
    const key = name.toLowerCase();
    const group = groups.get(key) ?? { name, list: [] };
    group.list.push(a);
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((x, y) => y.list.length - x.list.length || x.name.localeCompare(y.name))
    .map((g) => [g.name, g.list]);
}
