/**
 * The ribbon's ExecuteFunction buttons (manifest: checkPlan, summariseProgress). Each runs the
 * same use-case as the pane on the Office.js host and calls event.completed() only after the
 * work has finished. When the user must see something (an error, a question, a protected
 * workbook) it opens the task pane, leaving only a message code for it (never plan content).
 */
import { checkPlanCommand, summariseCommand } from "../app/commands";
import { todayIso } from "../core/dates";
import { OfficeWorkbookHost } from "../excel/OfficeWorkbookHost";
import { leavePaneMessage, type PaneMessageCode } from "./pane-message";

async function openPaneWith(code: PaneMessageCode): Promise<void> {
  leavePaneMessage(code);
  try {
    await Office.addin.showAsTaskpane();
  } catch {
    // Hosts without the shared-runtime API (SharedRuntime 1.1) cannot open the pane from here;
    // the code waits in storage and is shown the next time the user opens it.
  }
}

/** Runs `work` for a ribbon button; whatever happens, the button is released afterwards. */
export async function runRibbonCommand(
  event: Office.AddinCommands.Event,
  work: () => Promise<PaneMessageCode | null>,
  failure: PaneMessageCode,
) {
  try {
    const code = await work();
    if (code) await openPaneWith(code);
  } catch {
    await openPaneWith(failure);
  } finally {
    event.completed();
  }
}

export async function checkPlan(event: Office.AddinCommands.Event): Promise<void> {
  await runRibbonCommand(
    event,
    async () => {
      const outcome = await checkPlanCommand(new OfficeWorkbookHost(), { today: todayIso() });
      if (outcome.formatting === "needs-confirmation") return "check-needs-confirmation";
      if (outcome.formatting === "blocked") return "check-blocked";
      return null;
    },
    "check-failed",
  );
}

export async function summariseProgress(event: Office.AddinCommands.Event): Promise<void> {
  await runRibbonCommand(
    event,
    async () => {
      const outcome = await summariseCommand(new OfficeWorkbookHost(), { today: todayIso() });
      return outcome.formatting === "blocked" || outcome.read.readOnly ? "summary-blocked" : null;
    },
    "summary-failed",
  );
}

// The manifest's function names, bound to the functions themselves. Each command reports its own
// failures (runRibbonCommand catches and calls event.completed()), so no promise is left unhandled.
void Office.onReady(() => {
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the command catches its own failures (above)
  Office.actions.associate("checkPlan", checkPlan);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the command catches its own failures (above)
  Office.actions.associate("summariseProgress", summariseProgress);
});

// Older Excel builds look the FunctionName up on the function file's global object.
Object.assign(globalThis, { checkPlan, summariseProgress });
