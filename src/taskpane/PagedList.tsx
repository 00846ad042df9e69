import { useState, type ReactNode } from "react";
import { Button, makeStyles, tokens, useArrowNavigationGroup } from "@fluentui/react-components";

const useStyles = makeStyles({
  // No bullets: each item is a small card of two or three lines, its link first.
  list: { margin: 0, padding: 0, listStyleType: "none" },
  item: {
    marginBlockEnd: tokens.spacingVerticalS,
    paddingBlockEnd: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
});

/** How many rows a list shows at first and adds each time (a 20,000-action plan renders a page, not all). */
const PAGE_SIZE = 10;

/**
 * A list drawn a page at a time, with "Show N more" at its end. The list is one Tab stop: the
 * arrow keys move between its links and the button (Fluent's arrow navigation group), so the
 * commands after it stay a few Tab presses away however long it is.
 */
export function PagedList<T>({
  items,
  keyOf,
  render,
  label,
}: {
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  label: string;
}) {
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE_SIZE);
  const arrows = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });
  const left = items.length - shown;
  return (
    <div {...arrows}>
      <ul className={styles.list} aria-label={label}>
        {items.slice(0, shown).map((item) => (
          <li key={keyOf(item)} className={styles.item}>
            {render(item)}
          </li>
        ))}
      </ul>
      {left > 0 && (
        <Button size="small" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          Show {Math.min(left, PAGE_SIZE)} more ({left} not shown)
        </Button>
      )}
    </div>
  );
}
