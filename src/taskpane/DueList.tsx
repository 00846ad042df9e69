import { useMemo, useState } from "react";
import { Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { cellAddress } from "../core/address";
import { formatDay, type Action, type PlanResult } from "../core";
import { CellLink } from "./CellLink";
import { PagedList } from "./PagedList";
import { labelled, placeName, plural } from "./wording";

const useStyles = makeStyles({
  detail: { display: "block", color: tokens.colorNeutralForeground2 },
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300 },
});

const NO_OWNER = "No owner named";

/** "14 overdue, 3 due in the next 14 days" (the section's one-line summary). */
export function dueLine(result: PlanResult): string {
  const s = result.summary.status;
  if (s.overdue + s["due-soon"] === 0) return "Nothing overdue or due soon";
  return `${s.overdue} overdue, ${s["due-soon"]} due in the next ${plural(result.dueSoonDays, "day")}`;
}

/** Overdue and due-soon actions, most overdue first, a page at a time; optionally grouped by owner ("who owes what"). */
export function DueList({ result }: { result: PlanResult }) {
  const styles = useStyles();
  const [byOwner, setByOwner] = useState(false);
  const actions = useMemo(() => dueActions(result), [result]);

  if (actions.length === 0)
    return (
      <Text as="p">
        Nothing overdue, and nothing due in the next {plural(result.dueSoonDays, "day")}, as of{" "}
        {formatDay(result.asOf)}.
      </Text>
    );

  return (
    <div className={styles.groups}>
      <Switch label="Group by owner" checked={byOwner} onChange={(_, d) => setByOwner(d.checked)} />
      {byOwner ? (
        ownerGroups(actions).map(([owner, list]) => (
          <section key={owner} aria-label={`Owed by ${owner}`}>
            <h4 className={styles.heading}>
              {owner} ({plural(list.length, "action")})
            </h4>
            <ActionList actions={list} result={result} label={`Owed by ${owner}`} />
          </section>
        ))
      ) : (
        <ActionList actions={actions} result={result} label="Overdue and due soon" />
      )}
    </div>
  );
}

function ActionList({ actions, result, label }: { actions: Action[]; result: PlanResult; label: string }) {
  return (
    <PagedList
      items={actions}
      label={label}
      keyOf={(a) => a.key}
      render={(a) => <DueItem action={a} result={result} />}
    />
  );
}

function DueItem({ action, result }: { action: Action; result: PlanResult }) {
  const styles = useStyles();
  const col = action.columns.due ?? action.columns.action ?? 1;
  const address = cellAddress(action.sheet, action.row, col);
  const place = placeName(result, action.sheet, action.row, col);
  const when =
    action.status === "overdue" && action.daysOverdue !== null
      ? `${plural(action.daysOverdue, "day")} overdue`
      : "Due soon";
  return (
    <>
      <CellLink address={address} label={`Go to ${place}`}>
        {place}
      </CellLink>
      <span className={styles.detail}>
        {when}. {action.action.trim()}
      </span>
      <span className={styles.detail}>
        {labelled("Who", action.owner.trim() || NO_OWNER)} ·{" "}
        {labelled("By when", `“${action.deadline.text.trim()}”`)}
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
