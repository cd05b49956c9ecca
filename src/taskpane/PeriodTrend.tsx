import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { TrendPoint } from "./period-trend";
import { Strings } from "./strings";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 2px`, borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  td: { padding: `${tokens.spacingVerticalXS} 2px`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: "top", overflowWrap: "anywhere" },
  num: { textAlign: "right", width: "4.2em" },
  // Wide enough for “2026年11月” on one line at 270 px.
  periodCol: { width: "6.4em" },
  current: { fontStyle: "italic" },
  track: { height: "4px", marginTop: "2px", backgroundColor: tokens.colorNeutralBackground5, borderRadius: "2px", overflow: "hidden" },
  fill: { height: "100%", backgroundColor: tokens.colorBrandBackground },
});

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const signed = (x: number | null) => (x === null ? "—" : x > 0 ? `+${x.toFixed(1)}` : x < 0 ? `−${Math.abs(x).toFixed(1)}` : "0.0");

/** 历次汇总 in the pane: one row per archived period (and the current figures), rate as text and as a bar. */
export function PeriodTrend(props: { s: Strings; points: TrendPoint[] }): React.JSX.Element {
  const { s, points } = props;
  const styles = useStyles();
  return (
    <table className={styles.table} data-testid="period-trend">
      <caption className={styles.caption}>{s.trendTitle}</caption>
      <thead>
        <tr>
          <th scope="col" className={`${styles.th} ${styles.periodCol}`}>
            {s.trendPeriod}
          </th>
          <th scope="col" className={styles.th}>{s.assignmentRate}</th>
          <th scope="col" className={`${styles.th} ${styles.num}`}>{s.trendChange}</th>
          <th scope="col" className={`${styles.th} ${styles.num}`}>{s.overdueShort}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.current ? "current" : p.period} data-testid="trend-row" className={p.current ? styles.current : undefined}>
            <th scope="row" className={styles.td} style={{ fontWeight: "normal" }}>
              {p.current ? s.trendNow : p.period}
            </th>
            <td className={styles.td}>
              {pct(p.rate)}
              {/* The bar only repeats the number beside it. */}
              <div className={styles.track} aria-hidden="true">
                <div className={styles.fill} style={{ width: `${Math.round((p.rate ?? 0) * 100)}%` }} />
              </div>
            </td>
            <td className={`${styles.td} ${styles.num}`}>{signed(p.change)}</td>
            <td className={`${styles.td} ${styles.num}`}>{p.overdue ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
