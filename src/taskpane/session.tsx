/**
 * The pane's working state for one open workbook: the last check (and summary), what the
 * pane is busy with, and the inverse writes of every text change it made (kept until the
 * pane closes, so "Restore" can put the cells back). Every operation reports its errors
 * through the message region.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { CheckOutcome, SummaryOutcome } from "../app/commands";
import type { IsoDate, SetTextWrite } from "../core";
import type { CellEdit } from "../host/WorkbookHost";
import { editsOfWrites, mergeEdits } from "./edits";
import { errorText, useNotices } from "./notices";
import { useServices } from "./services";
import { checkAnnouncement } from "./wording";

export interface PlanSession {
  outcome: CheckOutcome | null;
  summary: SummaryOutcome | null;
  /** What the pane is doing ("Checking the plan…"), or null when idle. */
  busy: string | null;
  runCheck: (options?: { replaceUserRules?: boolean }) => Promise<void>;
  /** asOf: judge the plan as at this date (the plan's review date); compareWith: the earlier review's as-of date. */
  runSummary: (options?: { asOf?: IsoDate; compareWith?: IsoDate }) => Promise<void>;
  /** Applies text changes the user confirmed, keeps their inverse for Restore, re-checks those rows. */
  changeTexts: (writes: SetTextWrite[], done: string) => Promise<void>;
  canRestore: boolean;
  restore: () => Promise<void>;
  removeFormatting: () => Promise<void>;
}

const SessionContext = createContext<PlanSession | null>(null);

/** How long the pane waits after the last edit before re-checking (edits come in bursts). */
const RECHECK_DELAY_MS = 300;

export function PlanSessionProvider({ children }: { children: ReactNode }) {
  const { host, commands, today } = useServices();
  const { notify, clear, announce } = useNotices();
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [summary, setSummary] = useState<SummaryOutcome | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [restoreStack, setRestoreStack] = useState<SetTextWrite[][]>([]);
  const outcomeRef = useRef<CheckOutcome | null>(null);
  // The latest outcome for callbacks that outlive a render (re-check after a burst of edits).
  useLayoutEffect(() => {
    outcomeRef.current = outcome;
  }, [outcome]);

  const reportOutcome = useCallback(
    (result: CheckOutcome, what: "check" | "summary") => {
      if (result.settingsProblem) notify("warning", "Settings not used", result.settingsProblem);
      for (const note of result.read.notes) notify("info", "Part of the workbook was not read", note);
      if (result.formatting === "blocked") {
        notify(
          "warning",
          "Formatting not added",
          result.message ??
            "The workbook or some tabs are protected, so the rating dropdown and colours were not added.",
        );
      } else if (result.message) {
        notify("info", what === "check" ? "Check plan" : "Summarise progress", result.message);
      }
    },
    [notify],
  );

  const runCheck = useCallback(
    async (options?: { replaceUserRules?: boolean }) => {
      clear();
      setBusy("Checking the plan…");
      try {
        const result = await commands.checkPlanCommand(host, {
          today: today(),
          replaceUserRules: options?.replaceUserRules,
        });
        setOutcome(result);
        reportOutcome(result, "check");
        announce(checkAnnouncement(result.result));
      } catch (error) {
        notify("error", "Check plan did not finish", errorText(error));
        announce("Check plan did not finish.");
      } finally {
        setBusy(null);
      }
    },
    [announce, clear, commands, host, notify, reportOutcome, today],
  );

  const runSummary = useCallback(
    async (options: { asOf?: IsoDate; compareWith?: IsoDate } = {}) => {
      clear();
      setBusy("Summarising progress…");
      try {
        const result = await commands.summariseCommand(host, { today: today(), ...options });
        setSummary(result);
        setOutcome(result);
        reportOutcome(result, "summary");
        announce(`Summary ready: ${result.committeeText}`);
      } catch (error) {
        notify("error", "Summarise progress did not finish", errorText(error));
        announce("Summarise progress did not finish.");
      } finally {
        setBusy(null);
      }
    },
    [announce, clear, commands, host, notify, reportOutcome, today],
  );

  const recheckEdits = useCallback(
    async (edits: CellEdit[]) => {
      let current = outcomeRef.current;
      if (!current) return;
      for (const edit of edits) current = await commands.recheckCommand(host, current, edit, today());
      setOutcome(current);
      return current;
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
    async (writes: SetTextWrite[], done: string) => {
      if (writes.length === 0) return;
      setBusy("Changing cells…");
      try {
        const { changed, restore } = await applyTexts(writes);
        if (restore.length > 0) setRestoreStack((stack) => [...stack, restore]);
        const text = `${done}: ${changed} ${changed === 1 ? "cell" : "cells"} changed.`;
        notify("success", "Cells changed", `${text} Use Restore to put them back.`);
        announce(text);
      } catch (error) {
        notify("error", "The cells were not changed", errorText(error));
      } finally {
        setBusy(null);
      }
    },
    [announce, applyTexts, notify],
  );

  const restore = useCallback(async () => {
    const last = restoreStack[restoreStack.length - 1];
    if (!last) return;
    setBusy("Restoring cells…");
    try {
      const { changed } = await applyTexts(last);
      setRestoreStack((stack) => stack.slice(0, -1));
      const text = `Restored ${changed} ${changed === 1 ? "cell" : "cells"} to what they held before.`;
      notify("success", "Cells restored", text);
      announce(text);
    } catch (error) {
      notify("error", "The cells were not restored", errorText(error));
    } finally {
      setBusy(null);
    }
  }, [announce, applyTexts, notify, restoreStack]);

  const removeFormatting = useCallback(async () => {
    setBusy("Removing formatting…");
    try {
      await commands.removeFormattingCommand(host);
      const text =
        "The rating dropdowns, colours and highlights added by SDP Assistant were removed. Your text and the Progress Summary tab stay.";
      notify("success", "Formatting removed", text);
      announce("Formatting removed.");
    } catch (error) {
      notify("error", "Formatting was not removed", errorText(error));
    } finally {
      setBusy(null);
    }
  }, [announce, commands, host, notify]);

  useLiveRecheck(outcome !== null, recheckEdits);

  const refresh = useCallback(async () => {
    const current = outcomeRef.current;
    if (!current) return;
    setOutcome(await commands.refreshCommand(host, current, today()));
  }, [commands, host, today]);
  useRefreshOnFocus(outcome !== null && busy === null, refresh);

  const value = useMemo<PlanSession>(
    () => ({
      outcome,
      summary,
      busy,
      runCheck,
      runSummary,
      changeTexts,
      canRestore: restoreStack.length > 0,
      restore,
      removeFormatting,
    }),
    [
      outcome,
      summary,
      busy,
      runCheck,
      runSummary,
      changeTexts,
      restoreStack.length,
      restore,
      removeFormatting,
    ],
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
