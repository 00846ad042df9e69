import { Suspense, useId } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { BusyNote } from "./BusyNote";
import { CheckResults } from "./lazyViews";
import { usePlanSession } from "./session";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Check plan: run the check, then counts, findings, overdue actions and suggested ratings. */
export function CheckView() {
  const styles = useStyles();
  const session = usePlanSession();
  const headingId = useId();
  const outcome = session.outcome;

  return (
    <section className={styles.view} aria-labelledby={headingId}>
      <h2 id={headingId}>Check plan</h2>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={session.busy !== null} onClick={() => void session.runCheck()}>
          Check plan
        </Button>
        {session.canRestore && (
          <Button disabled={session.busy !== null} onClick={() => void session.restore()}>
            Restore
          </Button>
        )}
      </div>
      {session.busy && <BusyNote label={session.busy} />}
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
