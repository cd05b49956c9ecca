import * as React from "react";
import { Caption1, Input, Link, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { DashboardFigures } from "../excel/dashboard";
import { Strings } from "./strings";
import { UnitSort, sortUnits } from "./unit-order";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  cards: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(110px, 1fr))", gap: tokens.spacingHorizontalS },
  card: { display: "flex", flexDirection: "column", padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium, minWidth: 0 },
  number: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  warnCard: { backgroundColor: tokens.colorPaletteRedBackground1, borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  warn: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  // One table in the page's own scroll: the header sticks to the top of the pane while rows scroll.
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  th: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    padding: 0,
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
  },
  numCol: { width: "3.6em" },
  sortButton: {
    width: "100%",
    padding: `${tokens.spacingVerticalXS} 2px`,
    border: "none",
    background: "none",
    font: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    textAlign: "inherit",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  right: { textAlign: "right" },
  td: { padding: `${tokens.spacingVerticalXS} 2px`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: "top", overflowWrap: "anywhere" },
  overdueRow: { boxShadow: `inset 3px 0 0 ${tokens.colorPaletteRedBorder2}` },
  track: { height: "4px", marginTop: "2px", backgroundColor: tokens.colorNeutralBackground5, borderRadius: "2px", overflow: "hidden" },
  fill: { height: "100%", backgroundColor: tokens.colorBrandBackground },
  fillLate: { backgroundColor: tokens.colorPaletteRedBackground3 },
});

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

/** Above this many units the table offers a search field. */
const SEARCH_FROM = 12;

export function Dashboard(props: { s: Strings; figures: DashboardFigures; sheets: Map<string, string>; onOpen: (sheet: string) => void; disabled: boolean }): React.JSX.Element {
  const { s, figures, sheets, onOpen, disabled } = props;
  const styles = useStyles();
  const [sort, setSort] = React.useState<UnitSort>("attention");
  const [query, setQuery] = React.useState("");
  const o = figures.overall;
  const cards: Array<[string, string, boolean]> = [
    [s.taskRate, pct(o.任务完成率), false],
    [s.assignmentRate, pct(o.分工完成率), false],
    [s.overdue, String(o.逾期任务数 ?? "—"), (o.逾期任务数 ?? 0) > 0],
    [s.overdueAssignments, String(o.逾期分工数 ?? "—"), (o.逾期分工数 ?? 0) > 0],
  ];
  const q = query.trim();
  const rows = sortUnits(figures.units, sort).filter((u) => !q || u.unit.includes(q));
  const header = (key: UnitSort, label: string, numeric: boolean) => (
    <th className={mergeClasses(styles.th, numeric && styles.numCol, numeric && styles.right)} aria-sort={sort === key ? (key === "unit" ? "ascending" : "descending") : undefined} scope="col">
      <button type="button" className={styles.sortButton} onClick={() => setSort(sort === key ? "attention" : key)} data-testid={`sort-${key}`} title={s.sortBy.replace("{column}", label)}>
        {label}
        {sort === key ? " ▾" : ""}
      </button>
    </th>
  );
  return (
    <section aria-labelledby="dashboard-title" data-testid="dashboard" className={styles.root}>
      <Text as="h2" weight="semibold" id="dashboard-title">
        {s.overall}
      </Text>
      <Caption1 block>
        {s.updated}
        {s.colon}
        {figures.stamp} · {o.任务总数 ?? 0} {s.tasks} · {o.责任分工总数 ?? 0} {s.assignments}
      </Caption1>
      <div className={styles.cards}>
        {cards.map(([label, value, warn]) => (
          <div key={label} className={mergeClasses(styles.card, warn && styles.warnCard)} data-testid={`card-${label}`}>
            <span className={mergeClasses(styles.number, warn && styles.warn)}>{value}</span>
            <Caption1>{label}</Caption1>
          </div>
        ))}
      </div>
      <Text as="h2" weight="semibold" id="by-unit-title">
        {s.byUnit}
      </Text>
      <Caption1>{s.sortHint}</Caption1>
      {figures.units.length >= SEARCH_FROM && (
        <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} placeholder={s.searchUnits} aria-label={s.searchUnits} data-testid="unit-search" />
      )}
      {q && (
        <Caption1 role="status" data-testid="search-count">
          {s.searchCount.replace("{n}", String(rows.length)).replace("{total}", String(figures.units.length))}
        </Caption1>
      )}
      <table className={styles.table} aria-labelledby="by-unit-title" data-testid="unit-table">
        <thead>
          <tr>
            {header("unit", s.unit, false)}
            {header("rate", s.rate, true)}
            {header("overdue", s.overdueShort, true)}
            {header("notReported", s.notReported, true)}
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.unit} className={u.overdue > 0 ? styles.overdueRow : undefined} data-testid="unit-row">
              <td className={styles.td}>
                <Link disabled={disabled || !sheets.has(u.unit)} onClick={() => onOpen(sheets.get(u.unit)!)} title={`${s.open} ${u.unit}`}>
                  {u.unit}
                </Link>
                {/* The rate is in its own column as text; the bar only repeats it. */}
                <div className={styles.track} aria-hidden="true">
                  <div className={mergeClasses(styles.fill, u.overdue > 0 && styles.fillLate)} style={{ width: `${Math.round((u.rate ?? 0) * 100)}%` }} />
                </div>
              </td>
              <td className={mergeClasses(styles.td, styles.right)}>{pct(u.rate)}</td>
              <td className={mergeClasses(styles.td, styles.right, u.overdue > 0 && styles.warn)}>{u.overdue > 0 ? `⚠ ${u.overdue}` : "0"}</td>
              <td className={mergeClasses(styles.td, styles.right, u.notReported > 0 && styles.warn)}>{u.notReported}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
