import { useId, useMemo, useState } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { planApplySuggestions, type Action, type PlanResult } from "../core";
import { cellAddress } from "../core/address";
import { CellLink } from "./CellLink";
import { ConfirmDialog } from "./ConfirmDialog";
import { RatingBadge } from "./RatingBadge";
import { usePlanSession } from "./session";
import { STATUS_WORDS, plural } from "./wording";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { marginBlockEnd: tokens.spacingVerticalS },
  ratings: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** Actions whose rating differs from the one their dates suggest. */
function actionsWithSuggestions(result: PlanResult): Action[] {
  return result.sheets
    .flatMap((s) => s.actions)
    .filter((a) => a.suggestedRag !== null && a.suggestedRag !== a.rag);
}

/** The suggested rating beside the owner's, with Apply per action and Apply all (after confirming). */
export function SuggestionsPanel({ result }: { result: PlanResult }) {
  const styles = useStyles();
  const session = usePlanSession();
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();
  const actions = actionsWithSuggestions(result);
  const allWrites = useMemo(() => planApplySuggestions(result, "all"), [result]);

  const applyOne = (a: Action) => {
    const writes = planApplySuggestions(result, [{ sheet: a.sheet, row: a.row }]);
    void session.changeTexts(writes, `Suggested rating applied to ${a.sheet} row ${a.row}`);
  };
  const applyAll = () => {
    setConfirming(false);
    void session.changeTexts(allWrites, "Suggested ratings applied");
  };

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Suggested ratings</h3>
      {actions.length === 0 ? (
        <Text as="p">Every rating agrees with its deadline.</Text>
      ) : (
        <>
          <Text as="p">
            {plural(actions.length, "action")} rated differently from what the deadline suggests (overdue →
            Red, due soon → Amber, on track or ongoing → Green, complete → Blue).
          </Text>
          <Button
            disabled={allWrites.length === 0 || session.busy !== null}
            onClick={() => setConfirming(true)}
          >
            Apply all suggestions
          </Button>
          <ul className={styles.list}>
            {actions.map((a) => (
              <li key={a.key} className={styles.item}>
                <CellLink address={addressOfRating(a)} label={`Go to ${addressOfRating(a)}: ${a.action}`}>
                  {a.sheet} row {a.row}
                </CellLink>
                : {a.action}
                <div className={styles.ratings}>
                  <span>Owner’s rating:</span>{" "}
                  <RatingBadge rating={a.rag} fromColour={a.ragSource === "colour"} />
                  <span>Suggested ({STATUS_WORDS[a.status].toLowerCase()}):</span>{" "}
                  <RatingBadge rating={a.suggestedRag} />
                  <Button
                    size="small"
                    disabled={session.busy !== null}
                    aria-label={`Apply the suggested rating to ${a.sheet} row ${a.row}`}
                    onClick={() => applyOne(a)}
                  >
                    Apply
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title="Apply all suggested ratings?"
        confirmLabel={`Change ${plural(allWrites.length, "cell")}`}
        onConfirm={applyAll}
        onCancel={() => setConfirming(false)}
      >
        This will change {plural(allWrites.length, "rating cell")} to the rating the deadline suggests. You
        can put them back with Restore while this pane stays open.
      </ConfirmDialog>
    </section>
  );
}

function addressOfRating(a: Action): string {
  return cellAddress(a.sheet, a.row, a.columns.rag ?? a.columns.action ?? 1);
}
