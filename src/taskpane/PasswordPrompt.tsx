import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { Strings } from "./strings";

export interface PasswordRequest {
  /** The sheet that refused to be unprotected. */
  sheet: string;
  /** The last password given was wrong. */
  wrong: boolean;
}

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/**
 * Asks for the sheets' protection password inside the pane (a Fluent Dialog would add ~40 KB
 * to the first load for a rare case): a named form whose password field takes the focus, Enter
 * submits, Esc cancels, and a wrong password is the field's error message, announced with it.
 */
export function PasswordPrompt({
  s,
  request,
  onSubmit,
  onCancel,
}: {
  s: Strings;
  request: PasswordRequest;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const [value, setValue] = React.useState("");
  const titleId = React.useId();
  const promptId = React.useId();
  return (
    <form
      className={styles.form}
      aria-labelledby={titleId}
      aria-describedby={promptId}
      data-testid="password-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) onSubmit(value);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id={titleId}>{s.passwordTitle}</MessageBarTitle>
          <span id={promptId}>{s.passwordPrompt.replace("{sheet}", request.sheet)}</span>
        </MessageBarBody>
      </MessageBar>
      <Field
        label={s.passwordLabel}
        required
        validationState={request.wrong ? "error" : "none"}
        validationMessage={request.wrong ? s.passwordWrong : undefined}
      >
        <Input type="password" value={value} onChange={(_, d) => setValue(d.value)} autoFocus data-testid="password-input" />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={!value} data-testid="password-submit">
          {s.passwordSubmit}
        </Button>
        <Button onClick={onCancel}>{s.passwordCancel}</Button>
      </div>
    </form>
  );
}
