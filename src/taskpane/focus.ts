import { useEffect, useRef } from "react";
import { usePlanSession } from "./session";
import type { PaneCommand } from "./session-state";

/**
 * A ref for a command's result heading (give it tabIndex={-1}): when that command finishes,
 * the focus moves there, so keyboard and screen-reader users land on what it produced.
 */
export function useResultFocus<T extends HTMLElement>(command: PaneCommand) {
  const ref = useRef<T>(null);
  const { finished } = usePlanSession();
  const seen = useRef(finished?.seq ?? 0);
  useEffect(() => {
    if (!finished || finished.seq === seen.current) return;
    seen.current = finished.seq;
    if (finished.command === command && finished.ok) ref.current?.focus();
  }, [finished, command]);
  return ref;
}
