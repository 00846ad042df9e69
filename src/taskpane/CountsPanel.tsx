import type { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { RATINGS, STATUSES, type Summary } from "../core";
import { RatingBadge } from "./RatingBadge";
import { STATUS_WORDS } from "./wording";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { margin: 0 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, textAlign: "end" },
});

/** Counts by status and by rating for one summary (workbook, tab or section). */
export function CountsPanel({ summary, label }: { summary: Summary; label: string }) {
  const styles = useStyles();
  return (
    <div>
      <dl className={styles.grid} aria-label={`${label}: counts by status`}>
        <dt className={styles.term}>Actions</dt>
        <dd className={styles.value}>{summary.actions}</dd>
        {STATUSES.map((status) => (
          <Row key={status} term={STATUS_WORDS[status]} value={summary.status[status]} />
        ))}
        <dt className={styles.term}>Complete (per cent)</dt>
        <dd className={styles.value}>{summary.percentComplete}%</dd>
      </dl>
      <dl className={styles.grid} aria-label={`${label}: counts by rating`}>
        {RATINGS.map((rating) => (
          <Row key={rating} term={<RatingBadge rating={rating} />} value={summary.rag[rating]} />
        ))}
        <Row term={<RatingBadge rating={null} />} value={summary.rag.none} />
      </dl>
    </div>
  );
}

function Row({ term, value }: { term: ReactNode; value: number }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value}</dd>
    </>
  );
}
