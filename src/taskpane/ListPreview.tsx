import * as React from "react";
import {
  Button,
  Caption1,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { suspiciousUnitReason } from "../domain/list-units";
import { TaskList } from "../domain/types";
import { Strings } from "./strings";

const useStyles = makeStyles({
  figures: { display: "flex", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  figure: { display: "flex", flexDirection: "column" },
  number: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  // No inner scroll box: the pane scrolls as one page, so no row is cut in half.
  table: { minWidth: 0 },
  name: { cursor: "text", ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  num: { textAlign: "right", width: "2.8em" },
  mergeCol: { width: "5.5em" },
  // Below 300 px the lead count gives its width to the unit names (the task count stays).
  wideOnly: { "@media (max-width: 300px)": { display: "none" } },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  ignored: { color: tokens.colorNeutralForeground3 },
});

/**
 * Units that look like fragments, checked on the names as they are now (after the user's
 * renames), each with the first line it comes from.
 */
function unitFlags(list: TaskList): Array<{ unit: string; line: number; reason: string }> {
  return list.units.flatMap((unit) => {
    const reason = suspiciousUnitReason(unit);
    return reason ? [{ unit, reason, line: list.tasks.find((t) => t.units.includes(unit))?.line ?? 0 }] : [];
  });
}

export function ListPreview(props: {
  s: Strings;
  list: TaskList;
  overrides: Readonly<Record<string, string>>;
  onOverride: (from: string, to: string) => void;
  onResetOverrides: () => void;
  disabled: boolean;
}): React.JSX.Element {
  const { s, list, overrides, onOverride, onResetOverrides, disabled } = props;
  const styles = useStyles();
  const [editing, setEditing] = React.useState<string>();
  const [draft, setDraft] = React.useState("");
  const perUnit = list.units.map((u) => ({
    unit: u,
    tasks: list.tasks.filter((t) => t.units.includes(u)).length,
    leads: list.tasks.filter((t) => t.units[0] === u).length,
  }));
  const figures: Array<[number, string]> = [
    [list.tasks.length, s.tasks],
    [list.units.length, s.units],
    [list.tasks.reduce((n, t) => n + t.units.length, 0), s.assignments],
    [list.tasks.filter((t) => t.deadline.kind !== "none").length, s.withDeadline],
  ];
  const flags = unitFlags(list);
  const suggestions = (list.suggestions ?? []).filter((x) => list.units.includes(x.unit) && !list.units.includes(x.target));
  const lineLabel = (n: number) => s.lineNo.replace("{n}", String(n));
  return (
    <section aria-label={list.name} data-testid="preview">
      <Text weight="semibold">{list.name}</Text>
      <div className={styles.figures}>
        {figures.map(([n, label]) => (
          <div key={label} className={styles.figure}>
            <span className={styles.number}>{n}</span>
            <Caption1>{label}</Caption1>
          </div>
        ))}
      </div>
      {flags.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="flagged-units">
          <MessageBarBody>
            <MessageBarTitle>{s.flaggedTitle}</MessageBarTitle>
            {s.flaggedHint}
            <ul className={styles.list}>
              {flags.map((f) => (
                <li key={f.unit}>
                  {lineLabel(f.line)}“{f.unit}”{f.reason}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {suggestions.length > 0 && (
        <Caption1 block data-testid="unit-suggestions">
          {s.suggestionsTitle}:
          {suggestions.map((x) => (
            <span key={x.unit}>
              {" "}
              {x.unit}
              <Button size="small" appearance="transparent" disabled={disabled} onClick={() => onOverride(x.unit, x.target)}>
                {s.useSuggestion.replace("{name}", x.target)}
              </Button>
            </span>
          ))}
        </Caption1>
      )}
      {(list.ignored ?? []).length > 0 && (
        <details data-testid="ignored-lines">
          <summary>
            <Caption1>
              {s.ignoredLines}
              {s.countOf.replace("{n}", String(list.ignored!.length))}
            </Caption1>
          </summary>
          <ul className={`${styles.list} ${styles.ignored}`}>
            {list.ignored!.map((l) => (
              <li key={l.line}>
                <Caption1>
                  {lineLabel(l.line)}
                  {l.text}
                </Caption1>
              </li>
            ))}
          </ul>
        </details>
      )}
      <Caption1>
        {s.unitsFound} · {s.unitsHint}
      </Caption1>
      {Object.keys(overrides).length > 0 && (
        <Caption1 block data-testid="overrides">
          {Object.entries(overrides)
            .map(([from, to]) => `${from} → ${to}`)
            .join(";")}{" "}
          <Button size="small" appearance="transparent" onClick={onResetOverrides} disabled={disabled}>
            {s.resetUnits}
          </Button>
        </Caption1>
      )}
      <div className={styles.table}>
        <Table size="extra-small" aria-label={s.unitsFound}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{s.unit}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{s.tasksCol}</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(styles.num, styles.wideOnly)}>{s.leadCol}</TableHeaderCell>
              <TableHeaderCell className={styles.mergeCol}>{s.mergeInto}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {perUnit.map((u) => (
              <TableRow key={u.unit}>
                <TableCell>
                  {editing === u.unit ? (
                    <Input
                      size="small"
                      value={draft}
                      autoFocus
                      aria-label={s.renameUnit}
                      onChange={(_, d) => setDraft(d.value)}
                      onKeyDown={(e) => {
                        if (e.key === "Enter" && draft.trim()) {
                          onOverride(u.unit, draft.trim());
                          setEditing(undefined);
                        } else if (e.key === "Escape") setEditing(undefined);
                      }}
                      onBlur={() => setEditing(undefined)}
                    />
                  ) : (
                    <span
                      title={s.renameUnit}
                      role="button"
                      tabIndex={disabled ? -1 : 0}
                      aria-label={`${u.unit}${s.colon}${s.renameUnit}`}
                      className={styles.name}
                      onDoubleClick={() => {
                        if (disabled) return;
                        setEditing(u.unit);
                        setDraft(u.unit);
                      }}
                      onKeyDown={(e) => {
                        // Enter or F2 (as in Excel) renames from the keyboard.
                        if (disabled || (e.key !== "Enter" && e.key !== "F2")) return;
                        e.preventDefault();
                        setEditing(u.unit);
                        setDraft(u.unit);
                      }}
                      data-testid="unit-name"
                    >
                      {u.unit}
                    </span>
                  )}
                </TableCell>
                <TableCell className={styles.num}>{u.tasks}</TableCell>
                <TableCell className={mergeClasses(styles.num, styles.wideOnly)}>{u.leads}</TableCell>
                <TableCell>
                  <Select
                    size="small"
                    value=""
                    disabled={disabled}
                    aria-label={`${s.mergeInto} ${u.unit}`}
                    onChange={(_, d) => d.value && onOverride(u.unit, d.value)}
                  >
                    <option value="">—</option>
                    {list.units
                      .filter((o) => o !== u.unit)
                      .map((o) => (
                        <option key={o} value={o}>
                          {o}
                        </option>
                      ))}
                  </Select>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
