/**
 * Which Excel feature needs which ExcelApi requirement set (from the Office.js notes), and whether
 * this host supports it. Outside Office (tests, the preview's memory Excel) everything is supported.
 */
export const FEATURE_SETS = {
  conditionalFormats: "1.6",
  suspendCalculation: "1.6",
  worksheetChanged: "1.7",
  eventTriggerSource: "1.14",
  dataValidation: "1.8",
  enableEvents: "1.8",
  readOnlyFlag: "1.8",
  cellProperties: "1.9",
  rangeAreas: "1.9",
  mergedAreas: "1.13",
} as const;

export type ExcelFeature = keyof typeof FEATURE_SETS;

/** The lowest set every feature the add-in cannot work without needs (declare it in the manifest). */
export const MINIMUM_SET = "1.13";

interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

function requirements(): RequirementsLike | null {
  const office = (globalThis as { Office?: { context?: { requirements?: RequirementsLike } } }).Office;
  return office?.context?.requirements ?? null;
}

export function isSupported(feature: ExcelFeature): boolean {
  const req = requirements();
  return req ? req.isSetSupported("ExcelApi", FEATURE_SETS[feature]) : true;
}

/** Features this host lacks, in words for the task pane ("Excel 2016 cannot …"). */
export function missingFeatures(): ExcelFeature[] {
  return (Object.keys(FEATURE_SETS) as ExcelFeature[]).filter((f) => !isSupported(f));
}
