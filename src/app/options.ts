/** The check options every command uses: settings + today, with the add-in's own tabs left out. */
import type { CacheStore, CheckOptions, IsoDate, Settings } from "../core/index";
import { STORAGE_SHEET } from "../core/storage-layout";
import { SUMMARY_SHEET } from "../core/summary-sheet";

export { SUMMARY_SHEET };
/** Tabs the add-in writes itself: never checked, never listed. */
export const OWN_SHEETS: readonly string[] = [SUMMARY_SHEET, STORAGE_SHEET];

/** `caches`: the open workbook's kept caches (cachesOf in caches.ts), when the caller has one. */
export function checkOptions(settings: Settings, today: IsoDate, caches?: CacheStore): CheckOptions {
  return {
    caches,
    asOf: settings.asOf ?? today,
    dueSoonDays: settings.dueSoonDays,
    legend: settings.legend,
    columnOverrides: settings.columnOverrides,
    ownSheets: [...OWN_SHEETS],
  };
}
