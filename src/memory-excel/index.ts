/** The in-memory Excel: the Excel JavaScript API surface the adapter uses, with Office.js semantics. */
export { MemoryWorkbook, PAYLOAD_LIMIT } from "./state";
export type { MemSheet, MemCell, MemConditionalFormat, MemValidation, MemChart, SyncRecord } from "./state";
export { MemoryOfficeError } from "./errors";
export type { MemoryErrorCode } from "./errors";
export { MemoryRequestContext } from "./context";
export { createMemoryExcel, installMemoryExcel, memoryRun } from "./install";
export type { MemoryExcel } from "./install";
export { memoryWorkbookFromGrid, toGrid, cellValues } from "./grid";
export type { MemoryGrid, MemorySheetGrid, MemorySheetExtras } from "./grid";
export { userDeleteRows, userEdit, userInsertRows, userShiftCells, userUndo } from "./user";
export { snapshotState } from "./snapshot";
