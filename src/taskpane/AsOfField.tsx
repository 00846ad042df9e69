import { useState } from "react";
import { Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { formatDay, type IsoDate } from "../core";
import type { AsOfChoice, SettingsForm } from "./settingsForm";

/** The day the plan is judged on: today, the plan's own review date, or a chosen date. */
export function AsOfField({
  form,
  reviewDate,
  problem,
  onChange,
}: {
  form: SettingsForm;
  reviewDate: IsoDate | null;
  problem: string | null;
  onChange: (change: Partial<SettingsForm>) => void;
}) {
  return (
    <Field
      label="Judge the plan as of"
      validationMessage={problem ?? undefined}
      validationState={problem ? "error" : "none"}
    >
      <RadioGroup
        value={form.asOfChoice}
        onChange={(_, d) => onChange({ asOfChoice: d.value as AsOfChoice })}
      >
        <Radio value="today" label="Today (the day you press Check plan)" />
        {reviewDate && <Radio value="review" label={`The plan's review date (${formatDay(reviewDate)})`} />}
        <Radio value="date" label="A date I choose" />
      </RadioGroup>
      {form.asOfChoice === "date" && (
        <DayFirstInput value={form.asOfDate} onChange={(asOfDate) => onChange({ asOfDate })} />
      )}
    </Field>
  );
}

/** "2024-03-31" -> "31/03/2024"; anything else is shown as it is. */
function dayFirst(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** "31/3/2024", "31.03.2024" or "31-03-2024" -> "2024-03-31" (day first, as in the UK); other text is kept as typed. */
function fromDayFirst(text: string): string {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return text.trim();
  return `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
}

/**
 * The chosen date typed day first (dd/mm/yyyy): a browser's date input follows the machine's
 * locale, and Excel's pane often shows mm/dd/yyyy. The settings hold the ISO date.
 */
function DayFirstInput({ value, onChange }: { value: string; onChange: (iso: string) => void }) {
  const [text, setText] = useState(() => dayFirst(value));
  return (
    <Input
      aria-label="As-of date (day/month/year)"
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      value={text}
      onChange={(_, d) => {
        setText(d.value);
        onChange(fromDayFirst(d.value));
      }}
    />
  );
}
