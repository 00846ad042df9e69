/**
 * The pane's working state as a pure reducer (no React, no host): what the last check and
 * summary found, what the pane is busy with, the inverse writes kept for Restore, and which
 * command finished last (so the view can move the focus to its result heading). The hooks in
 * session.tsx run the commands and dispatch these actions; tests/taskpane/session-state.test.ts
 * compares whole states after each action.
 */
import type { CheckOutcome, SummaryOutcome } from "../app/commands";
import type { SetTextWrite } from "../core";

/** The pane's commands, as values (not labels). */
export type PaneCommand = "check" | "summary" | "change" | "restore" | "remove-formatting";

export interface PaneState {
  outcome: CheckOutcome | null;
  summary: SummaryOutcome | null;
  /** The command running and what the pane says meanwhile ("Checking the plan…"), or null when idle. */
  busy: { command: PaneCommand; label: string } | null;
  /** The inverse of each text change the pane made, newest last (kept until the pane closes). */
  restoreStack: SetTextWrite[][];
  /** The last command that finished and how it ended; `seq` counts them, so each one is seen once. */
  finished: { command: PaneCommand; ok: boolean; seq: number } | null;
}

export type PaneAction =
  | { type: "started"; command: PaneCommand; label: string }
  | { type: "checked"; outcome: CheckOutcome }
  | { type: "summarised"; summary: SummaryOutcome }
  /** A re-check or refresh after edits: the outcome changes, nothing finished from the user's view. */
  | { type: "updated"; outcome: CheckOutcome }
  | { type: "changed"; restore: SetTextWrite[] }
  | { type: "restored" }
  | { type: "formatting-removed" }
  | { type: "failed"; command: PaneCommand };

export const INITIAL_STATE: PaneState = {
  outcome: null,
  summary: null,
  busy: null,
  restoreStack: [],
  finished: null,
};

const BUSY_WORDS: Record<PaneCommand, string> = {
  check: "Checking the plan…",
  summary: "Summarising progress…",
  change: "Changing cells…",
  restore: "Restoring cells…",
  "remove-formatting": "Removing formatting…",
};

export function busyLabel(command: PaneCommand): string {
  return BUSY_WORDS[command];
}

function done(state: PaneState, command: PaneCommand, ok: boolean): PaneState {
  return { ...state, busy: null, finished: { command, ok, seq: (state.finished?.seq ?? 0) + 1 } };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "started":
      return { ...state, busy: { command: action.command, label: action.label } };
    case "checked":
      return done({ ...state, outcome: action.outcome }, "check", true);
    case "summarised":
      return done({ ...state, outcome: action.summary, summary: action.summary }, "summary", true);
    case "updated":
      return { ...state, outcome: action.outcome };
    case "changed":
      return done(
        {
          ...state,
          restoreStack:
            action.restore.length > 0 ? [...state.restoreStack, action.restore] : state.restoreStack,
        },
        "change",
        true,
      );
    case "restored":
      return done({ ...state, restoreStack: state.restoreStack.slice(0, -1) }, "restore", true);
    case "formatting-removed":
      return done(state, "remove-formatting", true);
    case "failed":
      return done(state, action.command, false);
  }
}
