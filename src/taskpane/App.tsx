import { Suspense, useEffect, useRef, useState } from "react";
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { BusyNote } from "./BusyNote";
import { PANE_MESSAGES, type PaneMessageCode } from "../commands/pane-message";
import { CheckView } from "./CheckView";
import { SettingsView, SummaryView } from "./lazyViews";
import { NoticeBars } from "./NoticeBars";
import { NoticesProvider, useNotices } from "./notices";
import { PlanSessionProvider, usePlanSession } from "./session";
import { ViewErrorBoundary } from "./ViewErrorBoundary";

const useStyles = makeStyles({
  app: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
});

type View = "check" | "summary" | "settings";
const VIEW_NAMES: Record<View, string> = { check: "Check", summary: "Summary", settings: "Settings" };

/** The pane: a tab list (Check, Summary, Settings), the message region, and the chosen view. */
export function App({ openedWith = null }: { openedWith?: PaneMessageCode | null }) {
  return (
    <NoticesProvider>
      <PlanSessionProvider>
        <Pane openedWith={openedWith} />
      </PlanSessionProvider>
    </NoticesProvider>
  );
}

function Pane({ openedWith }: { openedWith: PaneMessageCode | null }) {
  const styles = useStyles();
  const [view, setView] = useState<View>(openedWith?.startsWith("summary") ? "summary" : "check");
  useRibbonMessage(openedWith);
  return (
    <main className={styles.app}>
      <h1 className={styles.title}>SDP Assistant</h1>
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="Views">
        {(Object.keys(VIEW_NAMES) as View[]).map((v) => (
          <Tab key={v} value={v}>
            {VIEW_NAMES[v]}
          </Tab>
        ))}
      </TabList>
      <NoticeBars />
      <div role="tabpanel" aria-label={VIEW_NAMES[view]}>
        <ViewErrorBoundary key={view}>
          <Suspense fallback={<BusyNote label="Opening…" />}>
            {view === "check" && <CheckView />}
            {view === "summary" && <SummaryView />}
            {view === "settings" && <SettingsView />}
          </Suspense>
        </ViewErrorBoundary>
      </div>
    </main>
  );
}

/** Shows why a ribbon button opened the pane (and re-runs the check to ask its question again), once. */
function useRibbonMessage(code: PaneMessageCode | null) {
  const { notify } = useNotices();
  const { runCheck } = usePlanSession();
  const shown = useRef(false);
  useEffect(() => {
    if (!code || shown.current) return;
    shown.current = true;
    const message = PANE_MESSAGES[code];
    const show = () => notify(message.intent, message.title, message.text);
    if (message.rerunCheck) void runCheck().then(show);
    else show();
  }, [code, notify, runCheck]);
}
