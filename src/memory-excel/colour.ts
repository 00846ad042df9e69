/** Colours as Excel stores them: "#RRGGBB" upper case; a few names accepted like Office.js. */
import { MemoryOfficeError } from "./errors";

const NAMES: Record<string, string> = {
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  white: "#FFFFFF",
  black: "#000000",
  orange: "#FFA500",
};

export function normaliseColour(input: unknown): string {
  if (typeof input === "string") {
    const named = NAMES[input.toLowerCase()];
    if (named) return named;
    if (/^#[0-9a-f]{6}$/i.test(input)) return input.toUpperCase();
  }
  throw new MemoryOfficeError("InvalidArgument", `"${String(input)}" is not a colour (use #RRGGBB).`);
}
