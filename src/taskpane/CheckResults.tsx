import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckOutcome } from "../app/commands";
import { formatDay } from "../core/dates";
import { ColourRatingsPanel } from "./ColourRatingsPanel";
import { CountsPanel } from "./CountsPanel";
import { DueList } from "./DueList";
import { FindingsList } from "./FindingsList";
import { FormattingDialog } from "./FormattingDialog";
import { InvalidWordsPanel } from "./InvalidWordsPanel";
import { noPlanTableMessage } from "../core";
import { SuggestionsPanel } from "./SuggestionsPanel";
import { usePlanSession } from "./session";
import { plural } from "./wording";

const useStyles = makeStyles({
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** What a check found: counts, findings, overdue actions, suggested ratings, formatting. Loaded after the first check. */
export function CheckResults({ outcome }: { outcome: CheckOutcome }) {
  const styles = useStyles();
  const session = usePlanSession();
  const result = outcome.result;
  return (
    <>
      <Text as="p">
        Judged on {formatDay(result.asOf)}; “due soon” means within {plural(result.dueSoonDays, "day")}.
        {result.skippedSheets.length > 0 && ` Not checked: ${result.skippedSheets.join(", ")}.`}
      </Text>
      <section aria-label="Counts for the whole plan">
        <h3>Counts</h3>
        <CountsPanel summary={result.summary} label="Whole plan" />
      </section>
      {(result.unnamedSheets ?? []).map((name) => (
        <Text as="p" key={name}>
          {noPlanTableMessage(name)} Add column-role overrides in Settings.
        </Text>
      ))}
      <FindingsList result={result} />
      <InvalidWordsPanel outcome={outcome} />
      <DueList result={result} />
      <SuggestionsPanel result={result} />
      <section aria-label="Formatting">
        <h3>Formatting</h3>
        <div className={styles.buttons}>
          <ColourRatingsPanel result={result} />
          <Button disabled={session.busy !== null} onClick={() => void session.removeFormatting()}>
            Remove formatting added by SDP Assistant
          </Button>
        </div>
      </section>
      <FormattingDialog outcome={outcome} />
    </>
  );
}
