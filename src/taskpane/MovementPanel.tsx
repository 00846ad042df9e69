import { Text } from "@fluentui/react-components";
import { formatDay, type MovedAction, type Movement } from "../core";
import { RatingBadge } from "./RatingBadge";
import { plural } from "./wording";

/** What changed since the review compared with (named by its as-of date): rating changes, newly overdue, completed, added, removed. */
export function MovementPanel({
  movement,
  note = null,
}: {
  movement: Movement | null;
  note?: string | null;
}) {
  if (!movement) {
    return (
      <section aria-label="Movement since the last review">
        <h3>Movement since the last review</h3>
        <Text as="p">
          {note ??
            "This is the first review recorded in this workbook: movement will be reported from the next review at a later date."}
        </Text>
      </section>
    );
  }
  const nothing =
    movement.ratingChanges.length +
      movement.newlyOverdue.length +
      movement.completed.length +
      movement.added.length +
      movement.removed.length ===
    0;
  return (
    <section aria-label="Movement since the last review">
      <h3>Movement since the last review ({formatDay(movement.since)})</h3>
      {nothing && <Text as="p">Nothing has moved since then.</Text>}
      {movement.ratingChanges.length > 0 && (
        <>
          <h4>Rating changed ({movement.ratingChanges.length})</h4>
          <ul>
            {movement.ratingChanges.map((c) => (
              <li key={c.key}>
                {label(c)}: <RatingBadge rating={c.from} /> → <RatingBadge rating={c.to} />
              </li>
            ))}
          </ul>
        </>
      )}
      <MovedList title="Newly overdue" actions={movement.newlyOverdue} />
      <MovedList title="Completed" actions={movement.completed} />
      <MovedList title="Added" actions={movement.added} />
      <MovedList title="Removed" actions={movement.removed} />
    </section>
  );
}

function MovedList({ title, actions }: { title: string; actions: MovedAction[] }) {
  if (actions.length === 0) return null;
  return (
    <>
      <h4>
        {title} ({plural(actions.length, "action")})
      </h4>
      <ul>
        {actions.map((a) => (
          <li key={a.key}>{label(a)}</li>
        ))}
      </ul>
    </>
  );
}

function label(a: MovedAction): string {
  return `${a.sheet} row ${a.row}: ${a.action}`;
}
