/**
 * The pane's clock: today's calendar day on this machine (the user's local day, as Excel's
 * TODAY()), the same day core/dates' todayIso gives (tests/taskpane/clock.test.ts holds them
 * together). Kept here so the pane's first chunk does not carry the engine's date library.
 */
import type { IsoDate } from "../core/model";

export function localToday(now: Date = new Date()): IsoDate {
  const y = String(now.getFullYear()).padStart(4, "0");
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}
