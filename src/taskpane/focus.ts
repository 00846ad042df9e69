import { useEffect, useRef } from "react";
import { usePlanSession } from "./session";
import type { PaneCommand } from "./session-state";

/**
 * A ref for a command's result heading (give it tabIndex={-1}): when that command finishes,
 * the focus moves there, so keyboard and screen-reader users land on what it produced (the live
 * region announces it too).
 */
export function useResultFocus<T extends HTMLElement>(command: PaneCommand) {
  const ref = useRef<T>(null);
  const { finished, claimFocus } = usePlanSession();
  useEffect(() => {
    // The heading may mount after the command finished (the Summary's results): it still takes the
    // focus, once per command run (claimFocus), never again on a later visit to the view.
    if (!finished || finished.command !== command || !finished.ok || !ref.current) return;
    // A dialog the command opened (a question about the user's own rules) keeps the focus.
    if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
    if (claimFocus(finished.seq)) ref.current.focus();
  }, [finished, command, claimFocus]);
  return ref;
}
