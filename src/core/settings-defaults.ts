/**
 * The settings type and defaults, apart from their schema (./settings), so a reader of a workbook
 * with no stored settings (sdp-check, usually) never loads zod.
 */
import type { ColumnOverride, IsoDate, Legend } from "./model";
import type { OwnerAlias } from "./owners";
import { DEFAULT_LEGEND } from "./rating";
import type { RatingColourChoice } from "./rating-colours";

export interface Settings {
  version: 1;
  /** The day the plan is judged on; null = today. */
  asOf: IsoDate | null;
  /** Due-soon window in days (0-365). */
  dueSoonDays: number;
  columnOverrides: ColumnOverride[];
  legend: Legend;
  /** Other names for owners, merged in "who owes what" ("HOS" = "Head of Service"). */
  ownerAliases: OwnerAlias[];
  /** The colours Check plan gives the rating cells: the add-in's palette, or the plan's own fills
   * where it has them ("keep my plan's own colours"). Settings stored before it read as "palette". */
  ratingColours: RatingColourChoice;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  asOf: null,
  dueSoonDays: 30,
  columnOverrides: [],
  legend: DEFAULT_LEGEND,
  ownerAliases: [],
  ratingColours: "palette",
};
