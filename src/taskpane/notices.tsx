/**
 * The pane's feedback: one message at a time (a newer one replaces it), shown as a Fluent
 * MessageBar beside the control that caused it (its `place`), dismissible; results are also
 * announced to screen readers through one live region.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

export type NoticeIntent = "error" | "warning" | "success" | "info";

/**
 * Where a message shows: under the pane's header (the commands there, and anything without a
 * nearer control), or beside the control that caused it.
 */
export type NoticePlace = "pane" | "suggestions" | "formatting" | "findings" | "summary" | "settings";

export interface Notice {
  id: number;
  intent: NoticeIntent;
  title: string;
  text: string;
  place: NoticePlace;
}

export interface Notices {
  /** The one message on screen, or null. */
  notice: Notice | null;
  /** Shows a MessageBar at `place` (default: under the header), replacing the one on screen. */
  notify: (intent: NoticeIntent, title: string, text: string, place?: NoticePlace) => void;
  dismiss: (id: number) => void;
  /** Clears the message from an earlier run (before a new check or summary). */
  clear: () => void;
  /** The latest sentence for the aria-live region. */
  announcement: string;
  announce: (text: string) => void;
}

const NoticesContext = createContext<Notices | null>(null);

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const nextId = useRef(1);

  const notify = useCallback(
    (intent: NoticeIntent, title: string, text: string, place: NoticePlace = "pane") =>
      setNotice({ id: nextId.current++, intent, title, text, place }),
    [],
  );
  const dismiss = useCallback((id: number) => setNotice((n) => (n?.id === id ? null : n)), []);
  const clear = useCallback(() => setNotice(null), []);
  const announce = useCallback((text: string) => setAnnouncement(text), []);

  const value = useMemo(
    () => ({ notice, notify, dismiss, clear, announcement, announce }),
    [notice, notify, dismiss, clear, announcement, announce],
  );
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export function useNotices(): Notices {
  const notices = useContext(NoticesContext);
  if (!notices)
    throw new Error("SDP Assistant: the pane was rendered without its message region (NoticesProvider).");
  return notices;
}

/** A readable sentence from anything thrown. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return "An unexpected problem occurred.";
}
