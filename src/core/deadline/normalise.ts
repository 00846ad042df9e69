/** Due text made easy to scan: capped in length, lower case, plain dashes and spaces, trimmed. */

/** Only the start of a long cell is read: deadlines are short, and the cap keeps every call fast. */
export const MAX_SCAN_LENGTH = 500;

const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const QUOTES = /[\u2018\u2019\u201b\u2032]/g;
const SPACES = /\s+/g;

/** Anything the replacements below would change: an odd dash or quote, two spaces, or a space other than " ". */
const ODD = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d\u2018\u2019\u201b\u2032]|\s\s|[^\S ]/;

export function normaliseDueText(text: string): string {
  const lower = text.slice(0, MAX_SCAN_LENGTH).toLowerCase();
  // most due texts are plain: one scan instead of three replacements
  if (!ODD.test(lower)) return lower.trim();
  return lower.replace(DASHES, "-").replace(QUOTES, "'").replace(SPACES, " ").trim();
}
