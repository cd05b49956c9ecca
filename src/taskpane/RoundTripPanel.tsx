import * as React from "react";
import { Button, Caption1, Checkbox, Field, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MergeResult } from "../excel/merge-returns";
import type { Conflict } from "../domain/merge";
import { conflictKey, conflictWords } from "./merge-lines";
import { Strings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  units: { display: "flex", flexDirection: "column" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  num: { textAlign: "right", width: "3.5em" },
  conflicts: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: "none" },
  conflict: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
});

export function ExportPanel(props: { s: Strings; units: string[]; disabled: boolean; onExport: (units: string[]) => void }): React.JSX.Element {
  const { s, units, disabled, onExport } = props;
  const styles = useStyles();
  const [chosen, setChosen] = React.useState<Set<string>>(new Set());
  const all = chosen.size === units.length && units.length > 0;
  const toggle = (u: string, on: boolean) => setChosen((prev) => {
    const next = new Set(prev);
    if (on) next.add(u);
    else next.delete(u);
    return next;
  });
  return (
    <section className={styles.root} aria-label={s.exportTitle} data-testid="export">
      <Text weight="semibold">{s.exportTitle}</Text>
      <Caption1>{s.exportHint}</Caption1>
      <Checkbox label={s.allUnits} checked={all ? true : chosen.size > 0 ? "mixed" : false} disabled={disabled} onChange={(_, d) => setChosen(d.checked ? new Set(units) : new Set())} />
      <div className={styles.units}>
        {units.map((u) => (
          <Checkbox key={u} label={u} checked={chosen.has(u)} disabled={disabled} onChange={(_, d) => toggle(u, d.checked === true)} />
        ))}
      </div>
      <div className={styles.row}>
        <Button disabled={disabled || chosen.size === 0} onClick={() => onExport(units.filter((u) => chosen.has(u)))} data-testid="export-button">
          {s.exportButton}({chosen.size})
        </Button>
      </div>
    </section>
  );
}

export function MergePanel(props: {
  s: Strings;
  disabled: boolean;
  onMerge: (files: File[]) => void;
  /** A refused full tracker the user confirms by name (never merged on its own say-so). */
  onConfirmFullTracker: (name: string) => void;
  result?: MergeResult;
  /** Takes a conflict's returned value into the tracker; `taken` holds the conflictKey of those done. */
  onTake: (conflict: Conflict) => void;
  taken: ReadonlySet<string>;
}): React.JSX.Element {
  const { s, disabled, onMerge, onConfirmFullTracker, result, onTake, taken } = props;
  const conflicts = result?.outcome.files.flatMap((f) => f.conflicts) ?? [];
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <section className={styles.root} aria-label={s.mergeTitle} data-testid="merge">
      <Text weight="semibold">{s.mergeTitle}</Text>
      <Field hint={s.mergeHint}>
        <div className={styles.row}>
          <Button disabled={disabled} onClick={() => input.current?.click()} data-testid="merge-button">
            {s.mergeButton}
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            accept=".xlsx,.eml,.msg"
            data-testid="merge-files"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = "";
              if (files.length > 0) onMerge(files);
            }}
          />
        </div>
      </Field>
      {result && (
        <Table size="extra-small" aria-label={s.mergeTitle} data-testid="merge-result">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{s.unit}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{s.updatedCol}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{s.conflictsCol}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{s.rejectedCol}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.outcome.files.map((f) => (
              <TableRow key={f.source}>
                <TableCell title={f.source}>{result.unitOf.get(f.source) ?? f.source}</TableCell>
                <TableCell className={styles.num}>{f.updated.length}</TableCell>
                <TableCell className={styles.num}>{f.conflicts.length}</TableCell>
                <TableCell className={styles.num}>{f.rejected.length}</TableCell>
              </TableRow>
            ))}
            {result.refused.map((r) => (
              <TableRow key={r.source}>
                <TableCell colSpan={4}>
                  {r.source}:{r.reason}
                  {r.needsConfirmation && (
                    <div className={styles.row}>
                      <Button size="small" disabled={disabled} title={s.confirmFullTrackerHint} onClick={() => onConfirmFullTracker(r.source)} data-testid="confirm-full-tracker">
                        {s.confirmFullTracker}{s.colon}{r.source}
                      </Button>
                    </div>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {conflicts.length > 0 && (
        <section aria-labelledby="conflicts-title" data-testid="conflicts">
          <Text weight="semibold" id="conflicts-title" as="h2" size={300}>
            {s.conflictsTitle}
          </Text>
          <ul className={styles.conflicts}>
            {conflicts.map((c) => {
              const words = conflictWords(s, c);
              const done = taken.has(conflictKey(c));
              return (
                <li key={conflictKey(c)} className={styles.conflict} data-testid="conflict">
                  <span>{words.line}</span>
                  {done ? (
                    <Caption1>{s.takenReturned}</Caption1>
                  ) : (
                    <Button size="small" disabled={disabled} aria-label={s.takeReturnedFor.replace("{where}", words.where).replace("{field}", words.field)} onClick={() => onTake(c)} data-testid="take-returned">
                      {s.takeReturned}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </section>
  );
}
