/** How the adapter reaches Excel: Excel.run, or the in-memory Excel's run (tests, preview). */
import { readableError } from "./errors";
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real Excel.run, looked up when called (office.js defines `Excel` once it has loaded). */
export const officeRun: ExcelRun = (batch) => Excel.run(batch);

/**
 * context.sync(), with a failure turned into the readable Error saying what was under way (one
 * helper for every "sync, then wrap the error" the adapter does).
 */
export async function syncOrExplain(context: Excel.RequestContext, doing: string): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    throw readableError(error, doing);
  }
}
