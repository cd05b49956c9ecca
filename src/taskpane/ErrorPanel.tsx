import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalM },
  detail: {
    whiteSpace: "pre-wrap",
    wordBreak: "break-word",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalS,
  },
});

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const head = `${error.name}: ${error.message}`;
  if (!error.stack) return head;
  // V8 stacks start with "Name: message"; WebKit's (Excel on Mac) carry only the frames.
  return error.stack.startsWith(head) ? error.stack : `${head}\n${error.stack}`;
}

/** Shows a failure in the pane itself: in Office there is often no console to look at. */
export function ErrorPanel({ title, error }: { title: string; error: unknown }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root} role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          <div className={styles.detail}>{describeError(error)}</div>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}

interface BoundaryState {
  error: unknown;
  failed: boolean;
}

/** Turns a render-time exception in the app into a visible ErrorPanel instead of a blank pane. */
export class ErrorBoundary extends React.Component<React.PropsWithChildren<{ title: string }>, BoundaryState> {
  override state: BoundaryState = { error: undefined, failed: false };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error, failed: true };
  }

  override render(): React.ReactNode {
    return this.state.failed ? <ErrorPanel title={this.props.title} error={this.state.error} /> : this.props.children;
  }
}
