import * as React from "react";
import { Button, Caption1, Checkbox, Field, Input, Radio, RadioGroup, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { DRAFT_TEMPLATE, PLACEHOLDERS, REMINDER_TEMPLATE } from "../mail/template";
import type { BatchRequest } from "../mail/draft-batch";
import { Strings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  units: { display: "flex", flexDirection: "column" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  disclosure: { alignSelf: "flex-start", paddingLeft: 0 },
});

export type DraftsChoice = Pick<BatchRequest, "kind" | "units" | "deadline" | "signature" | "template">;

/**
 * The 分发 step's mail: drafts to the chosen units (every unit unless narrowed) or
 * reminders to those among them with work outstanding, with the deadline, signature and
 * template the coordinator sets. What is made and downloaded is App's business.
 */
export function DraftsDownload(props: { s: Strings; units: readonly string[]; disabled: boolean; onDownload: (choice: DraftsChoice) => void }): React.JSX.Element {
  const { s, units, disabled, onDownload } = props;
  const styles = useStyles();
  const [kind, setKind] = React.useState<BatchRequest["kind"]>("drafts");
  const [all, setAll] = React.useState(true);
  const [chosen, setChosen] = React.useState<Set<string>>(new Set());
  const [deadline, setDeadline] = React.useState("");
  const [signature, setSignature] = React.useState("");
  const [templateOpen, setTemplateOpen] = React.useState(false);
  /** Edited templates per kind; an untouched kind uses the built-in one. */
  const [templates, setTemplates] = React.useState<Partial<Record<BatchRequest["kind"], string>>>({});
  const template = templates[kind] ?? (kind === "drafts" ? DRAFT_TEMPLATE : REMINDER_TEMPLATE);
  const picked = all ? [] : units.filter((u) => chosen.has(u));
  return (
    <section className={styles.root} aria-labelledby="drafts-title" data-testid="drafts">
      <Text as="h2" weight="semibold" id="drafts-title">
        {s.draftsTitle}
      </Text>
      <Caption1>{s.draftsHint}</Caption1>
      <Field label={s.draftsKind}>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as BatchRequest["kind"])} disabled={disabled}>
          <Radio value="drafts" label={s.draftsKindSend} data-testid="drafts-kind-send" />
          <Radio value="reminders" label={s.draftsKindRemind} data-testid="drafts-kind-remind" />
        </RadioGroup>
      </Field>
      <Checkbox label={s.allUnits} checked={all} disabled={disabled} onChange={(_, d) => setAll(d.checked === true)} data-testid="drafts-all" />
      {!all && (
        <div className={styles.units} data-testid="drafts-units">
          {units.map((u) => (
            <Checkbox
              key={u}
              label={u}
              checked={chosen.has(u)}
              disabled={disabled}
              onChange={(_, d) =>
                setChosen((prev) => {
                  const next = new Set(prev);
                  if (d.checked === true) next.add(u);
                  else next.delete(u);
                  return next;
                })
              }
            />
          ))}
        </div>
      )}
      <Field label={s.draftsDeadline}>
        <Input value={deadline} onChange={(_, d) => setDeadline(d.value)} disabled={disabled} data-testid="drafts-deadline" />
      </Field>
      <Field label={s.draftsSignature}>
        <Input value={signature} onChange={(_, d) => setSignature(d.value)} disabled={disabled} data-testid="drafts-signature" />
      </Field>
      <Button
        appearance="subtle"
        icon={<span aria-hidden="true">{templateOpen ? "▾" : "▸"}</span>}
        aria-expanded={templateOpen}
        aria-controls="drafts-template"
        onClick={() => setTemplateOpen(!templateOpen)}
        className={styles.disclosure}
        data-testid="drafts-template-toggle"
      >
        {s.draftsTemplate}
      </Button>
      {templateOpen && (
        <Field id="drafts-template" label={s.draftsTemplateLabel.replace("{placeholders}", PLACEHOLDERS.map((p) => `{${p}}`).join(" "))}>
          <Textarea value={template} rows={10} resize="vertical" disabled={disabled} onChange={(_, d) => setTemplates((prev) => ({ ...prev, [kind]: d.value }))} data-testid="drafts-template" />
        </Field>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={disabled || (!all && picked.length === 0)}
          onClick={() => onDownload({ kind, units: picked, deadline: deadline.trim(), signature: signature.trim(), template: templates[kind] })}
          data-testid="drafts-button"
        >
          {s.draftsButton}
        </Button>
      </div>
    </section>
  );
}
