import { Suspense, useEffect, useRef, useState } from "react";
import { Button, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import { BusyNote } from "./BusyNote";
import { PANE_MESSAGES, type PaneMessageCode } from "../commands/pane-message";
import type { RibbonBridge } from "../commands/ribbon";
import { formatDay } from "../core/day-text";
import { CheckView } from "./CheckView";
import { SettingsView, SummaryView } from "./lazyViews";
import { Announcer, NoticeBar } from "./NoticeBars";
import { NoticesProvider, useNotices } from "./notices";
import { useRibbonRunner } from "./ribbon-runner";
import { PlanSessionProvider, usePlanSession } from "./session";
import { ViewErrorBoundary } from "./ViewErrorBoundary";

const useStyles = makeStyles({
  header: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  asOf: { color: tokens.colorNeutralForeground2 },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
  },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

type View = "check" | "summary" | "settings";
const VIEW_NAMES: Record<View, string> = { check: "Check", summary: "Summary", settings: "Settings" };

/**
 * The pane: a sticky header (views, Check plan, the as-of date, the message), then the chosen view.
 * openedWith: the message a ribbon button left for it (no shared runtime); ribbon: the ribbon's
 * buttons in the shared runtime, run through this pane's session while it is mounted.
 */
export function App({
  openedWith = null,
  ribbon = null,
}: {
  openedWith?: PaneMessageCode | null;
  ribbon?: RibbonBridge | null;
}) {
  return (
    <NoticesProvider>
      <PlanSessionProvider>
        <Pane openedWith={openedWith} ribbon={ribbon} />
      </PlanSessionProvider>
    </NoticesProvider>
  );
}

function Pane({ openedWith, ribbon }: { openedWith: PaneMessageCode | null; ribbon: RibbonBridge | null }) {
  const styles = useStyles();
  const session = usePlanSession();
  const [view, setView] = useState<View>(openedWith?.startsWith("summary") ? "summary" : "check");
  useRibbonMessage(openedWith);
  useRibbonRunner(ribbon, setView);
  const asOf = session.outcome?.result.asOf;
  return (
    <>
      {/* Excel titles the pane "SDP Assistant" already: the heading is for screen readers only. */}
      <h1 className={styles.hidden}>SDP Assistant</h1>
      <header className={styles.header}>
        <TabList
          size="small"
          selectedValue={view}
          onTabSelect={(_, d) => setView(d.value as View)}
          aria-label="Views"
        >
          {(Object.keys(VIEW_NAMES) as View[]).map((v) => (
            <Tab key={v} value={v}>
              {VIEW_NAMES[v]}
            </Tab>
          ))}
        </TabList>
        <div className={styles.actions}>
          <CheckPlanButton onRun={() => setView("check")} />
          <Text size={200} className={styles.asOf} data-testid="as-of">
            {asOf ? `Judged on ${formatDay(asOf)}` : "Not checked yet"}
          </Text>
        </div>
        {session.busy && <BusyNote label={session.busy} />}
        <NoticeBar place="pane" />
      </header>
      <main className={styles.main} aria-label={VIEW_NAMES[view]}>
        <ViewErrorBoundary key={view}>
          <Suspense fallback={<BusyNote label="Opening…" />}>
            {view === "check" && <CheckView />}
            {view === "summary" && <SummaryView />}
            {view === "settings" && <SettingsView />}
          </Suspense>
        </ViewErrorBoundary>
      </main>
      <Announcer />
    </>
  );
}

/** The pane's primary action, always in its header. */
export function CheckPlanButton({ onRun }: { onRun?: () => void }) {
  const session = usePlanSession();
  return (
    <Button
      appearance="primary"
      disabled={session.busy !== null}
      onClick={() => {
        onRun?.();
        void session.runCheck();
      }}
    >
      Check plan
    </Button>
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
