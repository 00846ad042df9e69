/** How the adapter reaches Excel: Excel.run, or the in-memory Excel's run (tests, preview). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real Excel.run, looked up when called (office.js defines `Excel` once it has loaded). */
export const officeRun: ExcelRun = (batch) => Excel.run(batch);
