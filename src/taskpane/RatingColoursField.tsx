import { useId } from "react";
import { Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { RATINGS, planUsesFills, ratingColourScheme, type Rating, type RatingColourChoice } from "../core";
import { RATING_WORDS } from "./wording";

const useStyles = makeStyles({
  // Swatches are not controls (nothing to press); still spaced well apart, so none crowds the radios.
  swatches: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyleType: "none",
    paddingInlineStart: 0,
    marginBlock: tokens.spacingVerticalS,
  },
  swatch: {
    display: "inline-block",
    minWidth: "52px",
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalXS,
    textAlign: "center",
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * Which colours Check plan gives the rating cells: the add-in's (colour-blind safe) or, where the
 * plan already fills its rating cells, the plan's own. `planFills`: the plan's fill per rating
 * (planRatingFills), or null when the plan could not be read to find out.
 */
export function RatingColoursField({
  value,
  onChange,
  planFills,
  labels,
}: {
  value: RatingColourChoice;
  onChange: (value: RatingColourChoice) => void;
  planFills: Partial<Record<Rating, string>> | null;
  /** The legend's label of each rating as the form has it ("" = the usual word). */
  labels: Record<Rating, string>;
}) {
  const styles = useStyles();
  const headingId = useId();
  const whyId = useId();
  const fills = planFills ?? {};
  const available = planUsesFills(fills);
  const scheme = ratingColourScheme(value, fills);
  const name = (r: Rating) => labels[r].trim() || RATING_WORDS[r];
  const missing = value === "plan" && available ? RATINGS.filter((r) => scheme[r].from === "palette") : [];
  const why =
    planFills === null
      ? "Your plan's own colours: not available, as the plan could not be read to see its colours."
      : "Your plan's own colours: not available, as no rating cell in this plan is filled with a colour.";
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Rating colours</h3>
      <Text as="p">
        Check plan colours each rating cell by the word in it, so the colour changes when someone changes the
        rating.
      </Text>
      <RadioGroup
        aria-labelledby={headingId}
        value={value}
        onChange={(_, d) => onChange(d.value as RatingColourChoice)}
      >
        <Radio value="palette" label="The add-in's colours (easy to tell apart with colour blindness)" />
        <Radio
          value="plan"
          label="Keep my plan's own colours"
          disabled={!available}
          aria-describedby={available ? undefined : whyId}
        />
      </RadioGroup>
      {!available && (
        <Text as="p" id={whyId} size={200} className={styles.note}>
          {why}
          {value === "plan" ? " Check plan uses the add-in's colours until it has some." : ""}
        </Text>
      )}
      <ul className={styles.swatches} aria-label="How Check plan will colour each rating">
        {RATINGS.map((r) => (
          <li key={r}>
            <span
              className={styles.swatch}
              style={{ backgroundColor: scheme[r].fill, color: scheme[r].font }}
              data-testid={`rating-colour-${r}`}
            >
              {name(r)}
            </span>
          </li>
        ))}
      </ul>
      {missing.length > 0 && (
        <Text as="p" size={200} className={styles.note}>
          {missing.map(name).join(", ")}: no fill in your plan, so the add-in&apos;s colour is used.
        </Text>
      )}
    </section>
  );
}
