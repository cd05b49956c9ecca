import * as React from "react";
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Strings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** 生成进展报告: the monthly report (.docx) for today, downloaded from the pane. */
export function ProgressReportButton(props: { s: Strings; disabled: boolean; onGenerate: () => void }): React.JSX.Element {
  const { s, disabled, onGenerate } = props;
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={s.reportTitle} data-testid="progress-report">
      <Text weight="semibold">{s.reportTitle}</Text>
      <Caption1>{s.reportHint}</Caption1>
      <div>
        <Button disabled={disabled} onClick={onGenerate} data-testid="progress-report-button">
          {s.reportButton}
        </Button>
      </div>
    </section>
  );
}
