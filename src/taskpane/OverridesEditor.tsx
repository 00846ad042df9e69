import { useId } from "react";
import { Button, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Role } from "../core";
import { ROLE_CHOICES, emptyOverride, type OverrideRow } from "./settingsForm";
import { roleWords } from "./wording";

const useStyles = makeStyles({
  // One field under another: a 320 px pane has no room for three side by side.
  row: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingHorizontalS,
    marginBlockEnd: tokens.spacingVerticalS,
  },
  // A Field in a wrapping row sizes to its widest option: keep it inside a 320 px pane.
  field: { minWidth: 0, maxWidth: "100%" },
  remove: { alignSelf: "start" },
  select: { maxWidth: "100%", width: "100%", minWidth: 0 },
});

/** Unusual headers the plan uses: "this header text names that column". */
export function OverridesEditor({
  overrides,
  onChange,
}: {
  overrides: OverrideRow[];
  onChange: (overrides: OverrideRow[]) => void;
}) {
  const styles = useStyles();
  const headingId = useId();
  const set = (i: number, change: Partial<OverrideRow>) =>
    onChange(overrides.map((o, j) => (j === i ? { ...o, ...change } : o)));
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Column headers</h3>
      <Text as="p">
        If a plan names a column in its own words (for example “Lead manager” for Who?), say which column it
        is.
      </Text>
      {overrides.map((o, i) => (
        <div key={i} className={styles.row} role="group" aria-label={`Column override ${i + 1}`}>
          <Field label="Header text">
            <Input value={o.header} onChange={(_, d) => set(i, { header: d.value })} />
          </Field>
          <Field label="Is the column" className={styles.field}>
            <Select
              className={styles.select}
              value={o.role}
              onChange={(_, d) => set(i, { role: d.value as Role })}
            >
              {ROLE_CHOICES.map((r) => (
                <option key={r} value={r}>
                  {roleWords(r)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="On tab (empty: every tab)">
            <Input value={o.sheet} onChange={(_, d) => set(i, { sheet: d.value })} />
          </Field>
          <Button
            className={styles.remove}
            aria-label={`Remove column override ${i + 1}`}
            onClick={() => onChange(overrides.filter((_, j) => j !== i))}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button onClick={() => onChange([...overrides, emptyOverride()])}>Add a column header</Button>
    </section>
  );
}
