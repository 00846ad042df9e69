import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useNotices, type NoticePlace } from "./notices";

const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

/** The pane's one message, when it belongs at this place (beside the control that caused it). */
export function NoticeBar({ place }: { place: NoticePlace }) {
  const { notice, dismiss } = useNotices();
  if (!notice || notice.place !== place) return null;
  return (
    <MessageBar
      key={notice.id}
      intent={notice.intent}
      layout="multiline"
      data-testid="notice"
      data-place={place}
      politeness={notice.intent === "error" ? "assertive" : "polite"}
    >
      <MessageBarBody>
        {/* The title on its own line: beside the text it leaves a narrow column at 320 px. */}
        <MessageBarTitle style={{ display: "block" }}>{notice.title}</MessageBarTitle>
        {notice.text}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          // Icon-only: a text button keeps Fluent's 96 px minimum width, an empty column at 320 px.
          <Button
            appearance="transparent"
            aria-label={`Dismiss: ${notice.title}`}
            icon={<span aria-hidden>×</span>}
            onClick={() => dismiss(notice.id)}
          />
        }
      />
    </MessageBar>
  );
}

/** The screen-reader live region every command's result is announced in. */
export function Announcer() {
  const { announcement } = useNotices();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" style={visuallyHidden} data-testid="announcer">
      {announcement}
    </div>
  );
}

/** The pane-level message (under the header) plus the live region. */
export function NoticeBars() {
  return (
    <>
      <NoticeBar place="pane" />
      <Announcer />
    </>
  );
}
