import { TaskList } from "../domain/types";
import { parseReportKey, reportKey } from "../domain/reports";

/**
 * What rebuilding the tracker with another list would change, shown before anything is
 * written: a rebuild keeps reports only for task × unit pairs the new list still has.
 */
export interface ListChange {
  /** True when the new list holds the same tasks, texts and units as the tracker's. */
  same: boolean;
  addedUnits: string[];
  removedUnits: string[];
  addedTasks: number[];
  removedTasks: number[];
  /** Tasks whose text or units differ. */
  changedTasks: number[];
  /** Filled-in reports whose task × unit the new list no longer has: they would lose their row. */
  orphanedReports: Array<{ taskId: number; unit: string }>;
}

/**
 * `trackerUnits` come from the tracker's metadata (always present); `trackerList` is its stored
 * list when it has one (trackers from early versions do not), `filledKeys` the reportKey of
 * every report with content.
 */
export function compareLists(
  trackerUnits: readonly string[],
  trackerList: TaskList | undefined,
  next: TaskList,
  filledKeys: readonly string[],
): ListChange {
  const nextUnits = new Set(next.units);
  const oldUnits = new Set(trackerUnits);
  const addedUnits = next.units.filter((u) => !oldUnits.has(u));
  const removedUnits = trackerUnits.filter((u) => !nextUnits.has(u));
  const nextTasks = new Map(next.tasks.map((t) => [t.id, t]));
  const oldTasks = new Map((trackerList?.tasks ?? []).map((t) => [t.id, t]));
  const addedTasks = trackerList ? next.tasks.filter((t) => !oldTasks.has(t.id)).map((t) => t.id) : [];
  const removedTasks = trackerList ? trackerList.tasks.filter((t) => !nextTasks.has(t.id)).map((t) => t.id) : [];
  const changedTasks = trackerList
    ? trackerList.tasks
        .filter((t) => {
          const n = nextTasks.get(t.id);
          return n !== undefined && (n.text !== t.text || n.units.join("|") !== t.units.join("|"));
        })
        .map((t) => t.id)
    : [];
  const keep = new Set(next.tasks.flatMap((t) => t.units.map((u) => reportKey(t.id, u))));
  const orphanedReports = filledKeys.filter((k) => !keep.has(k)).map(parseReportKey);
  // Without the stored list, only the units and the reports can be compared; a different
  // list is then assumed, so the user is asked rather than surprised.
  const same =
    trackerList !== undefined &&
    addedUnits.length + removedUnits.length + addedTasks.length + removedTasks.length + changedTasks.length + orphanedReports.length === 0;
  return { same, addedUnits, removedUnits, addedTasks, removedTasks, changedTasks, orphanedReports };
}
