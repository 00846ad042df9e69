/**
 * The pane's side of the shared runtime (src/commands/ribbon.ts): while the pane is mounted, the
 * ribbon's buttons run through its session, so the pane shows the ribbon's run (its findings, its
 * question about the user's own rules, its failure) and no cached read older than it stays on screen.
 */
import { useEffect, useLayoutEffect, useRef } from "react";
import { PANE_MESSAGES, type PaneMessageCode } from "../commands/pane-message";
import { ribbonMessage, type RibbonBridge, type RibbonFunction } from "../commands/ribbon";
import { useNotices, type Notices } from "./notices";
import { usePlanSession, type PlanSession } from "./session";

export type RibbonView = "check" | "summary";

interface PaneParts {
  session: PlanSession;
  show: (view: RibbonView) => void;
  notify: Notices["notify"];
}

function busyAnswer(notify: Notices["notify"]): PaneMessageCode {
  const m = PANE_MESSAGES["pane-busy"];
  notify(m.intent, m.title, m.text);
  return "pane-busy";
}

/** Runs one ribbon command in the pane: its view shown, the session's own command run. */
async function runInPane(pane: PaneParts, command: RibbonFunction): Promise<PaneMessageCode | null> {
  if (pane.session.busy !== null) return busyAnswer(pane.notify);
  if (command === "checkPlan") {
    pane.show("check");
    return ribbonMessage(command, await pane.session.runCheck());
  }
  pane.show("summary");
  return ribbonMessage(command, await pane.session.runSummary());
}

/** Takes the ribbon's commands while the pane is mounted (one at a time; a press meanwhile is told the pane is busy). */
export function useRibbonRunner(bridge: RibbonBridge | null, show: (view: RibbonView) => void): void {
  const session = usePlanSession();
  const { notify } = useNotices();
  const latest = useRef<PaneParts>({ session, show, notify });
  useLayoutEffect(() => {
    latest.current = { session, show, notify };
  });
  useEffect(() => {
    if (!bridge) return;
    let running = false;
    return bridge.attach(async (command) => {
      // The session's busy flag reaches `latest` only after React renders: a second press that
      // comes before that is caught here.
      if (running) return busyAnswer(latest.current.notify);
      running = true;
      try {
        return await runInPane(latest.current, command);
      } finally {
        running = false;
      }
    });
  }, [bridge]);
}
