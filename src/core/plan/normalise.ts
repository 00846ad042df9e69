/** Text normalising shared by header detection, column overrides and action keys. */

/** A header cell as compared with the role names: case ignored, `?` `:` `*` and full stops removed,
 * a trailing `(s)` dropped ("Lead Officer(s)", "No."), line breaks read as spaces, runs of spaces
 * collapsed, ends trimmed. */
export function normaliseHeader(text: string): string {
  // Most texts looked up (every short cell of every row is a header candidate) need lowercasing only.
  if (!NEEDS_TIDYING.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .replace(/[?:*.]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/ ?\(s\)$/, "")
    .trim();
}

/**
 * What makes normaliseHeader more than lowercasing: one of `?` `:` `*` `.`, two whitespace characters
 * in a row or any other than a plain space, a space at either end, or a trailing "(s)" (any case).
 */
const NEEDS_TIDYING = /[?:*.]|\s\s|[^\S ]|^ | $|\(s\)$/i;

/** An action's text as used in its key: case ignored, whitespace collapsed, ends trimmed. */
export function normaliseActionText(text: string): string {
  const lower = text.toLowerCase();
  // most texts have only single spaces: skip the rewrite for them
  return (ODD_SPACE.test(lower) ? lower.replace(/\s+/g, " ") : lower).trim();
}

/** Two whitespace characters in a row, or any whitespace other than a plain space. */
const ODD_SPACE = /\s\s|[^\S ]/;
