/**
 * The browser preview's entry: starts reading the bundled sample plan at once, installs a small
 * `Office` shim (see office-shim.ts for why not office.js itself), and renders the page — the
 * bar, the pane and the grid's frame — without waiting for the sample: the pane's
 * OfficeWorkbookHost -> Excel.run reaches the in-memory Excel (store.ts), which waits for the
 * workbook while it arrives. Nothing here talks to any server but the page's own.
 *
 * The sample is assets/sample-plan.grid.json (what readXlsx reads from assets/sample-plan.xlsx,
 * prebuilt by src/tools/make-sample.mjs; preview.html preloads it), fetched in parallel with the
 * lazy "preview-workbook" chunk that turns it into the in-memory workbook: no exceljs at start.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { loadTheme, themeNameFor } from "../taskpane/theme";
import { openProblem, openedText } from "./messages";
import { loadWorkbookCode } from "./lazy-workbook";
import { installOfficeShim } from "./office-shim";
import { PreviewApp } from "./PreviewApp";
import { PreviewStore, type OpenedWorkbook } from "./store";

/** The sample plan, prebuilt as a grid (a relative path: the page's own origin). */
export const SAMPLE = "assets/sample-plan.grid.json";
const SAMPLE_NAME = "sample-plan.xlsx";

async function readSampleGrid(): Promise<unknown> {
  const response = await fetch(SAMPLE);
  if (!response.ok) throw new Error(`The sample plan could not be loaded (${response.status}).`);
  return response.json();
}

/** Both requests at once: the sample's grid and the code that builds the workbook from it. */
function openSample(): Promise<OpenedWorkbook> {
  return Promise.all([readSampleGrid(), loadWorkbookCode()]).then(([data, { workbookFromSampleGrid }]) =>
    workbookFromSampleGrid(data),
  );
}

function forcedColours(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches;
}

async function start(sample: Promise<OpenedWorkbook>): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  await installOfficeShim().onReady();
  const theme = await loadTheme(themeNameFor(undefined, forcedColours())).catch(() => webLightTheme);
  const store = new PreviewStore({ kind: "info", text: "" });
  void store.arriving(
    SAMPLE_NAME,
    sample,
    { kind: "info", text: `Opening the sample plan (${SAMPLE_NAME})…` },
    {
      opened: (opened) => ({
        kind: "info",
        text: openedText(`the sample plan (${SAMPLE_NAME})`, opened.asOf),
      }),
      failed: (error) => ({
        kind: "info",
        text: `The sample plan could not be opened: ${openProblem(error)} Use Open workbook… to open a plan.`,
      }),
    },
  );
  createRoot(container).render(
    <FluentProvider theme={theme} className="preview-root">
      <PreviewApp store={store} />
    </FluentProvider>,
  );
}

const sample = openSample();
sample.catch(() => undefined); // shown on the page by the store
start(sample).catch((error: unknown) => {
  const container = document.getElementById("root");
  if (container) container.textContent = `The SDP Assistant preview could not start: ${openProblem(error)}`;
});
