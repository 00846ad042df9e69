/**
 * The pane's message region: every error (and every result worth a sentence) reaches the
 * user here as a Fluent MessageBar, and results are announced to screen readers.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

export type NoticeIntent = "error" | "warning" | "success" | "info";

export interface Notice {
  id: number;
  intent: NoticeIntent;
  title: string;
  text: string;
}

export interface Notices {
  notices: Notice[];
  /** Shows a MessageBar (replacing one with the same title). */
  notify: (intent: NoticeIntent, title: string, text: string) => void;
  dismiss: (id: number) => void;
  /** Clears the bars from earlier runs (before a new check or summary). */
  clear: () => void;
  /** The latest sentence for the aria-live region. */
  announcement: string;
  announce: (text: string) => void;
}

const NoticesContext = createContext<Notices | null>(null);

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const nextId = useRef(1);

  const notify = useCallback((intent: NoticeIntent, title: string, text: string) => {
    const id = nextId.current++;
    setNotices((list) => [...list.filter((n) => n.title !== title), { id, intent, title, text }]);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const clear = useCallback(() => setNotices([]), []);
  const announce = useCallback((text: string) => setAnnouncement(text), []);

  const value = useMemo(
    () => ({ notices, notify, dismiss, clear, announcement, announce }),
    [notices, notify, dismiss, clear, announcement, announce],
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
