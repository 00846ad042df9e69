import { useId } from "react";
import { Field, Input, Text, ToggleButton } from "@fluentui/react-components";
import { DEFAULT_LEGEND, RATINGS, type Rating } from "../core";
import { RatingBadge } from "./RatingBadge";
import type { LegendRow } from "./settingsForm";
import { RATING_WORDS } from "./wording";

/** Colours offered as swatches: Excel's standard red, amber, green and blue fills and their light tints. */
const SWATCHES: readonly { hex: string; name: string }[] = [
  { hex: "#FF0000", name: "Red" },
  { hex: "#C00000", name: "Dark red" },
  { hex: "#FFC7CE", name: "Light red" },
  { hex: "#FFC000", name: "Gold" },
  { hex: "#FFFF00", name: "Yellow" },
  { hex: "#ED7D31", name: "Orange" },
  { hex: "#FFEB9C", name: "Light yellow" },
  { hex: "#00B050", name: "Green" },
  { hex: "#92D050", name: "Light green" },
  { hex: "#C6EFCE", name: "Pale green" },
  { hex: "#0070C0", name: "Blue" },
  { hex: "#00B0F0", name: "Light blue" },
  { hex: "#BDD7EE", name: "Pale blue" },
];

function colourList(text: string): string[] {
  return text
    .split(",")
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== "");
}

/**
 * Which words and fill colours mean each rating in this workbook: the words as a list, the colours
 * as swatches to pick (no hex codes to type). Colours the workbook already uses that are not
 * swatches are shown as swatches too, so nothing stored is lost.
 */
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
  const toggle = (r: Rating, hex: string) => {
    const chosen = colourList(legend[r].colours);
    const next = chosen.includes(hex) ? chosen.filter((c) => c !== hex) : [...chosen, hex];
    set(r, { colours: next.join(", ") });
  };
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Legend</h3>
      <Text as="p">
        The words and fill colours that mean each rating in this plan. Separate words with commas; leave a
        rating empty if the plan does not use it.
      </Text>
      {RATINGS.map((r) => {
        const chosen = colourList(legend[r].colours);
        const own = chosen.filter((c) => !SWATCHES.some((s) => s.hex === c));
        const defaults = new Set(DEFAULT_LEGEND.ratings[r]?.colours ?? []);
        const offered = [
          ...SWATCHES.filter((s) => defaults.has(s.hex) || chosen.includes(s.hex)),
          ...SWATCHES.filter((s) => !defaults.has(s.hex) && !chosen.includes(s.hex)),
          ...own.map((hex) => ({ hex, name: "Colour used in this plan" })),
        ];
        return (
          <fieldset key={r}>
            <legend>
              <RatingBadge rating={r} />
            </legend>
            <Field label={`${RATING_WORDS[r]}: label`}>
              <Input value={legend[r].label} onChange={(_, d) => set(r, { label: d.value })} />
            </Field>
            <Field label={`${RATING_WORDS[r]}: words that mean it`}>
              <Input value={legend[r].texts} onChange={(_, d) => set(r, { texts: d.value })} />
            </Field>
            <div role="group" aria-label={`${RATING_WORDS[r]}: fill colours that mean it`}>
              <Text size={200}>Fill colours that mean {RATING_WORDS[r].toLowerCase()}:</Text>
              <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginTop: 4 }}>
                {offered.map((s) => (
                  <ToggleButton
                    key={s.hex}
                    size="small"
                    shape="square"
                    checked={chosen.includes(s.hex)}
                    aria-label={`${s.name} (${s.hex})`}
                    title={s.name}
                    // at least 32 px a side: a pointer target axe (WCAG 2.5.8) and a tired finger both accept
                    style={{ minWidth: 32, minHeight: 32 }}
                    onClick={() => toggle(r, s.hex)}
                    icon={
                      <span
                        aria-hidden
                        style={{
                          display: "inline-block",
                          width: 14,
                          height: 14,
                          background: s.hex,
                          border: "1px solid #605E5C",
                        }}
                      />
                    }
                  >
                    {chosen.includes(s.hex) ? "✓" : ""}
                  </ToggleButton>
                ))}
              </div>
            </div>
          </fieldset>
        );
      })}
    </section>
  );
}
