import * as React from "react";
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ListChoice, builtinChoice, chooseFile, chooseList, chooseParsed } from "./list-choice";
import { TaskList } from "../domain/types";
import { TaskListError } from "../domain/task-list-error";
import { describeExcelError } from "../excel/excel-errors";
import { Strings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function ListSource(props: {
  s: Strings;
  choice: ListChoice;
  /** The open tracker's own list, when it kept one. */
  own?: ListChoice;
  disabled: boolean;
  onChange: (c: ListChoice) => void;
  /** Reads the selected range of the open sheet as a list (throws TaskListError on bad rows). */
  onReadSelection: () => Promise<TaskList>;
}): React.JSX.Element {
  const { s, choice, own, disabled, onChange, onReadSelection } = props;
  const styles = useStyles();
  const [text, setText] = React.useState(choice.source === "custom" ? choice.text : "");
  const [fileError, setFileError] = React.useState<string>();
  const fileInput = React.useRef<HTMLInputElement>(null);
  /** The chosen .xlsx, kept so another of its sheets can be read. */
  const [workbook, setWorkbook] = React.useState<{ name: string; bytes: Uint8Array; sheets: string[]; sheet?: string }>();

  const readFile = async (name: string, bytes: Uint8Array, sheet?: string) => {
    setFileError(undefined);
    try {
      const read = await chooseFile(name, bytes, { tooBig: s.fileTooBig, notUtf8: s.fileNotUtf8 }, sheet);
      if (!/\.(docx|xlsx)$/i.test(name)) setText(read.choice.text);
      setWorkbook(read.sheets && read.sheets.length > 1 ? { name, bytes, sheets: read.sheets, sheet: read.sheet } : undefined);
      onChange(read.choice);
    } catch (e) {
      setFileError((e as Error).message);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    await readFile(file.name, new Uint8Array(await file.arrayBuffer()));
  };

  return (
    <section className={styles.root} aria-label={s.otherList}>
      <RadioGroup
        aria-label={s.listChoiceLabel}
        value={choice.source}
        disabled={disabled}
        onChange={(_, d) =>
          d.value === "builtin" ? onChange(builtinChoice()) : d.value === "tracker" ? own && onChange(own) : text && onChange(chooseList("custom", text))
        }
      >
        {own && <Radio value="tracker" label={s.trackerList} data-testid="own-list" />}
        <Radio value="builtin" label={s.builtinList} />
        <Radio value="custom" label={s.otherList} disabled={!text} />
      </RadioGroup>
      <Field label={s.otherList} hint={s.listHint}>
        <Textarea value={text} rows={4} disabled={disabled} resize="vertical" onChange={(_, d) => setText(d.value)} data-testid="list-text" />
      </Field>
      <div className={styles.row}>
        <Button disabled={disabled || !text.trim()} onClick={() => onChange(chooseList("custom", text))} data-testid="use-text">
          {s.useText}
        </Button>
        <Button disabled={disabled} onClick={() => fileInput.current?.click()}>
          {s.chooseListFile}
        </Button>
        <Button
          disabled={disabled}
          data-testid="from-selection"
          onClick={() =>
            void onReadSelection().then(
              (list) => onChange(chooseParsed(() => list, s.fromSelection)),
              (e: unknown) =>
                e instanceof TaskListError ? onChange({ source: "custom", text: s.fromSelection, error: e }) : setFileError(describeExcelError(e, s.excelErrors)),
            )
          }
        >
          {s.fromSelection}
        </Button>
        <input ref={fileInput} type="file" accept=".txt,.csv,.docx,.xlsx,text/plain,text/csv" hidden onChange={(e) => void onFile(e.target.files?.[0])} data-testid="list-file" />
      </div>
      {workbook && (
        <Field label={s.listSheet}>
          <Select
            value={workbook.sheet}
            disabled={disabled}
            data-testid="list-sheet"
            onChange={(_, d) => void readFile(workbook.name, workbook.bytes, d.value)}
          >
            {workbook.sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {fileError && (
        <MessageBar intent="error">
          <MessageBarBody>{fileError}</MessageBarBody>
        </MessageBar>
      )}
      {choice.error && (
        <MessageBar intent="error" layout="multiline" data-testid="list-error">
          <MessageBarBody>
            <MessageBarTitle>{s.listErrorTitle}</MessageBarTitle>
            <ul className={styles.problems}>
              {choice.error.problems.map((p, i) => (
                <li key={i}>{p.line ? s.lineNo.replace("{n}", String(p.line)) + p.message : p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
