import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarGroup,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useNotices } from "./notices";

const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;

/** The MessageBars every error and result reaches, plus the screen-reader live region. */
export function NoticeBars() {
  const { notices, dismiss, announcement } = useNotices();
  return (
    <>
      <MessageBarGroup animate="exit-only">
        {notices.map((n) => (
          <MessageBar key={n.id} intent={n.intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{n.title}</MessageBarTitle>
              {n.text}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  aria-label={`Dismiss: ${n.title}`}
                  onClick={() => dismiss(n.id)}
                >
                  ×
                </Button>
              }
            />
          </MessageBar>
        ))}
      </MessageBarGroup>
      <div role="status" aria-live="polite" aria-atomic="true" style={visuallyHidden} data-testid="announcer">
        {announcement}
      </div>
    </>
  );
}
