import * as React from "react";
import { Button, Caption1, Field, Input, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { CONTACT_COLUMNS, Contact } from "../blueprint/contacts-sheet";
import { isValidAddress, splitAddresses } from "../mail/contacts";
import { Strings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: 0 },
});

const EMPTY: Contact = { unit: "", name: "", phone: "", email: "", cc: "" };

/** The first address the sheet would refuse, or undefined when all are valid. */
function badAddress(cell: string): string | undefined {
  return splitAddresses(cell).find((a) => !isValidAddress(a));
}

/** One typed row as the table importContacts reads: a tab or line break inside a field would shift the columns. */
export function rowAsTable(c: Contact): string {
  const clean = (v: string) => v.replace(/[\t\r\n]+/g, " ").trim();
  return `${CONTACT_COLUMNS.join("\t")}\n${[c.unit, c.name, c.phone, c.email, c.cc].map(clean).join("\t")}\n`;
}

/**
 * 联络员 in the pane: a pasted table (checked and written whole by importContacts, which
 * refuses it unchanged on any error) or one unit typed in, checked here first so the
 * coordinator sees the fault beside the field.
 */
export function ContactsForm(props: { s: Strings; units: readonly string[]; contacts?: readonly Contact[]; disabled: boolean; onImport: (table: string) => void }): React.JSX.Element {
  const { s, units, contacts, disabled, onImport } = props;
  const styles = useStyles();
  const [pasted, setPasted] = React.useState("");
  const [row, setRow] = React.useState<Contact>({ ...EMPTY, unit: units[0] ?? "" });
  const [tried, setTried] = React.useState(false);
  const withEmail = (contacts ?? []).filter((c) => splitAddresses(c.email).length > 0).length;
  const choose = (unit: string) => {
    setTried(false);
    setRow({ ...EMPTY, ...contacts?.find((c) => c.unit === unit), unit });
  };
  React.useEffect(() => {
    // The sheet's rows arrive after the pane opens: the unit shown gets its saved values.
    if (contacts && row.name === "" && row.email === "") choose(row.unit);
    // New rows mean the pasted table was written; a refused one stays in the box to be corrected.
    setPasted("");
  }, [contacts]);
  const emailError = splitAddresses(row.email).length === 0 ? s.contactsEmailMissing : badAddress(row.email) ? s.contactsEmailInvalid.replace("{address}", badAddress(row.email)!) : undefined;
  const ccBad = badAddress(row.cc);
  const ccError = ccBad ? s.contactsEmailInvalid.replace("{address}", ccBad) : undefined;
  const set = (key: keyof Contact) => (_: unknown, d: { value: string }) => setRow((prev) => ({ ...prev, [key]: d.value }));
  return (
    <section className={styles.root} aria-labelledby="contacts-title" data-testid="contacts">
      <Text as="h2" weight="semibold" id="contacts-title">
        {s.contactsTitle}
      </Text>
      <Caption1>{s.contactsHint}</Caption1>
      {contacts && <Caption1 data-testid="contacts-count">{s.contactsCount.replace("{n}", String(withEmail)).replace("{total}", String(units.length))}</Caption1>}
      <Field label={s.contactsPaste}>
        <Textarea value={pasted} onChange={(_, d) => setPasted(d.value)} disabled={disabled} resize="vertical" data-testid="contacts-paste" />
      </Field>
      <div className={styles.row}>
        <Button
          disabled={disabled || pasted.trim() === ""}
          onClick={() => onImport(pasted)}
          data-testid="contacts-paste-button"
        >
          {s.contactsPasteButton}
        </Button>
      </div>
      <Text weight="semibold">{s.contactsRowTitle}</Text>
      <Field label={s.contactsUnit}>
        <Select value={row.unit} onChange={(_, d) => choose(d.value)} disabled={disabled} data-testid="contacts-unit">
          {units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field label={s.contactsName} className={styles.grow}>
          <Input value={row.name} onChange={set("name")} disabled={disabled} data-testid="contacts-name" />
        </Field>
        <Field label={s.contactsPhone} className={styles.grow}>
          <Input value={row.phone} onChange={set("phone")} disabled={disabled} type="tel" data-testid="contacts-phone" />
        </Field>
      </div>
      <Field label={s.contactsEmail} validationMessage={tried ? emailError : undefined} required>
        <Input value={row.email} onChange={set("email")} disabled={disabled} data-testid="contacts-email" />
      </Field>
      <Field label={s.contactsCc} validationMessage={tried ? ccError : undefined}>
        <Input value={row.cc} onChange={set("cc")} disabled={disabled} data-testid="contacts-cc" />
      </Field>
      <div className={styles.row}>
        <Button
          disabled={disabled || row.unit === ""}
          onClick={() => {
            setTried(true);
            if (!emailError && !ccError) onImport(rowAsTable(row));
          }}
          data-testid="contacts-save-row"
        >
          {s.contactsSaveRow}
        </Button>
      </div>
    </section>
  );
}
