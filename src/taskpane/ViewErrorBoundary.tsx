import { Component, type ReactNode } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { errorText } from "./notices";

interface State {
  error: unknown;
}

/** A view that throws while drawing shows a MessageBar (and a way back) instead of a blank pane. */
export class ViewErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This view could not be shown</MessageBarTitle>
          {errorText(this.state.error)}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: null })}>Try again</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
