/**
 * The task pane's entry: waits for Office, registers the ribbon's buttons (this page is also the
 * function file, in one shared runtime: src/commands/ribbon.ts), picks the theme, and renders the
 * pane over the Office.js host. Outside Excel (a plain browser) Office.onReady still resolves; the
 * pane then says it needs Excel instead of failing silently.
 */
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from "@fluentui/react-components";
import { takePaneMessage } from "../commands/pane-message";
import { createRibbonBridge, officeRibbon, registerRibbonCommands } from "../commands/ribbon";
import { localToday } from "./clock";
import { App } from "./App";
import { officeServices } from "./office-services";
import { ServicesProvider } from "./services";
import { loadTheme, themeNameFor } from "./theme";

/** The ribbon's commands run through the pane's session; on their own only where no pane could start. */
const ribbon = createRibbonBridge(async () => {
  const { standaloneRunner } = await import(/* webpackChunkName: "engine" */ "../commands/standalone.js");
  return standaloneRunner(() => localToday());
});

function forcedColours(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches;
}

async function start(info: { host: Office.HostType | null }) {
  const container = document.getElementById("root");
  if (!container || info.host !== Office.HostType.Excel) ribbon.withoutPane();
  if (!container) return;
  const officeTheme = info.host ? Office.context?.officeTheme : undefined;
  // A theme that fails to download is no reason not to show the pane: fall back to light.
  const theme = await loadTheme(themeNameFor(officeTheme, forcedColours())).catch(() => webLightTheme);
  const root = createRoot(container);
  if (info.host !== Office.HostType.Excel) {
    root.render(
      <FluentProvider theme={theme}>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Open this pane in Excel</MessageBarTitle>
            SDP Assistant works on a workbook open in Excel (desktop or on the web). Use Home › Plan › Open
            pane.
          </MessageBarBody>
        </MessageBar>
      </FluentProvider>,
    );
    return;
  }
  root.render(
    <FluentProvider theme={theme}>
      <ServicesProvider services={officeServices(() => localToday())}>
        <App openedWith={takePaneMessage()} ribbon={ribbon} />
      </ServicesProvider>
    </FluentProvider>,
  );
}

function showStartupError(error: unknown) {
  ribbon.withoutPane();
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>SDP Assistant could not start</MessageBarTitle>
          {error instanceof Error ? error.message : String(error)} Close the pane and open it again; if this
          keeps happening, tell your IT service desk.
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>,
  );
}

Office.onReady()
  .then((info) => {
    if (info.host === Office.HostType.Excel) {
      const handlers = registerRibbonCommands(officeRibbon(), ribbon);
      // Older Excel builds look the FunctionName up on the function file's global object.
      Object.assign(globalThis, handlers);
    }
    return start(info);
  })
  .catch(showStartupError);
