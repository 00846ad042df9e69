/** A host over the in-memory Excel, built from a grid (shared by the adapter and use-case tests). */
import type { WorkbookGrid } from "../../src/core/grid";
import { OfficeWorkbookHost } from "../../src/excel/OfficeWorkbookHost";
import { memoryRun, memoryWorkbookFromGrid, type MemoryWorkbook } from "../../src/memory-excel";

export function memoryHost(grid: WorkbookGrid): { workbook: MemoryWorkbook; host: OfficeWorkbookHost } {
  const workbook = memoryWorkbookFromGrid(grid);
  return {
    workbook,
    host: new OfficeWorkbookHost({
      run: memoryRun(workbook),
      payloadLimit: () => memoryPayloadLimit(workbook),
    }),
  };
}

/** The memory Excel's cap as the adapter sees it: a lifted cap (Excel desktop in the tests) is none. */
export function memoryPayloadLimit(workbook: MemoryWorkbook): number | null {
  return workbook.payloadLimit >= Number.MAX_SAFE_INTEGER ? null : workbook.payloadLimit;
}

/** Syncs made while running `work`. */
export async function countSyncs<T>(
  workbook: MemoryWorkbook,
  work: () => Promise<T>,
): Promise<{ value: T; syncs: number }> {
  const before = workbook.syncCount;
  const value = await work();
  return { value, syncs: workbook.syncCount - before };
}
