/** What a rating cell means: its text first, else its fill colour (SEMANTICS.md "Ratings (RAG)"). */
import { hueDistance, toHsl } from "./colour";
import { RATINGS, type Legend, type Rating, type RatingSource } from "./model";

/** The default legend: the texts of SEMANTICS.md "Ratings (RAG)" and the colours plans are usually filled with. */
export const DEFAULT_LEGEND: Legend = {
  version: 1,
  blueMeansComplete: true,
  ratings: {
    blue: {
      label: "Blue",
      texts: ["B", "Blue", "Complete", "Completed", "Done"],
      colours: ["#0070C0", "#00B0F0", "#0000FF", "#4472C4", "#5B9BD5", "#9BC2E6", "#BDD7EE"],
    },
    green: {
      label: "Green",
      texts: ["G", "Green", "On track"],
      colours: ["#00B050", "#92D050", "#00FF00", "#008000", "#70AD47", "#C6EFCE", "#A9D08E"],
    },
    amber: {
      label: "Amber",
      texts: ["A", "Amber", "Orange", "Yellow", "At risk"],
      colours: ["#FFC000", "#FFFF00", "#FFA500", "#ED7D31", "#FFEB9C", "#F4B084", "#FFD966"],
    },
    red: {
      label: "Red",
      texts: ["R", "Red", "Off track"],
      colours: ["#FF0000", "#C00000", "#FFC7CE", "#E06666"],
    },
  },
};

export interface RatingReading {
  rag: Rating | null;
  source: RatingSource | null;
  /** The cell has text that is not a rating. */
  invalid: boolean;
}

/** Below this saturation (grey) or above this lightness (white) a fill is no colour. */
const MIN_SATURATION = 0.2;
const MAX_LIGHTNESS = 0.95;

/** Reads a rating cell: its trimmed text in any case, else the legend colour nearest by hue to its fill. */
export function readRating(
  text: string,
  fill: string | null,
  legend: Legend = DEFAULT_LEGEND,
): RatingReading {
  const written = text.trim().toLowerCase();
  if (written) {
    const rag = ratingOfText(written, legend);
    return rag ? { rag, source: "text", invalid: false } : { rag: null, source: null, invalid: true };
  }
  const rag = fill ? ratingOfColour(fill, legend) : null;
  return rag ? { rag, source: "colour", invalid: false } : { rag: null, source: null, invalid: false };
}

function ratingOfText(lowerText: string, legend: Legend): Rating | null {
  let texts = textCache.get(legend);
  if (!texts) {
    // the first rating (in RATINGS order) whose label or one of whose texts matches wins, as in a scan
    texts = new Map();
    for (const rating of RATINGS) {
      const entry = legend.ratings[rating];
      if (!entry) continue;
      for (const t of [entry.label, ...entry.texts]) {
        const k = t.trim().toLowerCase();
        if (!texts.has(k)) texts.set(k, rating);
      }
    }
    textCache.set(legend, texts);
  }
  return texts.get(lowerText) ?? null;
}

/** Each legend's texts (trimmed, lower case) and the rating they name, worked out once per legend. */
const textCache = new WeakMap<Legend, Map<string, Rating>>();

/** Each legend's colours as hues, and fills already read, worked out once per legend. */
const colourCache = new WeakMap<
  Legend,
  { hues: { rating: Rating; hue: number }[]; fills: Map<string, Rating | null> }
>();

/** The rating whose legend colour is nearest by hue; null for no colour (white, grey, unreadable). */
function ratingOfColour(fill: string, legend: Legend): Rating | null {
  let cache = colourCache.get(legend);
  if (!cache) {
    const hues: { rating: Rating; hue: number }[] = [];
    for (const rating of RATINGS) {
      for (const colour of legend.ratings[rating]?.colours ?? []) {
        const c = toHsl(colour);
        if (c && c.saturation >= MIN_SATURATION) hues.push({ rating, hue: c.hue });
      }
    }
    cache = { hues, fills: new Map() };
    colourCache.set(legend, cache);
  }
  const known = cache.fills.get(fill);
  if (known !== undefined) return known;
  const hsl = toHsl(fill);
  let best: { rating: Rating; distance: number } | null = null;
  if (hsl && hsl.saturation >= MIN_SATURATION && hsl.lightness <= MAX_LIGHTNESS) {
    for (const { rating, hue } of cache.hues) {
      const distance = hueDistance(hsl.hue, hue);
      if (!best || distance < best.distance) best = { rating, distance };
    }
  }
  const rating = best?.rating ?? null;
  if (cache.fills.size < 10_000) cache.fills.set(fill, rating);
  return rating;
}

/** The text a rating is written as (the legend's label), or null when the legend has no such rating. */
export function ratingLabel(rating: Rating, legend: Legend = DEFAULT_LEGEND): string | null {
  return legend.ratings[rating]?.label ?? null;
}
