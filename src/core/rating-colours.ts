/**
 * Which colours the rating cells' live colour rules use (SEMANTICS.md "Ratings and colours"): the
 * add-in's colour-blind-safe palette, or, when the settings ask for it, the fills the plan itself
 * already uses for each rating, with black or white text chosen for contrast.
 */
import { readableFont } from "./colour";
import { RATINGS, type PlanResult, type Rating } from "./model";
import { RATING_PALETTE } from "./palette";

/** The setting: "palette" (the add-in's colours, the default) or "plan" (the plan's own fills). */
export type RatingColourChoice = "palette" | "plan";

export interface RatingColour {
  fill: string;
  font: string;
  /** "plan": the plan's own fill; "palette": the add-in's colour (chosen, or the plan has none for it). */
  from: "plan" | "palette";
}

/**
 * The fill the plan uses for each rating: of the rating cells whose fill means their own rating
 * (Action.ratingFill), the fill used most; a tie goes to the one met first (tabs in workbook
 * order, rows top to bottom). A rating no such cell has is left out.
 */
export function planRatingFills(result: PlanResult): Partial<Record<Rating, string>> {
  const counts = new Map<Rating, Map<string, number>>();
  for (const sheet of result.sheets)
    for (const a of sheet.actions) {
      if (!a.ratingFill || !a.rag) continue;
      let byFill = counts.get(a.rag);
      if (!byFill) counts.set(a.rag, (byFill = new Map<string, number>()));
      byFill.set(a.ratingFill, (byFill.get(a.ratingFill) ?? 0) + 1);
    }
  const out: Partial<Record<Rating, string>> = {};
  for (const rating of RATINGS) {
    let best: { fill: string; n: number } | null = null;
    // Map keeps first-met order, so a strict > leaves a tie with the first met.
    for (const [fill, n] of counts.get(rating) ?? []) if (!best || n > best.n) best = { fill, n };
    if (best) out[rating] = best.fill;
  }
  return out;
}

/** Whether the plan already uses fills on its rating cells (so "keep my plan's own colours" means something). */
export function planUsesFills(fills: Partial<Record<Rating, string>>): boolean {
  return RATINGS.some((r) => fills[r] !== undefined);
}

/** The colour of each rating's rule: the plan's own fill where chosen and known, else the palette's. */
export function ratingColourScheme(
  choice: RatingColourChoice,
  fills: Partial<Record<Rating, string>>,
): Record<Rating, RatingColour> {
  const out = {} as Record<Rating, RatingColour>;
  for (const rating of RATINGS) {
    const own = choice === "plan" ? fills[rating] : undefined;
    out[rating] = own
      ? { fill: own, font: readableFont(own), from: "plan" }
      : { ...RATING_PALETTE[rating], from: "palette" };
  }
  return out;
}
