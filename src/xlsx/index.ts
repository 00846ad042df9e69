/** The .xlsx adapter: file bytes -> the engine's WorkbookGrid (exceljs; no Node APIs). */
export { readXlsx } from "./read-xlsx";
export { XlsxReadError, XLSX_MESSAGES } from "./errors";
