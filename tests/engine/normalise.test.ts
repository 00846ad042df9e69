/** normaliseHeader's lowercasing-only path gives what the full tidying gives, for any text. */
import fc from "fast-check";
import { normaliseHeader } from "../../src/core/plan/normalise";

/** The rule as SEMANTICS.md states it, written the long way. */
function tidied(text: string): string {
  return text
    .toLowerCase()
    .replace(/[?:*.]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/ ?\(s\)$/, "")
    .trim();
}

const UNITS = [
  " ",
  "\n",
  "\t",
  "\u00a0",
  "\ufeff",
  "?",
  ":",
  "*",
  ".",
  "(",
  ")",
  "s",
  "S",
  "A",
  "w",
  "é",
  "\u0130",
  "1",
];

describe("normaliseHeader", () => {
  it.each([
    ["Who?", "who"],
    ["Lead Officer(s)", "lead officer"],
    ["LEAD OFFICER(S)", "lead officer"],
    ["  By   when ", "by when"],
    ["By  when", "by when"],
    ["Does\nwhat", "does what"],
    ["No.", "no"],
    ["RAG\u00a0rated", "rag rated"],
    ["Comments on progress", "comments on progress"],
    ["", ""],
    ["(s)", ""],
  ])("%j -> %j", (text, expected) => {
    expect(normaliseHeader(text)).toBe(expected);
    expect(tidied(text)).toBe(expected);
  });

  it("agrees with the full tidying on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 12 }), (text) => {
        expect(normaliseHeader(text)).toBe(tidied(text));
      }),
      { numRuns: 3000 },
    );
    // Letters and plain spaces only: the texts the lowercasing-only path takes, and its edges.
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(" ", "a", "B", "s", "(", ")"), maxLength: 8 }),
        (text) => {
          expect(normaliseHeader(text)).toBe(tidied(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
