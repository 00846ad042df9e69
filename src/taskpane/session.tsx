/**
 * The pane's working state for one open workbook, held by the pure reducer of session-state.ts;
 * these hooks run the commands (each through one busy -> try -> report sequence), dispatch what
 * they found, and report beside the control that caused them.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  type ReactNode,
} from "react";
import type { CheckOutcome, SummaryOutcome } from "../app/commands";
import type { IsoDate, SetTextWrite } from "../core";
import { quoteSheet } from "../core/address";
import type { CellEdit } from "../host/WorkbookHost";
import { editsOfWrites, mergeEdits } from "./edits";
import { errorText, useNotices, type NoticeIntent, type NoticePlace } from "./notices";
import { useServices } from "./services";
import { INITIAL_STATE, busyLabel, paneReducer, type PaneCommand, type PaneState } from "./session-state";
import { checkAnnouncement, plural } from "./wording";

export interface PlanSession {
  outcome: CheckOutcome | null;
  summary: SummaryOutcome | null;
  /** What the pane is doing ("Checking the plan…"), or null when idle. */
  busy: string | null;
  /** The last command that finished (its seq changes each time): the views move focus to its result. */
  finished: PaneState["finished"];
  /** Resolves to what the check found, or null when it failed (the failure is already reported). */
  runCheck: (options?: { replaceUserRules?: boolean }) => Promise<CheckOutcome | null>;
  /**
   * asOf: judge the plan as at this date (the plan's review date); compareWith: the earlier review's
   * as-of date. Resolves to the summary, or null when it failed (already reported).
   */
  runSummary: (options?: { asOf?: IsoDate; compareWith?: IsoDate }) => Promise<SummaryOutcome | null>;
  /**
   * Applies text changes the user confirmed, keeps their inverse for Restore, re-checks those rows,
   * reports beside the control used (`place`) and, when asked, selects the first changed cell.
   */
  changeTexts: (
    writes: SetTextWrite[],
    done: string,
    options?: { place?: NoticePlace; selectChanged?: boolean },
  ) => Promise<void>;
  /** True the first time it is asked about a finished command (`seq`): that view takes the focus, once. */
  claimFocus: (seq: number) => boolean;
  canRestore: boolean;
  restore: () => Promise<void>;
  removeFormatting: () => Promise<void>;
}

const SessionContext = createContext<PlanSession | null>(null);

/** How long the pane waits after the last edit before re-checking (edits come in bursts). */
const RECHECK_DELAY_MS = 300;

/** What a command reports: its title when it fails, and where its message shows. */
interface CommandReport {
  failed: string;
  place: NoticePlace;
}

export function PlanSessionProvider({ children }: { children: ReactNode }) {
  const { host, commands, today } = useServices();
  const { notify, clear, announce } = useNotices();
  const [state, dispatch] = useReducer(paneReducer, INITIAL_STATE);
  const stateRef = useRef(state);
  useLayoutEffect(() => {
    stateRef.current = state;
  });

  /** The one busy -> try -> report -> idle sequence every command goes through. */
  const run = useCallback(
    async <T,>(command: PaneCommand, report: CommandReport, work: () => Promise<T>): Promise<T | null> => {
      dispatch({ type: "started", command, label: busyLabel(command) });
      try {
        return await work();
      } catch (error) {
        dispatch({ type: "failed", command });
        notify("error", report.failed, errorText(error), report.place);
        announce(`${report.failed}.`);
        return null;
      }
    },
    [announce, notify],
  );

  /** Warnings from a check or summary, in one message (the pane shows one at a time). */
  const reportOutcome = useCallback(
    (result: CheckOutcome, place: NoticePlace) => {
      const lines: string[] = [];
      let intent: NoticeIntent = "info";
      let title = "";
      if (result.settingsProblem) {
        intent = "warning";
        title = "Settings not used";
        lines.push(result.settingsProblem);
      }
      if (result.formatting === "blocked") {
        intent = "warning";
        title ||= "Formatting not added";
        lines.push(
          result.message ??
            "The workbook or some tabs are protected, so the rating dropdown and colours were not added.",
        );
      } else if (result.message) {
        title ||= "About the formatting";
        lines.push(result.message);
      }
      for (const note of result.read.notes) {
        title ||= "About reading the workbook";
        lines.push(note);
      }
      if (lines.length > 0) notify(intent, title, lines.join(" "), place);
    },
    [notify],
  );

  const runCheck = useCallback(
    (options?: { replaceUserRules?: boolean }) => {
      clear();
      return run("check", { failed: "Check plan did not finish", place: "pane" }, async () => {
        const result = await commands.checkPlanCommand(host, {
          today: today(),
          replaceUserRules: options?.replaceUserRules,
        });
        dispatch({ type: "checked", outcome: result });
        reportOutcome(result, "pane");
        announce(checkAnnouncement(result.result));
        return result;
      });
    },
    [announce, clear, commands, host, reportOutcome, run, today],
  );

  const runSummary = useCallback(
    (options: { asOf?: IsoDate; compareWith?: IsoDate } = {}) => {
      clear();
      return run("summary", { failed: "Summarise progress did not finish", place: "summary" }, async () => {
        const result = await commands.summariseCommand(host, { today: today(), ...options });
        dispatch({ type: "summarised", summary: result });
        reportOutcome(result, "summary");
        announce(`Summary ready: ${result.committeeText}`);
        return result;
      });
    },
    [announce, clear, commands, host, reportOutcome, run, today],
  );

  const recheckEdits = useCallback(
    async (edits: CellEdit[]) => {
      let current = stateRef.current.outcome;
      if (!current) return;
      for (const edit of edits) current = await commands.recheckCommand(host, current, edit, today());
      dispatch({ type: "updated", outcome: current });
    },
    [commands, host, today],
  );

  const applyTexts = useCallback(
    async (writes: SetTextWrite[]) => {
      const { changed, restore } = await commands.applyTextChangesCommand(host, writes);
      await recheckEdits(editsOfWrites(writes));
      return { changed, restore };
    },
    [commands, host, recheckEdits],
  );

  const changeTexts = useCallback(
    async (
      writes: SetTextWrite[],
      done: string,
      options: { place?: NoticePlace; selectChanged?: boolean } = {},
    ) => {
      if (writes.length === 0) return;
      const place = options.place ?? "pane";
      await run("change", { failed: "The cells were not changed", place }, async () => {
        const { changed, restore } = await applyTexts(writes);
        dispatch({ type: "changed", restore });
        const text = `${done}: ${plural(changed, "cell")} changed.`;
        const undo = `To undo, press “Restore the last change” under Formatting.`;
        notify("success", "Cells changed", `${text} ${undo}`, place);
        announce(text);
        const first = writes[0];
        if (options.selectChanged && first && changed > 0)
          await host.select(`${quoteSheet(first.sheet)}!${first.cell}`);
      });
    },
    [announce, applyTexts, host, notify, run],
  );

  const restore = useCallback(async () => {
    const last = stateRef.current.restoreStack[stateRef.current.restoreStack.length - 1];
    if (!last) return;
    await run("restore", { failed: "The cells were not restored", place: "pane" }, async () => {
      const { changed } = await applyTexts(last);
      dispatch({ type: "restored" });
      const text = `Restored ${plural(changed, "cell")} to what they held before.`;
      notify("success", "Cells restored", text);
      announce(text);
    });
  }, [announce, applyTexts, notify, run]);

  const removeFormatting = useCallback(async () => {
    await run(
      "remove-formatting",
      { failed: "Formatting was not removed", place: "formatting" },
      async () => {
        await commands.removeFormattingCommand(host);
        dispatch({ type: "formatting-removed" });
        const text =
          "The rating dropdowns, colours and highlights added by SDP Assistant were removed. Your text and the Progress Summary tab stay.";
        notify("success", "Formatting removed", text, "formatting");
        announce("Formatting removed.");
      },
    );
  }, [announce, commands, host, notify, run]);

  const focusClaimed = useRef(0);
  const claimFocus = useCallback((seq: number) => {
    if (seq <= focusClaimed.current) return false;
    focusClaimed.current = seq;
    return true;
  }, []);

  const checked = state.outcome !== null;
  useLiveRecheck(checked, recheckEdits);

  const refresh = useCallback(async () => {
    const current = stateRef.current.outcome;
    if (!current) return;
    dispatch({ type: "updated", outcome: await commands.refreshCommand(host, current, today()) });
  }, [commands, host, today]);
  useRefreshOnFocus(checked && state.busy === null, refresh);

  const value = useMemo<PlanSession>(
    () => ({
      outcome: state.outcome,
      summary: state.summary,
      busy: state.busy?.label ?? null,
      finished: state.finished,
      claimFocus,
      runCheck,
      runSummary,
      changeTexts,
      canRestore: state.restoreStack.length > 0,
      restore,
      removeFormatting,
    }),
    [state, claimFocus, runCheck, runSummary, changeTexts, restore, removeFormatting],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/**
 * Subscribes to the user's edits while a check is on screen, and re-checks the edited rows
 * RECHECK_DELAY_MS after the last edit of a burst. Errors reach the message region.
 */
function useLiveRecheck(active: boolean, recheck: (edits: CellEdit[]) => Promise<unknown>) {
  const { host } = useServices();
  const { notify } = useNotices();
  const recheckRef = useRef(recheck);
  useLayoutEffect(() => {
    recheckRef.current = recheck;
  }, [recheck]);

  useEffect(() => {
    if (!active) return;
    let pending: CellEdit[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    let unsubscribe: (() => Promise<void>) | null = null;
    let closed = false;

    const flush = () => {
      timer = null;
      const edits = mergeEdits(pending);
      pending = [];
      recheckRef
        .current(edits)
        .catch((error: unknown) => notify("error", "Live check stopped for that edit", errorText(error)));
    };

    host
      .onEdited((edit) => {
        pending.push(edit);
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, RECHECK_DELAY_MS);
      })
      .then((off) => {
        if (closed) void off();
        else unsubscribe = off;
      })
      .catch((error: unknown) =>
        notify(
          "warning",
          "Live check is off",
          `Edits will be checked when you press Check plan again. (${errorText(error)})`,
        ),
      );

    return () => {
      closed = true;
      if (timer) clearTimeout(timer);
      if (unsubscribe) unsubscribe().catch(() => undefined);
    };
  }, [active, host, notify]);
}

/**
 * Re-reads the plan when the pane regains focus after the user worked in the grid: picking
 * from a dropdown does not always fire an edit event, so events alone are not trusted.
 */
function useRefreshOnFocus(active: boolean, refresh: () => Promise<void>) {
  const { notify } = useNotices();
  const refreshRef = useRef(refresh);
  useLayoutEffect(() => {
    refreshRef.current = refresh;
  }, [refresh]);

  useEffect(() => {
    if (!active) return;
    const onFocus = () => {
      refreshRef
        .current()
        .catch((error: unknown) =>
          notify(
            "warning",
            "The pane may be out of date",
            `Press Check plan to read the plan again. (${errorText(error)})`,
          ),
        );
    };
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [active, notify]);
}

export function usePlanSession(): PlanSession {
  const session = useContext(SessionContext);
  if (!session)
    throw new Error("SDP Assistant: the pane was rendered without its session (PlanSessionProvider).");
  return session;
}
