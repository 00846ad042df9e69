/**
 * The browser preview's entry: installs a small `Office` shim (see office-shim.ts for why not
 * office.js itself) and the in-memory Excel as the global `Excel` with the bundled sample plan,
 * and only then starts the pane — so the pane's OfficeWorkbookHost -> Excel.run code paths are
 * the production ones. Nothing here talks to any server but the page's own.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { loadTheme, themeNameFor } from "../taskpane/theme";
import { openProblem, workbookFromXlsx } from "./load";
import { installOfficeShim } from "./office-shim";
import { PreviewApp, openedText } from "./PreviewApp";
import { PreviewStore } from "./store";

export const SAMPLE = "assets/sample-plan.xlsx";

function forcedColours(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches;
}


async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  await installOfficeShim().onReady();
  const theme = await loadTheme(themeNameFor(undefined, forcedColours()));
  const store = new PreviewStore();
  let message: string;
  try {
    const response = await fetch(SAMPLE);
    if (!response.ok) throw new Error(`The sample plan could not be loaded (${response.status}).`);
    const opened = await workbookFromXlsx(await response.arrayBuffer());
    store.use(opened.workbook, "sample-plan.xlsx");
    message = openedText("the sample plan (sample-plan.xlsx)", opened.asOf);
  } catch (error) {
    message = `The sample plan could not be opened: ${openProblem(error)} Use Open workbook… to open a plan.`;
  }
  createRoot(container).render(
    <FluentProvider theme={theme} className="preview-root">
      <PreviewApp store={store} initialMessage={message} />
    </FluentProvider>,
  );
}

start().catch((error: unknown) => {
  const container = document.getElementById("root");
  if (container) container.textContent = `The SDP Assistant preview could not start: ${openProblem(error)}`;
});
