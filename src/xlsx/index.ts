/** The .xlsx adapter: file bytes -> the engine's WorkbookGrid (exceljs; no Node APIs). */
export { readXlsx } from "./read-xlsx";
export type { XlsxWorkbook } from "./read-xlsx";
export { XlsxReadError, XLSX_MESSAGES, sniffXlsx } from "./errors";
export type { XlsxProblem } from "./errors";
export { resolveColour, applyTint, themeFromXml, DEFAULT_THEME } from "./colours";
