import { useState, type ReactNode } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { CheckOutcome } from "../app/commands";
import { offeredSuggestions } from "../app/suggestions";
import { ColourRatingsPanel } from "./ColourRatingsPanel";
import { CountsPanel } from "./CountsPanel";
import { DueList, dueLine } from "./DueList";
import { FindingsList, findingsLine } from "./FindingsList";
import { FormattingDialog } from "./FormattingDialog";
import { NoticeBar } from "./NoticeBars";
import { SuggestionsPanel, suggestionsLine } from "./SuggestionsPanel";
import { noPlanTableMessage } from "../core/plan";
import { InvalidWordsPanel } from "./InvalidWordsPanel";
import { usePlanSession } from "./session";
import { plural } from "./wording";

const useStyles = makeStyles({
  header: { fontSize: tokens.fontSizeBase300 },
  name: { fontWeight: tokens.fontWeightSemibold },
  line: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlockEnd: tokens.spacingVerticalM,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export type CheckSection = "counts" | "findings" | "due" | "suggestions" | "formatting";

/** The section to open first: overdue actions, else errors, else suggestions to apply, else the counts. */
export function urgentSection(outcome: CheckOutcome): CheckSection {
  const r = outcome.result;
  if (r.summary.status.overdue > 0) return "due";
  if (r.summary.findings.error > 0) return "findings";
  if (offeredSuggestions(r).length > 0) return "suggestions";
  if (outcome.formatting === "blocked" || outcome.formatting === "needs-confirmation") return "formatting";
  return "counts";
}

const FORMATTING_LINES: Record<CheckOutcome["formatting"], string> = {
  applied: "Rating dropdowns and colours added",
  "nothing-to-do": "Rating dropdowns and colours up to date",
  "needs-confirmation": "Waiting for your answer about your own rules",
  blocked: "Not added: protected",
};

/**
 * What a check found, as collapsible sections (Counts, Findings, Due and overdue, Suggestions,
 * Formatting), each headed by a one-line summary, the most urgent one open. Loaded after the first check.
 */
export function CheckResults({ outcome }: { outcome: CheckOutcome }) {
  const styles = useStyles();
  const session = usePlanSession();
  const result = outcome.result;
  const [open, setOpen] = useState<CheckSection[]>(() => [urgentSection(outcome)]);

  if (result.summary.actions === 0) return <NoPlanTable outcome={outcome} />;

  const s = result.summary;
  return (
    <>
      <Accordion
        multiple
        collapsible
        openItems={open}
        onToggle={(_, d) => setOpen(d.openItems as CheckSection[])}
      >
        <Section
          value="counts"
          name="Counts"
          line={`${plural(s.actions, "action")}, ${s.percentComplete}% complete`}
        >
          <CountsPanel summary={s} label="Whole plan" />
        </Section>
        <Section value="findings" name="Findings" line={findingsLine(result)}>
          <NoticeBar place="findings" />
          {(result.unnamedSheets ?? []).map((name) => (
            <p key={name}>{noPlanTableMessage(name)} Add column-role overrides in Settings.</p>
          ))}
          <FindingsList result={result} />
          <InvalidWordsPanel outcome={outcome} />
        </Section>
        <Section value="due" name="Due and overdue" line={dueLine(result)}>
          <DueList result={result} />
        </Section>
        <Section value="suggestions" name="Suggestions" line={suggestionsLine(result)}>
          <SuggestionsPanel result={result} legend={outcome.settings.legend} />
        </Section>
        <Section value="formatting" name="Formatting" line={FORMATTING_LINES[outcome.formatting]}>
          <NoticeBar place="formatting" />
          <div className={styles.buttons}>
            <Button disabled={session.busy !== null} onClick={() => void session.removeFormatting()}>
              Remove formatting added by SDP Assistant
            </Button>
            <ColourRatingsPanel result={result} />
            {session.canRestore && (
              <Button disabled={session.busy !== null} onClick={() => void session.restore()}>
                Restore the last change
              </Button>
            )}
          </div>
        </Section>
      </Accordion>
      {result.skippedSheets.length > 0 && (
        <Text as="p" size={200}>
          Not checked (hidden, or no header row): {result.skippedSheets.join(", ")}.
        </Text>
      )}
      <FormattingDialog outcome={outcome} />
    </>
  );
}

function Section({
  value,
  name,
  line,
  children,
}: {
  value: CheckSection;
  name: string;
  line: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <AccordionItem value={value}>
      <AccordionHeader as="h3" className={styles.header} expandIconPosition="end">
        <span>
          <span className={styles.name}>{name}:</span> <span className={styles.line}>{line}</span>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div className={styles.panel}>{children}</div>
      </AccordionPanel>
    </AccordionItem>
  );
}

/** An empty or unrecognised workbook: say so, and how to name the columns, never "all clear". */
function NoPlanTable({ outcome }: { outcome: CheckOutcome }) {
  const result = outcome.result;
  const tabs = outcome.read.grid.sheets.length;
  return (
    <section aria-labelledby="no-plan-table">
      <h3 id="no-plan-table">No plan table found</h3>
      <p>
        {tabs === 0
          ? "The workbook has no tabs SDP Assistant can read."
          : `SDP Assistant read ${plural(tabs, "tab")} and found no header row of a plan (columns such as “Who?”, “By when?” and “RAG rated”), so nothing was checked. This is not a clean bill of health.`}
        {result.skippedSheets.length > 0 && ` Tabs without a plan table: ${result.skippedSheets.join(", ")}.`}
      </p>
      {(result.unnamedSheets ?? []).map((name) => (
        <p key={name}>{noPlanTableMessage(name)}</p>
      ))}
      <p>
        If your plan names its columns differently, open Settings and, under Column headers, say which header
        is which column (for example “Lead officer” is the owner), then press Check plan again.
      </p>
    </section>
  );
}
