/** What a rating cell means: its text first, else its fill colour (SEMANTICS.md "Ratings (RAG)"). */
import { BoundedMap } from "./bounded-map";
import { hueDistance, toHsl } from "./colour";
import { RATINGS, type Action, type Finding, type Legend, type Rating, type RatingSource } from "./model";

/** The default legend: the texts of SEMANTICS.md "Ratings (RAG)" and the colours plans are usually filled with. */
export const DEFAULT_LEGEND: Legend = {
  version: 1,
  blueMeansComplete: true,
  ratings: {
    blue: {
      label: "Blue",
      texts: ["B", "Blue", "Complete", "Completed", "Done", "Achieved", "Closed", "Met"],
      colours: ["#0070C0", "#00B0F0", "#0000FF", "#4472C4", "#5B9BD5", "#9BC2E6", "#BDD7EE"],
    },
    green: {
      label: "Green",
      texts: ["G", "Green", "On track", "On target", "On schedule"],
      colours: ["#00B050", "#92D050", "#00FF00", "#008000", "#70AD47", "#C6EFCE", "#A9D08E"],
    },
    amber: {
      label: "Amber",
      texts: ["A", "Amber", "Orange", "Yellow", "At risk", "Slipping", "Some concerns"],
      colours: ["#FFC000", "#FFFF00", "#FFA500", "#ED7D31", "#FFEB9C", "#F4B084", "#FFD966"],
    },
    red: {
      label: "Red",
      texts: ["R", "Red", "Off track", "Not on track", "Significant concerns"],
      colours: ["#FF0000", "#C00000", "#FFC7CE", "#E06666"],
    },
  },
};

export interface RatingReading {
  rag: Rating | null;
  source: RatingSource | null;
  /** The cell has text that is not a rating. */
  invalid: boolean;
  /** The text is a progress word ("Not started", "In progress", "Ongoing", "N/A"): not a rating, not an error. */
  progress: boolean;
  /** The text is a done word ("Complete", "Done (and ongoing)"): the action is complete. */
  done: boolean;
}

/** Below this saturation (grey) or above this lightness (white) a fill is no colour. */
const MIN_SATURATION = 0.2;
const MAX_LIGHTNESS = 0.95;

/** Progress words in a rating cell (SEMANTICS.md "Plans from other councils"): a closed list, matched ignoring case. */
const PROGRESS_WORDS: ReadonlySet<string> = new Set(["not started", "in progress", "ongoing", "n/a"]);
/** Progress words that mean done; whatever follows in brackets is ignored ("Complete (and ongoing)"). */
const DONE_WORDS: ReadonlySet<string> = new Set(["complete", "completed", "done", "achieved"]);
/** Most severe last: a two-colour rating is the more severe of its two. */
const SEVERITY_ORDER: Readonly<Record<Rating, number>> = { blue: 0, green: 1, amber: 2, red: 3 };

/** How a rating cell's text is compared: trimmed, lower case, spaces collapsed, trailing punctuation dropped. */
export function normaliseRatingText(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s.,;:!]+$/, "");
}

const NOT_RATED: RatingReading = { rag: null, source: null, invalid: false, progress: false, done: false };
const INVALID: RatingReading = { rag: null, source: null, invalid: true, progress: false, done: false };
const PROGRESS: RatingReading = { rag: null, source: null, invalid: false, progress: true, done: false };

/**
 * A legend worked out for reading cells: its texts (trimmed, lower case) and the rating each names
 * (the first rating in RATINGS order whose label or text matches wins, as in a scan), its colours
 * as hues, and the fills already read (bounded: at most `fillLimit`). One per check, in the
 * check's caches (src/core/caches.ts).
 */
export interface LegendIndex {
  readonly legend: Legend;
  readonly texts: ReadonlyMap<string, Rating>;
  readonly hues: readonly { rating: Rating; hue: number }[];
  readonly fills: BoundedMap<string, Rating | null>;
}

export function legendIndex(legend: Legend, fillLimit = 10_000): LegendIndex {
  const texts = new Map<string, Rating>();
  const hues: { rating: Rating; hue: number }[] = [];
  for (const rating of RATINGS) {
    const entry = legend.ratings[rating];
    if (!entry) continue;
    for (const t of [entry.label, ...entry.texts]) {
      const k = normaliseRatingText(t);
      if (k && !texts.has(k)) texts.set(k, rating);
    }
    for (const colour of entry.colours) {
      const c = toHsl(colour);
      if (c && c.saturation >= MIN_SATURATION) hues.push({ rating, hue: c.hue });
    }
  }
  return { legend, texts, hues, fills: new BoundedMap(fillLimit) };
}

/**
 * Reads a rating cell: its text (see normaliseRatingText) as a legend word, else a two-colour
 * rating ("Green/Amber": the more severe), else a progress word; an empty cell is read by the
 * legend colour nearest by hue to its fill. `legend` is a Legend or one already worked out
 * (legendIndex: the engine passes its check's, so each legend is worked out once per check).
 */
export function readRating(
  text: string,
  fill: string | null,
  legend: Legend | LegendIndex = DEFAULT_LEGEND,
): RatingReading {
  const index = "texts" in legend ? legend : legendIndex(legend);
  const written = text.trim() === "" ? "" : normaliseRatingText(text);
  if (written) return readWords(written, index);
  if (text.trim() !== "") return INVALID; // only punctuation
  const rag = fill ? ratingOfColour(fill, index) : null;
  return rag ? { ...NOT_RATED, rag, source: "colour" } : NOT_RATED;
}

function readWords(written: string, legend: LegendIndex): RatingReading {
  const doneWord = DONE_WORDS.has(written.replace(/ ?\(.*\)$/, "").trim());
  const own = legend.texts.get(written) ?? null;
  if (own) return { ...NOT_RATED, rag: own, source: "text", done: doneWord };
  const pair = twoColour(written, legend);
  if (pair) return { ...NOT_RATED, rag: pair, source: "text" };
  if (PROGRESS_WORDS.has(written)) return PROGRESS;
  if (doneWord) {
    // "Complete (and ongoing)": the done word's own rating in the legend (blue by default), and complete
    const base = legend.texts.get(written.replace(/ ?\(.*\)$/, "").trim());
    return base ? { ...NOT_RATED, rag: base, source: "text", done: true } : { ...PROGRESS, done: true };
  }
  return INVALID;
}

/** "Green/Amber", "Amber-Red", "A/G", "green / amber": both halves legend words; the more severe. */
function twoColour(written: string, legend: LegendIndex): Rating | null {
  const m = /^([a-z ]{1,20}?) ?[/-] ?([a-z ]{1,20})$/.exec(written);
  if (!m) return null;
  const a = legend.texts.get(m[1].trim());
  const b = legend.texts.get(m[2].trim());
  if (!a || !b) return null;
  return SEVERITY_ORDER[a] >= SEVERITY_ORDER[b] ? a : b;
}

/** The severity of a rating: blue 0, green 1, amber 2, red 3. */
export function ratingSeverity(rating: Rating): number {
  return SEVERITY_ORDER[rating];
}

/**
 * Whether the add-in may offer to apply a suggested rating (SEMANTICS.md "Plans from other councils", "Suggestions respect
 * the owner"): only one more severe than the owner's, or where there is none; a suggested blue
 * (complete) is always offered. It never softens a rating (red -> amber, amber -> green).
 */
export function mayOfferSuggestion(current: Rating | null, suggested: Rating | null): boolean {
  if (suggested === null || suggested === current) return false;
  if (suggested === "blue" || current === null) return true;
  return SEVERITY_ORDER[suggested] > SEVERITY_ORDER[current];
}

/** The rating whose legend colour is nearest by hue; null for no colour (white, grey, unreadable). */
export function ratingOfColour(fill: string, legend: LegendIndex): Rating | null {
  const known = legend.fills.get(fill);
  if (known !== undefined) return known;
  const hsl = toHsl(fill);
  let best: { rating: Rating; distance: number } | null = null;
  if (hsl && hsl.saturation >= MIN_SATURATION && hsl.lightness <= MAX_LIGHTNESS) {
    for (const { rating, hue } of legend.hues) {
      const distance = hueDistance(hsl.hue, hue);
      if (!best || distance < best.distance) best = { rating, distance };
    }
  }
  const rating = best?.rating ?? null;
  legend.fills.set(fill, rating);
  return rating;
}

/** The text a rating is written as (the legend's label), or null when the legend has no such rating. */
export function ratingLabel(rating: Rating, legend: Legend = DEFAULT_LEGEND): string | null {
  return legend.ratings[rating]?.label ?? null;
}

/** The rag-invalid findings of a result grouped by the word in the cell (case and trailing punctuation ignored), most used first. */
export function invalidRatingWords(result: {
  sheets: { actions: Action[]; findings: Finding[] }[];
}): { word: string; findings: Finding[] }[] {
  const groups = new Map<string, { word: string; findings: Finding[] }>();
  for (const sheet of result.sheets) {
    const byRow = new Map(sheet.actions.map((a) => [a.row, a] as const));
    for (const f of sheet.findings) {
      if (f.rule !== "rag-invalid") continue;
      const word = (byRow.get(f.row)?.ratingText ?? "").trim();
      const key = normaliseRatingText(word);
      if (!key) continue;
      const group = groups.get(key);
      if (group) group.findings.push(f);
      else groups.set(key, { word, findings: [f] });
    }
  }
  return [...groups.values()].sort(
    (a, b) => b.findings.length - a.findings.length || a.word.localeCompare(b.word),
  );
}

/** The legend with `word` added to `rating`'s words (a new legend; a rating the legend lacks is added with its usual label). */
export function legendWithWord(legend: Legend, word: string, rating: Rating): Legend {
  const text = word.trim();
  const entry = legend.ratings[rating] ?? {
    label: DEFAULT_LEGEND.ratings[rating]?.label ?? rating,
    texts: [],
    colours: [],
  };
  if (!text || entry.texts.some((t) => normaliseRatingText(t) === normaliseRatingText(text))) return legend;
  return { ...legend, ratings: { ...legend.ratings, [rating]: { ...entry, texts: [...entry.texts, text] } } };
}
