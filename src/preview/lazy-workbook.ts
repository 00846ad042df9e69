/**
 * Loads the preview's workbook code (workbook-code.ts, the "preview-workbook" chunk) once, and
 * keeps it: every workbook the page shows was built by that code, so by the time one is shown
 * the grid view is already here and renders in the same pass (no Suspense fallback, which React
 * would hold on screen for its 300 ms reveal throttle).
 */
import type * as WorkbookCodeModule from "./workbook-code";

type WorkbookCode = typeof WorkbookCodeModule;

let loading: Promise<WorkbookCode> | null = null;
let loaded: WorkbookCode | null = null;

export function loadWorkbookCode(): Promise<WorkbookCode> {
  loading ??= import(/* webpackChunkName: "preview-workbook" */ "./workbook-code.js").then(
    (code) => (loaded = code),
    (error: unknown) => {
      loading = null; // let the next Open workbook… try again
      throw error;
    },
  );
  return loading;
}

/** The workbook code when it has loaded, else null. */
export function workbookCode(): WorkbookCode | null {
  return loaded;
}
