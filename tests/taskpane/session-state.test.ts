/**
 * The pane's state as a pure reducer, without React: the whole state compared after each action
 * (as Script Lab's reducer tests do), so no field changes unnoticed.
 */
import type { SetTextWrite } from "../../src/core";
import {
  INITIAL_STATE,
  paneReducer,
  type PaneAction,
  type PaneState,
} from "../../src/taskpane/session-state";
import { checkOutcome, summaryOutcome } from "./pane-helpers";

const outcome = checkOutcome();
const summary = summaryOutcome();
const write = (cell: string, before: string, text: string): SetTextWrite => ({
  kind: "set-text",
  sheet: "Early Help",
  cell,
  before,
  text,
  why: "test",
});
const undoG16 = [write("G16", "Red", "Green")];
const undoG17 = [write("G17", "Amber", "Green")];

function run(actions: PaneAction[], from: PaneState = INITIAL_STATE): PaneState[] {
  const states: PaneState[] = [];
  let state = from;
  for (const action of actions) {
    state = paneReducer(state, action);
    states.push(state);
  }
  return states;
}

describe("paneReducer", () => {
  test("Check plan: busy while it runs, then the outcome and a finished check to focus on", () => {
    expect(
      run([
        { type: "started", command: "check", label: "Checking the plan…" },
        { type: "checked", outcome },
      ]),
    ).toEqual([
      {
        outcome: null,
        summary: null,
        busy: { command: "check", label: "Checking the plan…" },
        restoreStack: [],
        finished: null,
      },
      {
        outcome,
        summary: null,
        busy: null,
        restoreStack: [],
        finished: { command: "check", ok: true, seq: 1 },
      },
    ]);
  });

  test("a failed command is idle again, keeps what was there, and is counted as finished but not ok", () => {
    const checked = paneReducer(INITIAL_STATE, { type: "checked", outcome });
    expect(
      run(
        [
          { type: "started", command: "summary", label: "Summarising progress…" },
          { type: "failed", command: "summary" },
        ],
        checked,
      ),
    ).toEqual([
      { ...checked, busy: { command: "summary", label: "Summarising progress…" } },
      {
        outcome,
        summary: null,
        busy: null,
        restoreStack: [],
        finished: { command: "summary", ok: false, seq: 2 },
      },
    ]);
  });

  test("Summarise sets both the summary and the outcome the Check view shows", () => {
    expect(run([{ type: "summarised", summary }])).toEqual([
      {
        outcome: summary,
        summary,
        busy: null,
        restoreStack: [],
        finished: { command: "summary", ok: true, seq: 1 },
      },
    ]);
  });

  test("text changes stack their inverses; Restore takes the newest off; an empty inverse adds nothing", () => {
    const states = run([
      { type: "checked", outcome },
      { type: "changed", restore: undoG16 },
      { type: "changed", restore: undoG17 },
      { type: "changed", restore: [] },
      { type: "restored" },
    ]);
    const base = { outcome, summary: null, busy: null };
    expect(states.slice(1)).toEqual([
      { ...base, restoreStack: [undoG16], finished: { command: "change", ok: true, seq: 2 } },
      { ...base, restoreStack: [undoG16, undoG17], finished: { command: "change", ok: true, seq: 3 } },
      { ...base, restoreStack: [undoG16, undoG17], finished: { command: "change", ok: true, seq: 4 } },
      { ...base, restoreStack: [undoG16], finished: { command: "restore", ok: true, seq: 5 } },
    ]);
  });

  test("a re-check after an edit replaces the outcome and nothing else (no focus move, still busy if busy)", () => {
    const busy = run([
      { type: "checked", outcome },
      { type: "started", command: "change", label: "Changing cells…" },
    ])[1];
    const later = checkOutcome(undefined, { message: "later" });
    expect(paneReducer(busy, { type: "updated", outcome: later })).toEqual({ ...busy, outcome: later });
  });

  test("Remove formatting finishes without touching the outcome or the Restore stack", () => {
    const from: PaneState = { ...INITIAL_STATE, outcome, restoreStack: [undoG16] };
    expect(paneReducer(from, { type: "formatting-removed" })).toEqual({
      ...from,
      finished: { command: "remove-formatting", ok: true, seq: 1 },
    });
  });

  test("the reducer never changes the state it is given", () => {
    const from: PaneState = { ...INITIAL_STATE, outcome, restoreStack: [undoG16] };
    const frozen = JSON.stringify(from);
    run([{ type: "changed", restore: undoG17 }, { type: "restored" }, { type: "restored" }], from);
    expect(JSON.stringify(from)).toBe(frozen);
  });
});
