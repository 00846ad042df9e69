/**
 * Status words in a due cell (SEMANTICS.md "Deadlines" and "Plans from other councils"): a status word anywhere in the text decides
 * its kind before any date is looked for, so "Completed 12 May 2022" is complete, "March 2024 and
 * quarterly thereafter" recurring and "Dec 2023 (TBC)" tbc. A complete word in a future phrase
 * ("Complete by March 2024", "to be completed by June 2024") is an instruction, not a status: the
 * dates are read. Texts arrive normalised (lower case, one space between words, trimmed).
 */

export type StatusKind = "recurring" | "complete" | "tbc";

/** A text that is only dashes, dots or question marks ("-", "--", "?", "..."). */
const PLACEHOLDER = /^[-.?\s]+$/;

const TBC_START =
  /^(?:tbc|tba|tbd|tbca|to be (?:confirmed|agreed|decided|determined|arranged|set|scheduled)|n\/a|n\.a\.?|na|not applicable|not known|unknown|not set|no date(?: set)?)(?![a-z])/;

/** tbc / tba anywhere ("Dec 2023 (TBC)", "June 2024 - date tba"). */
const TBC_ANYWHERE = /(?<![a-z])(?:tbc|tba|tbd|to be confirmed)(?![a-z])/;

/** A complete word anywhere; each one found is then tested for a future phrase. */
const DONE_WORD = /(?<![a-z])(?:complete|completed|done|achieved|finished)(?![a-z])/g;

/** Before a complete word, these make it a future (or negated) phrase: "to be completed", "will be done", "not complete". */
const FUTURE_BEFORE =
  /(?<![a-z])(?:to|be|being|will|shall|should|must|would|could|can|may|might|not|partially|partly|almost|nearly|due|expected|aim|aiming|aims|plan|planned|intend)(?: to)? $/;

/** After the bare verb, these make it an instruction: "complete by March 2024", "finish before June". */
const INSTRUCTION_AFTER =
  /^ (?:by|before|within|no later than|end|for|in|on|during|over|at|from|and review)(?![a-z])/;
const BARE_VERBS: ReadonlySet<string> = new Set(["complete", "finish"]);

const RECURRING_START =
  /^(?:(?:at |by |for )?(?:each|every)(?![a-z])|weekly|fortnightly|monthly|bi-?monthly|quarterly|termly|half[- ]?termly|six[- ]?monthly|6[- ]?monthly|bi-?annual(?:ly)?|annually|yearly|daily|on-?going|on going|continuous(?:ly)?|continual(?:ly)?|rolling|regular(?:ly)?|routinely|as (?:required|needed|necessary|and when)|business as usual|bau|throughout)(?![a-z])/;

/** Recurrence words that decide the kind wherever they stand, even beside a date (§8). */
const RECURRING_WORD =
  /(?<![a-z])(?:weekly|fortnightly|monthly|bi-?monthly|quarterly|termly|half[- ]?termly|six[- ]?monthly|6[- ]?monthly|bi-?annual(?:ly)?|annually|yearly|daily|on-?going|on going|thereafter)(?![a-z])/;

/** Used only when a text holds no date at all ("Reviewed every meeting", "Continuous"). */
const RECURRING_ANYWHERE =
  /(?<![a-z])(?:continuous(?:ly)?|(?:each|every) (?:meeting|week|month|quarter|term|year))(?![a-z])/;

/** Start-only texts: "From April 2025", "Starting May 2024", "Commencing June"; "April 2024 onwards". */
const START_ONLY_BEFORE =
  /^(?:(?:starting|beginning|commencing|effective) (?:from )?|from |starts? (?:from |in |on )?)/;
const START_ONLY_AFTER = /(?<![a-z])(?:onwards?|and beyond)$/;

/** The status a due text states, or null when it states none. */
export function statusOfText(text: string): StatusKind | null {
  if (PLACEHOLDER.test(text) || TBC_START.test(text)) return "tbc";
  if (saysDone(text)) return "complete";
  if (TBC_ANYWHERE.test(text)) return "tbc";
  if (RECURRING_START.test(text) || RECURRING_WORD.test(text)) return "recurring";
  return null;
}

/** A complete word that is not in a future phrase. */
function saysDone(text: string): boolean {
  DONE_WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = DONE_WORD.exec(text)) !== null) {
    const before = text.slice(Math.max(0, match.index - 24), match.index);
    if (FUTURE_BEFORE.test(before)) continue;
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 24);
    if (BARE_VERBS.has(match[0]) && INSTRUCTION_AFTER.test(after)) continue;
    return true;
  }
  return false;
}

/** True when a text with no date in it speaks of a frequency or of ongoing work. */
export function mentionsRecurrence(text: string): boolean {
  return RECURRING_ANYWHERE.test(text) || RECURRING_WORD.test(text);
}

/** True when the text names only when the work starts ("From April 2025", "April 2024 onwards"). */
export function isStartOnly(text: string): boolean {
  return START_ONLY_BEFORE.test(text) || START_ONLY_AFTER.test(text);
}
