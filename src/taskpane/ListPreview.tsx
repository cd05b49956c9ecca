import * as React from "react";
import { Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TaskList } from "../domain/types";
import { Strings } from "./strings";

const useStyles = makeStyles({
  figures: { display: "flex", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  figure: { display: "flex", flexDirection: "column" },
  number: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  table: { maxHeight: "260px", overflowY: "auto" },
  num: { textAlign: "right", width: "4em" },
});

export function ListPreview({ s, list }: { s: Strings; list: TaskList }): React.JSX.Element {
  const styles = useStyles();
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
      <Caption1>{s.unitsFound}</Caption1>
      <div className={styles.table}>
        <Table size="extra-small" aria-label={s.unitsFound}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{s.unit}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{s.tasksCol}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{s.leadCol}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {perUnit.map((u) => (
              <TableRow key={u.unit}>
                <TableCell>{u.unit}</TableCell>
                <TableCell className={styles.num}>{u.tasks}</TableCell>
                <TableCell className={styles.num}>{u.leads}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
