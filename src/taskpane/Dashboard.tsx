import * as React from "react";
import { Caption1, Link, ProgressBar, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DashboardFigures } from "../excel/dashboard";
import { Strings } from "./strings";

const useStyles = makeStyles({
  cards: { display: "grid", gridTemplateColumns: "repeat(2, minmax(0, 1fr))", gap: tokens.spacingHorizontalS },
  card: { display: "flex", flexDirection: "column", padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
  number: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
  warn: { color: tokens.colorPaletteRedForeground1 },
  table: { maxHeight: "340px", overflowY: "auto" },
  num: { textAlign: "right", width: "4.5em" },
});

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

export function Dashboard(props: { s: Strings; figures: DashboardFigures; sheets: Map<string, string>; onOpen: (sheet: string) => void; disabled: boolean }): React.JSX.Element {
  const { s, figures, sheets, onOpen, disabled } = props;
  const styles = useStyles();
  const o = figures.overall;
  const cards: Array<[string, string, boolean]> = [
    [s.taskRate, pct(o.任务完成率), false],
    [s.assignmentRate, pct(o.分工完成率), false],
    [s.overdue, String(o.逾期任务数 ?? "—"), (o.逾期任务数 ?? 0) > 0],
    [s.overdueAssignments, String(o.逾期分工数 ?? "—"), (o.逾期分工数 ?? 0) > 0],
  ];
  return (
    <section aria-label={s.overall} data-testid="dashboard">
      <Text weight="semibold">{s.overall}</Text>
      <Caption1 block>
        {s.updated}: {figures.stamp} · {o.任务总数 ?? 0} {s.tasks} · {o.责任分工总数 ?? 0} {s.assignments}
      </Caption1>
      <div className={styles.cards}>
        {cards.map(([label, value, warn]) => (
          <div key={label} className={styles.card} data-testid={`card-${label}`}>
            <span className={`${styles.number} ${warn ? styles.warn : ""}`}>{value}</span>
            <Caption1>{label}</Caption1>
          </div>
        ))}
      </div>
      <Text weight="semibold">{s.byUnit}</Text>
      <div className={styles.table}>
        <Table size="extra-small" aria-label={s.byUnit}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{s.unit}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{s.rate}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{s.notReported}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {figures.units.map((u) => (
              <TableRow key={u.unit}>
                <TableCell>
                  <Link disabled={disabled || !sheets.has(u.unit)} onClick={() => onOpen(sheets.get(u.unit)!)} title={`${s.open} ${u.unit}`}>
                    {u.unit}
                  </Link>
                  <ProgressBar value={u.rate ?? 0} thickness="medium" color={u.overdue > 0 ? "error" : "brand"} />
                </TableCell>
                <TableCell className={styles.num}>{pct(u.rate)}</TableCell>
                <TableCell className={`${styles.num} ${u.overdue > 0 ? styles.warn : ""}`}>{u.notReported}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
