/**
 * The ExcelApi requirement set the manifest declares. What needs which set (from the Office.js notes):
 * conditional formats and suspended calculation 1.6, worksheet onChanged 1.7, data validation, enableEvents
 * and the read-only flag 1.8, cell properties and range areas 1.9, merged areas 1.13 (the highest the
 * add-in cannot work without); the event trigger source (1.14) is used when present.
 */
export const MINIMUM_SET = "1.13";
