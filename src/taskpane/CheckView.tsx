import { Suspense } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { BusyNote } from "./BusyNote";
import { useResultFocus } from "./focus";
import { CheckResults } from "./lazyViews";
import { usePlanSession } from "./session";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

/** The Check view: what Check plan (in the pane's header) found, or what it will do. */
export function CheckView() {
  const styles = useStyles();
  const session = usePlanSession();
  const headingRef = useResultFocus<HTMLHeadingElement>("check");
  const outcome = session.outcome;

  return (
    <section className={styles.view} aria-labelledby="check-results">
      <h2 id="check-results" ref={headingRef} tabIndex={-1} className={styles.heading}>
        {outcome ? "Check results" : "Not checked yet"}
      </h2>
      {!outcome ? (
        <Text as="p">
          Check plan reads every tab, checks each action for an owner, a deadline, evidence and a rating, and
          adds a rating dropdown and colours.
        </Text>
      ) : (
        <Suspense fallback={<BusyNote label="Showing the results…" />}>
          <CheckResults outcome={outcome} />
        </Suspense>
      )}
    </section>
  );
}
