/**
 * The engine's public face. Pure: no Office, no DOM, no Node. Adapters and the UI import from here.
 *
 * Where things are decided:
 *   - what a header / table / section / action is ......... plan/        (readPlan)
 *   - how a due cell is read ("May-22" -> 31 May 2022) ..... deadline/
 *   - what a rating cell means (text or fill colour) ...... rating.ts
 *   - which suggestions may be offered (mayOfferSuggestion)  rating.ts
 *   - owners: no-owner words, "who owes what" grouping ..... owners.ts
 *   - complete / overdue / due-soon / suggested rating .... status.ts
 *   - findings (rules, cells, messages) ................... findings.ts
 *   - counts, percent complete, committee sentence ........ summary.ts
 *   - snapshots and movement since the last review ........ snapshot.ts
 *   - the reviews kept, which one is compared with ......... reviews.ts
 *   - Summarise progress, the engine's whole part .......... summarise.ts (summariseProgress)
 *   - the writes the engine asks adapters to make ......... plan-writes.ts
 */
export * from "./model";
export * from "./grid";
export * from "./writes";
export * from "./dates";
export * from "./day-text";
export { checkPlan } from "./check";
export { CacheStore } from "./caches";
export { recheckRows } from "./recheck";
export { parseDeadline } from "./deadline";
export type { DueCell, DeadlineContext } from "./deadline";
export {
  DEFAULT_LEGEND,
  readRating,
  ratingLabel,
  ratingSeverity,
  mayOfferSuggestion,
  normaliseRatingText,
  invalidRatingWords,
  legendWithWord,
} from "./rating";
export { isNoOwner, ownerKey, ownersIn, groupByOwner } from "./owners";
export type { OwnerAlias, OwnerGroup } from "./owners";
export { noPlanTableMessage } from "./plan";
export type { RatingReading } from "./rating";
export { workbookSentence, areaSentence } from "./summary";
export { cellAddress, quoteSheet, columnLetters } from "./address";
export { RATING_PALETTE, STATUS_PALETTE } from "./palette";
export { planRatingFills, planUsesFills, ratingColourScheme } from "./rating-colours";
export type { RatingColour, RatingColourChoice } from "./rating-colours";
export { takeSnapshot, compareSnapshot, snapshotSchema, takeStoredSnapshot } from "./snapshot";
export { readReviews, storeReviews } from "./reviews";
export { summariseProgress } from "./summarise";
export { settingsSchema, DEFAULT_SETTINGS, parseSettings } from "./settings";
export type { Settings } from "./settings";
export {
  planFormatting,
  planSummarySheet,
  planApplySuggestions,
  planConvertColourRatings,
} from "./plan-writes";
