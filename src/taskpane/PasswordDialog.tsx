import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
} from "@fluentui/react-components";
import { Strings } from "./strings";

export interface PasswordRequest {
  /** The sheet that refused to be unprotected. */
  sheet: string;
  /** The last password given was wrong. */
  wrong: boolean;
}

/**
 * Asks for the sheets' protection password. A modal dialog (focus trapped, Esc cancels) with a
 * labelled password field; a wrong password is announced as the field's error message.
 */
export function PasswordDialog({
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
  const [value, setValue] = React.useState("");
  const promptId = React.useId();
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => (d.open ? undefined : onCancel())}>
      <DialogSurface aria-describedby={promptId} data-testid="password-dialog">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (value) onSubmit(value);
          }}
        >
          <DialogBody>
            <DialogTitle>{s.passwordTitle}</DialogTitle>
            <DialogContent>
              <p id={promptId}>{s.passwordPrompt.replace("{sheet}", request.sheet)}</p>
              <Field
                label={s.passwordLabel}
                required
                validationState={request.wrong ? "error" : "none"}
                validationMessage={request.wrong ? s.passwordWrong : undefined}
              >
                <Input type="password" value={value} onChange={(_, d) => setValue(d.value)} autoFocus data-testid="password-input" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={!value} data-testid="password-submit">
                {s.passwordSubmit}
              </Button>
              <Button onClick={onCancel}>{s.passwordCancel}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
