import { useId } from "react";
import { Field, Input, Text } from "@fluentui/react-components";
import { RATINGS, type Rating } from "../core";
import { RatingBadge } from "./RatingBadge";
import type { LegendRow } from "./settingsForm";
import { RATING_WORDS } from "./wording";

/** Which texts and fill colours mean each rating in this workbook. */
export function LegendEditor({
  legend,
  onChange,
}: {
  legend: Record<Rating, LegendRow>;
  onChange: (legend: Record<Rating, LegendRow>) => void;
}) {
  const headingId = useId();
  const set = (r: Rating, change: Partial<LegendRow>) =>
    onChange({ ...legend, [r]: { ...legend[r], ...change } });
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Legend</h3>
      <Text as="p">
        What each rating is called and written as in this plan. Separate texts and colours with commas; leave
        a rating empty if the plan does not use it.
      </Text>
      {RATINGS.map((r) => (
        <fieldset key={r}>
          <legend>
            <RatingBadge rating={r} />
          </legend>
          <Field label={`${RATING_WORDS[r]}: label`}>
            <Input value={legend[r].label} onChange={(_, d) => set(r, { label: d.value })} />
          </Field>
          <Field label={`${RATING_WORDS[r]}: texts that mean it`}>
            <Input value={legend[r].texts} onChange={(_, d) => set(r, { texts: d.value })} />
          </Field>
          <Field label={`${RATING_WORDS[r]}: fill colours that mean it`}>
            <Input value={legend[r].colours} onChange={(_, d) => set(r, { colours: d.value })} />
          </Field>
        </fieldset>
      ))}
    </section>
  );
}
