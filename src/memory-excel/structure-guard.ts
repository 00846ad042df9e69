import type { MemoryRequestContext } from "./context";
import { MemoryOfficeError } from "./errors";

/** Throws when the workbook's structure is protected (add, delete, hide, unhide, rename a sheet). */
export function guardStructure(context: MemoryRequestContext, doing: string): void {
  // Learn: Excel.WorkbookProtection ("protected: whether the workbook is protected") and Excel's
  // "Protect workbook" (structure: no adding, deleting, hiding, unhiding or renaming sheets). The
  // failing call fails the sync, but what ran before it in the same sync stays (no transactions).
  if (context.memory.structureProtected)
    throw new MemoryOfficeError(
      "AccessDenied",
      `The workbook's structure is protected, so Excel cannot ${doing}. Unprotect the workbook first.`,
    );
}
