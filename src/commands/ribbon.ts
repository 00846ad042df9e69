/**
 * The ribbon's ExecuteFunction buttons (manifest: checkPlan, summariseProgress), run in the task
 * pane's page: the manifest gives the function file and the task pane the same page (Taskpane.Url)
 * and a `<Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/>` so both share one runtime
 * (Learn: "Configure your Office Add-in to use a shared runtime"). A button then runs its command
 * through the pane's own session (RibbonBridge): what the pane shows is that run's outcome, and
 * when the user must see something (a question, a protected workbook, a failure) the button opens
 * the pane with `Office.addin.showAsTaskpane()` (SharedRuntime 1.1, Learn: "Show or hide the task
 * pane of your Office Add-in").
 *
 * A host without SharedRuntime 1.1 loads the same page as a separate function file: the command
 * still runs there (a pane session no one sees), and a message code (never plan content) waits in
 * storage for the pane the user opens next (pane-message.ts), which asks its question again.
 * Every host that can run this add-in (ExcelApi 1.13) and shows add-in commands supports
 * SharedRuntime 1.1 (Learn: "Shared runtime requirement sets", "Excel JavaScript API requirement
 * sets"), so the manifest does not require it: requiring it would only keep the add-in off hosts
 * where the pane alone works.
 *
 * Nothing here imports the engine: the pane's first chunk carries these handlers (they must be
 * registered at page load); the work itself is loaded on first use.
 */
import type { FormattingState } from "../app/outcome";
import { leavePaneMessage, type PaneMessageCode } from "./pane-message";

/** The manifest's `<FunctionName>`s, each associated with its handler at page load. */
export const RIBBON_FUNCTIONS = ["checkPlan", "summariseProgress"] as const;
export type RibbonFunction = (typeof RIBBON_FUNCTIONS)[number];

const FAILED: Record<RibbonFunction, PaneMessageCode> = {
  checkPlan: "check-failed",
  summariseProgress: "summary-failed",
};

/**
 * What a ribbon command's outcome asks the user to see: Check plan's question about their own
 * rules or its blocked formatting; Summarise's tab that could not be written. Null outcome: it failed.
 */
export function ribbonMessage(
  command: RibbonFunction,
  outcome: { formatting: FormattingState; read: { readOnly: boolean } } | null,
): PaneMessageCode | null {
  if (!outcome) return FAILED[command];
  if (command === "checkPlan") {
    if (outcome.formatting === "needs-confirmation") return "check-needs-confirmation";
    if (outcome.formatting === "blocked") return "check-blocked";
    return null;
  }
  return outcome.formatting === "blocked" || outcome.read.readOnly ? "summary-blocked" : null;
}

/** Runs a ribbon command; resolves to what the user must be shown (null: nothing, the button was enough). */
export type RibbonRunner = (command: RibbonFunction) => Promise<PaneMessageCode | null>;

/**
 * Where the ribbon's commands run. While the pane's session is mounted it takes them (one state
 * for pane and ribbon); until it is, a command waits for it; when no pane can start in this
 * runtime, commands run on their own (`standalone`, loaded on first use).
 */
export interface RibbonBridge {
  /** The pane's session takes the ribbon's commands; returns the function that lets go. */
  attach(runner: RibbonRunner): () => void;
  /** No pane will attach in this runtime (it could not start, or this is not Excel). */
  withoutPane(): void;
  run(command: RibbonFunction): Promise<PaneMessageCode | null>;
}

/**
 * How long a button waits for the pane's session before running on its own: a pane that never
 * mounts (it crashed while rendering) must not hold the button forever (Learn, "Runtimes in Office
 * Add-ins": a function command's runtime ends after five minutes at most when it is not shared).
 */
const ATTACH_WAIT_MS = 30_000;

export function createRibbonBridge(
  standalone: () => Promise<RibbonRunner>,
  attachWaitMs = ATTACH_WAIT_MS,
): RibbonBridge {
  let runner: RibbonRunner | null = null;
  let noPane = false;
  let waiting: (() => void)[] = [];
  const wake = () => {
    const woken = waiting;
    waiting = [];
    for (const w of woken) w();
  };
  return {
    attach(next) {
      runner = next;
      wake();
      return () => {
        if (runner === next) runner = null;
      };
    },
    withoutPane() {
      noPane = true;
      wake();
    },
    async run(command) {
      if (!runner && !noPane) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          timer = setTimeout(resolve, attachWaitMs);
        });
        clearTimeout(timer);
      }
      if (runner) return runner(command);
      return (await standalone())(command);
    },
  };
}

/** The little of Office the handlers use, as @types/office-js types it. */
export interface RibbonOffice {
  associate(name: RibbonFunction, handler: (event: Office.AddinCommands.Event) => void): void;
  showAsTaskpane(): Promise<void>;
  /** Office.context.requirements.isSetSupported("SharedRuntime", "1.1"). */
  sharedRuntime(): boolean;
}

export function officeRibbon(): RibbonOffice {
  return {
    associate: (name, handler) => Office.actions.associate(name, handler),
    showAsTaskpane: () => Office.addin.showAsTaskpane(),
    sharedRuntime: () => Office.context.requirements.isSetSupported("SharedRuntime", "1.1"),
  };
}

/**
 * Shows the pane for `code`. In a shared runtime the pane already holds the outcome (it ran the
 * command), so showing it is enough; without one, the code is left for the pane opened next.
 */
async function openPaneWith(office: RibbonOffice, code: PaneMessageCode): Promise<void> {
  let shared = false;
  try {
    shared = office.sharedRuntime();
  } catch {
    shared = false;
  }
  if (!shared) {
    leavePaneMessage(code);
    return;
  }
  try {
    await office.showAsTaskpane();
  } catch {
    // The pane could not be shown (Learn: ignored for Marketplace add-ins since February 2026). It
    // holds the outcome all the same: the user sees it on opening the pane (Home › Open pane).
  }
}

/** Runs `command` for a ribbon button; whatever happens, the button is released afterwards (event.completed()). */
async function runRibbonCommand(
  office: RibbonOffice,
  bridge: RibbonBridge,
  command: RibbonFunction,
  event: Office.AddinCommands.Event,
): Promise<void> {
  try {
    const code = await bridge.run(command);
    if (code) await openPaneWith(office, code);
  } catch {
    await openPaneWith(office, FAILED[command]);
  } finally {
    event.completed();
  }
}

/**
 * Associates each of the manifest's function names with its handler (Learn: Office.actions.associate;
 * "Configure your Office Add-in to use a shared runtime"). Call once, when Office is ready, before
 * the pane renders: a button pressed meanwhile waits for the pane's session.
 */
export function registerRibbonCommands(
  office: RibbonOffice,
  bridge: RibbonBridge,
): Record<RibbonFunction, (event: Office.AddinCommands.Event) => Promise<void>> {
  const handlers = {} as Record<RibbonFunction, (event: Office.AddinCommands.Event) => Promise<void>>;
  for (const name of RIBBON_FUNCTIONS) {
    handlers[name] = (event) => runRibbonCommand(office, bridge, name, event);
    // runRibbonCommand catches every failure and always calls event.completed(): nothing is left unhandled.
    office.associate(name, (event) => void handlers[name](event));
  }
  return handlers;
}
