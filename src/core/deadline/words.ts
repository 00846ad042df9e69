/**
 * Status words in a due cell (SEMANTICS.md "Deadlines"): recognised before any date is looked for,
 * so "Completed 12 May 2022" is complete and "Ongoing until March 2023" is recurring.
 * Texts arrive normalised (lower case, one space between words, trimmed).
 */

export type StatusKind = "recurring" | "complete" | "tbc";

/** A text that is only dashes, dots or question marks ("-", "--", "?", "..."). */
const PLACEHOLDER = /^[-.?\s]+$/;

const TBC_START =
  /^(?:tbc|tba|tbd|tbca|to be (?:confirmed|agreed|decided|determined|arranged|set|scheduled)|n\/a|n\.a\.?|na|not applicable|not known|unknown|not set|no date(?: set)?)(?![a-z])/;

const COMPLETE_START =
  /^(?:(?:fully|all|now|action|task) )?(?:complete|completed|done|achieved|finished)(?![a-z])/;

/** "Complete by March 2023" is an instruction with a deadline, not a report that the work is done. */
const COMPLETE_AS_INSTRUCTION = /^complete (?:by|before|within|no later than|end|for|in|on)(?![a-z])/;

const RECURRING_START =
  /^(?:(?:at |by |for )?(?:each|every)(?![a-z])|weekly|fortnightly|monthly|bi-?monthly|quarterly|termly|half[- ]?termly|six[- ]?monthly|6[- ]?monthly|bi-?annual(?:ly)?|annually|yearly|daily|on-?going|on going|continuous(?:ly)?|continual(?:ly)?|rolling|regular(?:ly)?|routinely|as (?:required|needed|necessary|and when)|business as usual|bau|throughout)(?![a-z])/;

/** Used only when a text holds no date at all ("Reviewed monthly", "Work is ongoing"). */
const RECURRING_ANYWHERE =
  /(?<![a-z])(?:weekly|fortnightly|monthly|quarterly|termly|annually|yearly|daily|on-?going|continuous(?:ly)?|(?:each|every) (?:meeting|week|month|quarter|term|year))(?![a-z])/;

/** The status a due text states by its first words, or null when it states none. */
export function statusOfText(text: string): StatusKind | null {
  if (PLACEHOLDER.test(text) || TBC_START.test(text)) return "tbc";
  if (COMPLETE_START.test(text) && !COMPLETE_AS_INSTRUCTION.test(text)) return "complete";
  if (RECURRING_START.test(text)) return "recurring";
  return null;
}

/** True when a text with no date in it speaks of a frequency or of ongoing work. */
export function mentionsRecurrence(text: string): boolean {
  return RECURRING_ANYWHERE.test(text);
}
