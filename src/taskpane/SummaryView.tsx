import { Suspense, useId, useState } from "react";
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SummaryOutcome } from "../app/commands";
import { formatDay } from "../core/day-text";
import type { IsoDate } from "../core/model";
import { reportHtml, reportText } from "../core/report-render";
import { copyText } from "./clipboard";
import { copyReport } from "./copy-report";
import { CountsPanel } from "./CountsPanel";
import { MovementPanel } from "./MovementPanel";
import { useResultFocus } from "./focus";
import { NoticeBar } from "./NoticeBars";
import { errorText, useNotices } from "./notices";
import { usePlanSession } from "./session";
import { SummaryCharts } from "./summaryLazy";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  committee: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: "pre-wrap",
    margin: 0,
  },
  offer: {
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignItems: "flex-start",
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  select: { minHeight: "32px", maxWidth: "100%", fontSize: tokens.fontSizeBase300 },
  attention: { paddingLeft: tokens.spacingHorizontalL, margin: 0 },
  quiet: { color: tokens.colorNeutralForeground2 },
});

/** Summarise progress: the committee report (with Copy for report), pictures, movement, each tab and section. */
export function SummaryView() {
  const styles = useStyles();
  const session = usePlanSession();
  const headingId = useId();
  const summary = session.summary;
  // The as-of date the manager chose (the plan's review date), kept for re-runs and comparisons.
  const [asOf, setAsOf] = useState<IsoDate | null>(null);
  const run = (opts: { asOf?: IsoDate | null; compareWith?: IsoDate | null } = {}) => {
    const chosen = opts.asOf !== undefined ? opts.asOf : asOf;
    if (opts.asOf !== undefined) setAsOf(opts.asOf);
    void session.runSummary({
      ...(chosen ? { asOf: chosen } : {}),
      ...(opts.compareWith ? { compareWith: opts.compareWith } : {}),
    });
  };
  const reviewDate = (summary ?? session.outcome)?.result.reviewDate ?? null;
  const judgedOn = summary?.result.asOf ?? null;
  const offer = reviewDate !== null && reviewDate !== judgedOn && asOf !== reviewDate;
  return (
    <section className={styles.view} aria-labelledby={headingId}>
      <h2 id={headingId}>Summarise progress</h2>
      <div className={styles.row}>
        <Button appearance="primary" disabled={session.busy !== null} onClick={() => run()}>
          Summarise progress
        </Button>
      </div>
      {offer && (
        <div className={styles.offer} role="group" aria-label="The plan's review date">
          <Text>
            This plan names a review date. Summarise as at the review date, {formatDay(reviewDate)}?
            {judgedOn ? ` The summary below is as at ${formatDay(judgedOn)}.` : ""}
          </Text>
          <Button disabled={session.busy !== null} onClick={() => run({ asOf: reviewDate })}>
            Summarise as at {formatDay(reviewDate)}
          </Button>
        </div>
      )}
      {session.busy && <Spinner size="tiny" label={session.busy} />}
      <NoticeBar place="summary" />
      {summary ? (
        <SummaryResults
          summary={summary}
          busy={session.busy !== null}
          compareWith={(date) => run({ asOf: summary.result.asOf, compareWith: date })}
        />
      ) : (
        <Text as="p">
          Summarise progress counts every tab and section, writes the Progress Summary tab, and gives a
          paragraph and tables to paste into the committee report, with what moved since the last review.
        </Text>
      )}
    </section>
  );
}

function SummaryResults({
  summary,
  busy,
  compareWith,
}: {
  summary: SummaryOutcome;
  busy: boolean;
  compareWith: (date: IsoDate) => void;
}) {
  const styles = useStyles();
  const result = summary.result;
  const report = summary.report;
  const selectId = useId();
  const headingRef = useResultFocus<HTMLHeadingElement>("summary");
  return (
    <>
      <section aria-labelledby="report-heading">
        <h3 id="report-heading" ref={headingRef} tabIndex={-1}>
          For the committee report
        </h3>
        <Text as="p" data-testid="summary-as-of">
          Position as of {formatDay(result.asOf)}.
        </Text>
        <p className={styles.committee} data-testid="committee-text">
          {report.paragraph}
        </p>
        {report.note && (
          <Text as="p" role="note" data-testid="replaces-note">
            {report.note}
          </Text>
        )}
        {summary.earlierReviews.length > 0 && (
          <div className={styles.row}>
            <label htmlFor={selectId}>Compare with the review as at</label>
            <select
              id={selectId}
              className={styles.select}
              disabled={busy}
              value={summary.previous?.asOf ?? ""}
              onChange={(e) => e.target.value && compareWith(e.target.value)}
            >
              {summary.earlierReviews.map((r) => (
                <option key={r.asOf} value={r.asOf}>
                  {formatDay(r.asOf)}
                </option>
              ))}
            </select>
          </div>
        )}
        <CopyButtons summary={summary} />
        {report.attention.length > 0 && (
          <>
            <h4>Needs attention</h4>
            <ul className={styles.attention} aria-label="Needs attention: red or overdue">
              {report.attention.map((a) => (
                <li key={`${a.sheet}:${a.row}`}>
                  <strong>{a.why}</strong>: {a.action} ({a.sheet}, row {a.row}). Owner: {a.owner}.
                  {a.comment ? ` Latest comment: ${a.comment}` : ""}
                </li>
              ))}
            </ul>
            {report.attentionMore > 0 && (
              <Text as="p" className={styles.quiet}>
                …and {report.attentionMore} more, listed in the Progress Summary tab.
              </Text>
            )}
          </>
        )}
      </section>
      <Suspense fallback={<Spinner size="tiny" label="Drawing the charts…" />}>
        <SummaryCharts result={result} words={report.words} trend={summary.trend} />
      </Suspense>
      <MovementPanel movement={summary.movement} note={report.note} />
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

function CopyButtons({ summary }: { summary: SummaryOutcome }) {
  const notices = useNotices();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (what: "report" | "text") => {
    try {
      if (what === "report") {
        const how = await copyReport(reportHtml(summary.report), reportText(summary.report));
        setCopied(
          how === "text"
            ? "Copied as text only (this host gave no way to copy tables)."
            : "Copied the paragraph and tables: paste into Word or Outlook.",
        );
        notices.announce("The report was copied to the clipboard.");
      } else {
        await copyText(summary.report.paragraph);
        setCopied("Copied to the clipboard.");
        notices.announce("The committee text was copied to the clipboard.");
      }
    } catch (error) {
      setCopied(null);
      notices.notify("error", "The text was not copied", errorText(error), "summary");
    }
  };
  return (
    <div>
      <Button appearance="primary" onClick={() => void copy("report")}>
        Copy for report
      </Button>{" "}
      <Button onClick={() => void copy("text")}>Copy committee text</Button>{" "}
      {copied && <Text role="status">{copied}</Text>}
    </div>
  );
}
