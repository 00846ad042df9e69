/**
 * How a ribbon command tells the task pane why it opened it. Only a message code crosses
 * (never plan content): the function file and the pane share an origin, so a code in
 * localStorage is read once by the pane and removed.
 */

const PANE_MESSAGE_CODES = [
  "check-needs-confirmation",
  "check-blocked",
  "check-failed",
  "summary-failed",
  "summary-blocked",
  "pane-busy",
] as const;
export type PaneMessageCode = (typeof PANE_MESSAGE_CODES)[number];

const KEY = "sdp-assistant.pane-message";

export interface PaneMessage {
  intent: "error" | "warning";
  title: string;
  text: string;
  /** Run Check plan in the pane on opening (to show its confirmation dialog again). */
  rerunCheck: boolean;
}

export const PANE_MESSAGES: Record<PaneMessageCode, PaneMessage> = {
  "check-needs-confirmation": {
    intent: "warning",
    title: "Check plan needs your go-ahead",
    text: "Some rating columns already have your own dropdowns or colour rules. Choose below whether SDP Assistant may replace them.",
    rerunCheck: true,
  },
  "check-blocked": {
    intent: "warning",
    title: "Check plan could not add its formatting",
    text: "The workbook or some tabs are protected or read-only. The findings are below; the rating dropdown and colours were not added.",
    rerunCheck: true,
  },
  "check-failed": {
    intent: "error",
    title: "Check plan did not finish",
    text: "Something went wrong while checking the plan. Press Check plan below to try again and see the details.",
    rerunCheck: false,
  },
  "summary-failed": {
    intent: "error",
    title: "Summarise progress did not finish",
    text: "Something went wrong while summarising. Open the Summary tab below and press Summarise progress to try again and see the details.",
    rerunCheck: false,
  },
  "summary-blocked": {
    intent: "warning",
    title: "The Progress Summary tab could not be written",
    text: "The workbook is protected or read-only. Open the Summary tab below to read the summary and copy the committee text.",
    rerunCheck: false,
  },
  "pane-busy": {
    intent: "warning",
    title: "SDP Assistant was still busy",
    text: "It was still working on something when you pressed the ribbon button, so the button did nothing. Wait until it has finished, then press the button again.",
    rerunCheck: false,
  },
};

function isPaneMessageCode(value: unknown): value is PaneMessageCode {
  return typeof value === "string" && (PANE_MESSAGE_CODES as readonly string[]).includes(value);
}

/** Reading window.localStorage itself can throw (storage disabled by policy), hence inside the try. */
function defaultStorage(): Storage {
  return window.localStorage;
}

export function leavePaneMessage(code: PaneMessageCode, storage?: Pick<Storage, "setItem">): void {
  try {
    (storage ?? defaultStorage()).setItem(KEY, code);
  } catch {
    // Storage can be disabled; the pane then opens without the explanation, never with plan content.
  }
}

/** The code a ribbon command left, if any; removes it so it is shown once. */
export function takePaneMessage(storage?: Pick<Storage, "getItem" | "removeItem">): PaneMessageCode | null {
  try {
    const store = storage ?? defaultStorage();
    const value = store.getItem(KEY);
    store.removeItem(KEY);
    return isPaneMessageCode(value) ? value : null;
  } catch {
    return null;
  }
}
