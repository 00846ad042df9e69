import { useId, useState } from "react";
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SummaryOutcome } from "../app/commands";
import { formatDay } from "../core/dates";
import { copyText } from "./clipboard";
import { CountsPanel } from "./CountsPanel";
import { MovementPanel } from "./MovementPanel";
import { useResultFocus } from "./focus";
import { NoticeBar } from "./NoticeBars";
import { errorText, useNotices } from "./notices";
import { usePlanSession } from "./session";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  committee: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: "pre-wrap",
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** Summarise progress: the committee text (with Copy), movement, and each tab and section. */
export function SummaryView() {
  const styles = useStyles();
  const session = usePlanSession();
  const headingId = useId();
  const summary = session.summary;
  return (
    <section className={styles.view} aria-labelledby={headingId}>
      <h2 id={headingId}>Summarise progress</h2>
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={session.busy !== null}
          onClick={() => void session.runSummary()}
        >
          Summarise progress
        </Button>
      </div>
      {session.busy && <Spinner size="tiny" label={session.busy} />}
      <NoticeBar place="summary" />
      {summary ? (
        <SummaryResults summary={summary} />
      ) : (
        <Text as="p">
          Summarise progress counts every tab and section, writes the Progress Summary tab, and gives a
          sentence to paste into the committee report, with what moved since the last review.
        </Text>
      )}
    </section>
  );
}

function SummaryResults({ summary }: { summary: SummaryOutcome }) {
  const styles = useStyles();
  const result = summary.result;
  const headingRef = useResultFocus<HTMLHeadingElement>("summary");
  return (
    <>
      <section aria-label="For the committee report">
        <h3 ref={headingRef} tabIndex={-1}>
          For the committee report
        </h3>
        <Text as="p" data-testid="summary-as-of">
          Position as of {formatDay(result.asOf)}.
        </Text>
        <p className={styles.committee} data-testid="committee-text">
          {summary.committeeText}
        </p>
        <CopyButton text={summary.committeeText} />
      </section>
      <MovementPanel movement={summary.movement} />
      <section aria-label="Whole plan">
        <h3>Whole plan</h3>
        <Text as="p">{result.summary.sentence}</Text>
        <CountsPanel summary={result.summary} label="Whole plan" />
      </section>
      {result.sheets.map((sheet) => (
        <section key={sheet.name} aria-label={`Tab ${sheet.name}`}>
          <h3>{sheet.name}</h3>
          <Text as="p">{sheet.summary.sentence}</Text>
          <CountsPanel summary={sheet.summary} label={sheet.name} />
          {sheet.sections.filter((s) => s.name !== null).length > 0 && (
            <>
              <h4>Sections</h4>
              <ul>
                {sheet.sections.map((s) => (
                  <li key={s.name ?? ""}>{s.summary.sentence}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </>
  );
}

function CopyButton({ text }: { text: string }) {
  const { notify, announce } = useNotices();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await copyText(text);
      setCopied(true);
      announce("The committee text was copied to the clipboard.");
    } catch (error) {
      setCopied(false);
      notify("error", "The text was not copied", errorText(error), "summary");
    }
  };
  return (
    <div>
      <Button onClick={() => void copy()}>Copy committee text</Button>{" "}
      {copied && <Text role="status">Copied to the clipboard.</Text>}
    </div>
  );
}
