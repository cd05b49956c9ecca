import { AssignmentRow, listFromAssignments, reportsFromAssignments } from "../domain/from-assignments";
import { HistoryRow, parseHistory } from "../domain/history";
import { parseTaskList } from "../domain/parse-task-list";
import { Reports, reportKey } from "../domain/reports";
import { TaskList } from "../domain/types";

/** What the progress report is computed from, read alike from a file (CLI) or the open workbook (pane). */
export interface ReportSource {
  trackerId: string;
  list: TaskList;
  reports: Reports;
  history: readonly HistoryRow[];
}

/**
 * The list and reports the CLI `report` and the document both count, so they never disagree.
 * The list is the one the tracker was built from (kept in its metadata, as merge and the
 * pane read it: published unit order, deadlines as worded); a tracker without it is
 * rebuilt from its unit sheets. Reports of assignments the list no longer has are left out.
 */
export function reportSourceFrom(
  meta: { trackerId: string; listName: string; units: ReadonlyArray<{ unit: string }>; extra: Readonly<Record<string, string>> },
  assignments: readonly AssignmentRow[],
): ReportSource {
  const listSource = meta.extra.list_source;
  const list = listSource ? parseTaskList(listSource, { name: meta.listName }) : listFromAssignments(meta.listName, assignments, meta.units.map((u) => u.unit));
  const known = new Set(list.tasks.flatMap((t) => t.units.map((u) => reportKey(t.id, u))));
  return {
    trackerId: meta.trackerId,
    list,
    reports: new Map([...reportsFromAssignments(assignments)].filter(([key]) => known.has(key))),
    history: parseHistory(meta.extra.history) ?? [],
  };
}
