import { useMemo, useState } from "react";
import { Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Action, Legend, PlanResult } from "../core";
import { cellAddress } from "../core/address";
import { offeredByTab, offeredSuggestions, planOfferedSuggestions } from "../app/suggestions";
import { CellLink } from "./CellLink";
import { ConfirmDialog } from "./ConfirmDialog";
import { NoticeBar } from "./NoticeBars";
import { PagedList } from "./PagedList";
import { RatingBadge } from "./RatingBadge";
import { usePlanSession } from "./session";
import { STATUS_WORDS, placeName, plural } from "./wording";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  ratings: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  apply: { display: "flex", flexDirection: "column", alignItems: "start", gap: tokens.spacingVerticalS },
  field: { width: "100%", minWidth: 0 },
  select: { width: "100%", maxWidth: "100%" },
});

const ALL_TABS = "";

/** Actions whose rating differs from the one their dates suggest (offered or not). */
function actionsWithSuggestions(result: PlanResult): Action[] {
  return result.sheets
    .flatMap((s) => s.actions)
    .filter((a) => a.suggestedRag !== null && a.suggestedRag !== a.rag);
}

/** "5 to apply" (the section's one-line summary). */
export function suggestionsLine(result: PlanResult): string {
  const n = offeredSuggestions(result).length;
  return n === 0 ? "None to apply" : `${n} to apply`;
}

/**
 * The suggestions the add-in may apply (never one that softens the owner's rating), each beside
 * the owner's rating, with Apply per action and Apply all on one tab or every tab (after a
 * confirmation counting the cells per tab).
 */
export function SuggestionsPanel({ result, legend }: { result: PlanResult; legend?: Legend }) {
  const styles = useStyles();
  const session = usePlanSession();
  const [confirming, setConfirming] = useState(false);
  const [tab, setTab] = useState(ALL_TABS);
  const offered = useMemo(() => offeredSuggestions(result), [result]);
  const perTab = useMemo(() => offeredByTab(result), [result]);
  const softer = actionsWithSuggestions(result).length - offered.length;
  const writes = useMemo(
    () => planOfferedSuggestions(result, tab === ALL_TABS ? "all" : { tab }, legend),
    [result, tab, legend],
  );
  const counted = tab === ALL_TABS ? perTab : perTab.filter((t) => t.sheet === tab);

  const applyOne = (a: Action) => {
    const one = planOfferedSuggestions(result, [{ sheet: a.sheet, row: a.row }], legend);
    void session.changeTexts(one, `Suggested rating applied to ${a.sheet}, row ${a.row}`, {
      place: "suggestions",
      selectChanged: true,
    });
  };
  const applyAll = () => {
    setConfirming(false);
    void session.changeTexts(writes, "Suggested ratings applied", { place: "suggestions" });
  };

  return (
    <div className={styles.panel}>
      <NoticeBar place="suggestions" />
      {offered.length === 0 ? (
        <Text as="p">
          No suggestion to apply: every rating is at least as severe as its deadline suggests.
          {softer > 0 && ` ${softerSentence(softer)}`}
        </Text>
      ) : (
        <>
          <Text as="p">
            {plural(offered.length, "action")} rated less severely than the deadline suggests (overdue → Red,
            due soon → Amber, complete → Blue).{softer > 0 && ` ${softerSentence(softer)}`}
          </Text>
          <div className={styles.apply}>
            {perTab.length > 1 && (
              <Field label="Apply on" className={styles.field}>
                <Select className={styles.select} value={tab} onChange={(_, d) => setTab(d.value)}>
                  <option value={ALL_TABS}>Every tab ({offered.length})</option>
                  {perTab.map((t) => (
                    <option key={t.sheet} value={t.sheet}>
                      {t.sheet} ({t.count})
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Button
              disabled={writes.length === 0 || session.busy !== null}
              onClick={() => setConfirming(true)}
            >
              Apply all suggestions
            </Button>
          </div>
          <PagedList
            items={offered}
            label="Suggested ratings"
            keyOf={(a) => a.key}
            render={(a) => <SuggestionItem result={result} action={a} onApply={() => applyOne(a)} />}
          />
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title="Apply the suggested ratings?"
        confirmLabel={`Change ${plural(writes.length, "cell")}`}
        onConfirm={applyAll}
        onCancel={() => setConfirming(false)}
      >
        This will change {plural(writes.length, "rating cell")} to the more severe rating the deadline
        suggests: {counted.map((t) => `${t.sheet} (${t.count})`).join(", ")}. No rating is softened. You can
        put them back with Restore while this pane stays open.
      </ConfirmDialog>
    </div>
  );
}

function softerSentence(n: number): string {
  return `${plural(n, "other suggestion")} would soften the owner’s rating, so ${n === 1 ? "it is" : "they are"} not offered: the owner may know what the dates don’t show.`;
}

function SuggestionItem({
  result,
  action: a,
  onApply,
}: {
  result: PlanResult;
  action: Action;
  onApply: () => void;
}) {
  const styles = useStyles();
  const session = usePlanSession();
  const col = a.columns.rag ?? a.columns.action ?? 1;
  const place = placeName(result, a.sheet, a.row, col);
  return (
    <>
      <CellLink address={cellAddress(a.sheet, a.row, col)} label={`Go to ${place}`} place="suggestions">
        {place}
      </CellLink>
      <div>{a.action.trim()}</div>
      <div className={styles.ratings}>
        <span>Owner’s rating</span>
        <RatingBadge rating={a.rag} fromColour={a.ragSource === "colour"} />
        <span>Suggested ({STATUS_WORDS[a.status].toLowerCase()})</span>
        <RatingBadge rating={a.suggestedRag} />
        <Button
          size="small"
          disabled={session.busy !== null}
          aria-label={`Apply the suggested rating to ${a.sheet}, row ${a.row}`}
          onClick={onApply}
        >
          Apply
        </Button>
      </div>
    </>
  );
}
