import { useId, useState } from "react";
import { Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, PlanResult, Severity } from "../core";
import { CellLink } from "./CellLink";
import { SEVERITY_ORDER, SEVERITY_WORDS, plural } from "./wording";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { marginBlockEnd: tokens.spacingVerticalXS },
});

type SeverityFilter = Severity | "all";
const ALL_TABS = "";

/** Findings grouped by tab and severity, filterable; each one selects its cell when activated. */
export function FindingsList({ result }: { result: PlanResult }) {
  const styles = useStyles();
  const [severity, setSeverity] = useState<SeverityFilter>("all");
  const [tab, setTab] = useState<string>(ALL_TABS);
  const headingId = useId();

  const sheets = result.sheets.filter((s) => tab === ALL_TABS || s.name === tab);
  const shown = sheets
    .map((s) => ({
      name: s.name,
      findings: s.findings.filter((f) => severity === "all" || f.severity === severity),
    }))
    .filter((s) => s.findings.length > 0);
  const total = shown.reduce((n, s) => n + s.findings.length, 0);

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Findings</h3>
      <div className={styles.filters}>
        <Field label="Show">
          <Select value={severity} onChange={(_, d) => setSeverity(d.value as SeverityFilter)}>
            <option value="all">All findings</option>
            {SEVERITY_ORDER.map((s) => (
              <option key={s} value={s}>
                {SEVERITY_WORDS[s].many} only
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Tab">
          <Select value={tab} onChange={(_, d) => setTab(d.value)}>
            <option value={ALL_TABS}>All tabs</option>
            {result.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text as="p" role="status">
        {total === 0 ? "No findings to show." : `${plural(total, "finding")} shown.`}
      </Text>
      {shown.map((sheet) => (
        <section key={sheet.name} aria-label={`Findings on ${sheet.name}`}>
          <h4>{sheet.name}</h4>
          {SEVERITY_ORDER.map((sev) => {
            const findings = sheet.findings.filter((f) => f.severity === sev);
            if (findings.length === 0) return null;
            return (
              <div key={sev}>
                <h5>
                  {SEVERITY_WORDS[sev].many} ({findings.length})
                </h5>
                <ul className={styles.list}>
                  {findings.map((f) => (
                    <li key={`${f.rule}-${f.cell}`} className={styles.item}>
                      <FindingItem finding={f} />
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
    </section>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <>
      <CellLink address={finding.cell} label={`Go to ${finding.cell}: ${finding.message}`}>
        {shortCell(finding.cell)}
      </CellLink>{" "}
      {finding.message}
    </>
  );
}

/** "'Early Help'!D14" -> "D14" (the tab is the heading above). */
function shortCell(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}
