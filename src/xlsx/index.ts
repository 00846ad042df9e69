/** The .xlsx adapter: file bytes -> the engine's WorkbookGrid (our own reader over an unzip and saxes; no Node APIs). */
export { readXlsx } from "./read-xlsx";
export type { ReadOptions, XlsxWorkbook } from "./read-xlsx";
export { DEFAULT_LIMITS } from "./zip";
export { unzipWithFflate } from "./unzip-fflate";
export type { ReadLimits, Unzip, ZipArchive, ZipEntry } from "./zip";
export { XlsxReadError, XLSX_MESSAGES, sniffXlsx } from "./errors";
export type { XlsxProblem } from "./errors";
export { resolveColour, applyTint, themeFromXml, DEFAULT_THEME } from "./colours";
