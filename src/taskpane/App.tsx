import * as React from "react";
import { Body1, Title2, makeStyles, tokens } from "@fluentui/react-components";

// Placeholder until the real task-pane UI lands; index.tsx only relies on the default export.
const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
  },
  title: { color: tokens.colorBrandForeground1 },
});

export default function App(): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        政策任务跟踪
      </Title2>
      <Body1>Policy Task Tracker</Body1>
    </main>
  );
}
