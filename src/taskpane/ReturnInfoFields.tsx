import * as React from "react";
import { Field, Input, Text, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReturnInfo } from "../blueprint/instructions-sheet";
import { Strings } from "./strings";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXXS },
});

const KEYS = ["period", "deadline", "contact"] as const;

/**
 * The period, return deadline and contact that 填报说明 shows. Optional, three short fields:
 * the tracker keeps them, so they are typed once and only changed when the month changes.
 */
export function ReturnInfoFields(props: { s: Strings; value: ReturnInfo; disabled: boolean; onChange: (next: ReturnInfo) => void; children?: React.ReactNode }): React.JSX.Element {
  const { s, value, disabled, onChange } = props;
  const styles = useStyles();
  const labels = { period: s.returnPeriod, deadline: s.returnDeadline, contact: s.returnContact };
  const examples = { period: s.returnPeriodExample, deadline: s.returnDeadlineExample, contact: s.returnContactExample };
  return (
    <fieldset className={styles.group} data-testid="return-info">
      <legend className={styles.legend}>
        <Text weight="semibold">{s.returnInfoTitle}</Text>
      </legend>
      <Caption1>{s.returnInfoHint}</Caption1>
      {KEYS.map((key) => (
        <Field key={key} label={labels[key]} size="small">
          <Input
            size="small"
            value={value[key] ?? ""}
            placeholder={examples[key]}
            disabled={disabled}
            onChange={(_, d) => onChange({ ...value, [key]: d.value })}
            data-testid={`return-${key}`}
          />
        </Field>
      ))}
      {props.children}
    </fieldset>
  );
}
