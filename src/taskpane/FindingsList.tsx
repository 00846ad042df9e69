import { useMemo, useState } from "react";
import { Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, PlanResult, Severity } from "../core";
import { CellLink } from "./CellLink";
import { PagedList } from "./PagedList";
import { SEVERITY_ORDER, SEVERITY_WORDS, placeName, plural } from "./wording";

const useStyles = makeStyles({
  severity: { fontWeight: tokens.fontWeightSemibold },
  field: { width: "100%", minWidth: 0 },
  select: { width: "100%", maxWidth: "100%" },
});

/** "severity:error", "tab:Early Help" or "all". */
type Filter = string;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Every finding, most severe first, then in tab and row order. */
function sortedFindings(result: PlanResult): Finding[] {
  return result.sheets
    .flatMap((s) => s.findings)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/** "3 errors, 12 warnings, 4 for information" (the section's one-line summary). */
export function findingsLine(result: PlanResult): string {
  const counts = result.summary.findings;
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return "None";
  return SEVERITY_ORDER.filter((s) => counts[s] > 0)
    .map((s) => SEVERITY_WORDS[s].count(counts[s]))
    .join(", ");
}

/** Findings, most severe first, filterable by severity or tab; each one selects its cell when activated. */
export function FindingsList({ result }: { result: PlanResult }) {
  const styles = useStyles();
  const [filter, setFilter] = useState<Filter>("all");
  const all = useMemo(() => sortedFindings(result), [result]);
  const shown = useMemo(
    () =>
      all.filter(
        (f) =>
          filter === "all" ||
          (filter.startsWith("severity:") && f.severity === filter.slice(9)) ||
          (filter.startsWith("tab:") && f.sheet === filter.slice(4)),
      ),
    [all, filter],
  );

  if (all.length === 0)
    return (
      <Text as="p">
        No findings. Every action on {plural(result.sheets.length, "tab")} has an owner, a deadline that reads
        as a date, evidence of what done looks like and a rating.
      </Text>
    );

  return (
    <>
      <Field label="Show" className={styles.field}>
        <Select className={styles.select} value={filter} onChange={(_, d) => setFilter(d.value)}>
          <option value="all">All findings ({all.length})</option>
          <optgroup label="By severity">
            {SEVERITY_ORDER.filter((s) => result.summary.findings[s] > 0).map((s) => (
              <option key={s} value={`severity:${s}`}>
                {SEVERITY_WORDS[s].label} ({result.summary.findings[s]})
              </option>
            ))}
          </optgroup>
          <optgroup label="By tab">
            {result.sheets
              .filter((s) => s.findings.length > 0)
              .map((s) => (
                <option key={s.name} value={`tab:${s.name}`}>
                  {s.name} ({s.findings.length})
                </option>
              ))}
          </optgroup>
        </Select>
      </Field>
      <PagedList
        key={filter}
        items={shown}
        label="Findings"
        keyOf={(f) => `${f.rule}-${f.cell}`}
        render={(f) => <FindingItem result={result} finding={f} />}
      />
    </>
  );
}

function FindingItem({ result, finding }: { result: PlanResult; finding: Finding }) {
  const styles = useStyles();
  const place = placeName(result, finding.sheet, finding.row, finding.col);
  return (
    <>
      <span className={styles.severity}>{SEVERITY_WORDS[finding.severity].label}</span>{" "}
      <CellLink address={finding.cell} label={`Go to ${place}`} place="findings">
        {place}
      </CellLink>{" "}
      {finding.message}
    </>
  );
}
