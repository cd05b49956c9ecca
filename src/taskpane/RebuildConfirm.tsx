import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { ListChange } from "./list-change";
import { Strings } from "./strings";

const useStyles = makeStyles({
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", marginTop: tokens.spacingVerticalS },
});

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

/** At most `max` items, then "and n more": 37 unit names would bury the question. */
function shortList(s: Strings, items: ReadonlyArray<string | number>, separator: string, max = 8): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown} ${fill(s.andMore, { n: items.length - max })}` : shown;
}

/**
 * Asked before a rebuild with a list other than the tracker's own: says what would change,
 * and which filled-in reports would no longer have a row. An inline panel rather than a
 * dialog keeps the pane's first-load script small.
 */
export function RebuildConfirm(props: { s: Strings; change: ListChange; knownList: boolean; onConfirm: () => void; onCancel: () => void }): React.JSX.Element {
  const { s, change, knownList, onConfirm, onCancel } = props;
  const styles = useStyles();
  const sep = s.listSeparator;
  const title = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => title.current?.focus(), []);
  const lines = [
    ...(knownList ? [] : [s.confirmUnknownList]),
    ...(change.addedUnits.length ? [fill(s.unitsAdded, { n: change.addedUnits.length, list: shortList(s, change.addedUnits, sep) })] : []),
    ...(change.removedUnits.length ? [fill(s.unitsRemoved, { n: change.removedUnits.length, list: shortList(s, change.removedUnits, sep) })] : []),
    ...(change.addedTasks.length ? [fill(s.tasksAdded, { n: change.addedTasks.length, list: shortList(s, change.addedTasks, sep, 15) })] : []),
    ...(change.removedTasks.length ? [fill(s.tasksRemoved, { n: change.removedTasks.length, list: shortList(s, change.removedTasks, sep, 15) })] : []),
    ...(change.changedTasks.length ? [fill(s.tasksChanged, { n: change.changedTasks.length, list: shortList(s, change.changedTasks, sep, 15) })] : []),
  ];
  const lost = change.orphanedReports;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="rebuild-confirm" role="group" aria-labelledby="rebuild-confirm-title">
      <MessageBarBody>
        <MessageBarTitle>
          <span id="rebuild-confirm-title" ref={title} tabIndex={-1}>
            {s.confirmTitle}
          </span>
        </MessageBarTitle>
        <p>{s.confirmIntro}</p>
        <ul className={styles.lines} data-testid="rebuild-changes">
          {lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
        {lost.length > 0 ? (
          <div data-testid="rebuild-lost">
            <p>{fill(s.reportsLost, { n: lost.length })}</p>
            <ul className={styles.lines}>
              {lost.slice(0, 20).map((r) => (
                <li key={`${r.taskId}|${r.unit}`}>{fill(s.reportLine, { id: r.taskId, unit: r.unit })}</li>
              ))}
              {lost.length > 20 && <li>{fill(s.andMore, { n: lost.length - 20 })}</li>}
            </ul>
            <p>{s.reportsLostHint}</p>
          </div>
        ) : (
          <p>{s.noReportsLost}</p>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onConfirm} data-testid="rebuild-confirm-yes">
            {s.confirmRebuild}
          </Button>
          <Button onClick={onCancel} data-testid="rebuild-confirm-no">
            {s.cancelRebuild}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
