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
        <Input
          type="date"
          aria-label="As-of date"
          value={form.asOfDate}
          onChange={(_, d) => onChange({ asOfDate: d.value })}
        />
      )}
    </Field>
  );
}
