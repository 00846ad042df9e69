/**
 * Colours the add-in writes. Based on the Okabe-Ito colour-blind-safe palette (blue #0072B2,
 * bluish green #009E73, orange #E69F00) with a deep red that stays distinct from the green by
 * lightness as well as hue; the rating's text is always shown too, so colour is never the only
 * signal. Every text colour has a contrast of at least 4.5:1 against its fill (WCAG AA).
 */
import type { Rating } from "./model";

export const RATING_PALETTE: Record<Rating, { fill: string; font: string }> = {
  blue: { fill: "#0072B2", font: "#FFFFFF" }, // 5.2:1
  green: { fill: "#009E73", font: "#000000" }, // 6.1:1
  amber: { fill: "#E69F00", font: "#000000" }, // 9.3:1
  red: { fill: "#B2182B", font: "#FFFFFF" }, // 6.9:1
};

export const STATUS_PALETTE: Record<"overdue" | "due-soon", { fill: string; font: string }> = {
  overdue: { fill: "#F8D0C8", font: "#7A1F00" }, // 7.3:1
  "due-soon": { fill: "#FFF1C2", font: "#5C4300" }, // 8.2:1
};
