import { AssignmentRow, listFromAssignments, reportsFromAssignments } from "../domain/from-assignments";
import { HistoryRow, parseHistory } from "../domain/history";
import { parseTaskList } from "../domain/parse-task-list";
import { Reports, reportKey } from "../domain/reports";
import { TaskList } from "../domain/types";
import { Vocabulary } from "../domain/vocabulary";
import { vocabularyFromMeta } from "../domain/vocabulary-file";

/** What the progress report is computed from, read alike from a file (CLI) or the open workbook (pane). */
export interface ReportSource {
  trackerId: string;
  list: TaskList;
  reports: Reports;
  history: readonly HistoryRow[];
  /** The tracker's words (default: ours): the report speaks them. */
  vocabulary?: Vocabulary;
}

/** The stored list when it has exactly the assignments the unit sheets hold, else undefined. */
function storedList(listSource: string | undefined, name: string, assignments: readonly AssignmentRow[]): TaskList | undefined {
  if (!listSource) return undefined;
  let list: TaskList;
  try {
    list = parseTaskList(listSource, { name });
  } catch {
    // A stored list that no longer parses says nothing the unit sheets do not; they are used instead.
    return undefined;
  }
  const keys = new Set(list.tasks.flatMap((t) => t.units.map((u) => reportKey(t.id, u))));
  const rows = new Set(assignments.map((a) => reportKey(a.taskId, a.unit)));
  return keys.size === rows.size && [...rows].every((k) => keys.has(k)) ? list : undefined;
}

/**
 * The list and reports the CLI `report` and the document both count, so they never disagree
 * with each other or with 汇总, which counts the unit sheets' rows. The list is the one the
 * tracker was built from (kept in its metadata: published unit order, deadlines as worded)
 * when its task × unit pairs are exactly the sheets' rows; otherwise (no stored list, units
 * renamed since, rows added or lost) it is rebuilt from the unit sheets.
 */
export function reportSourceFrom(
  meta: { trackerId: string; listName: string; units: ReadonlyArray<{ unit: string }>; extra: Readonly<Record<string, string>> },
  assignments: readonly AssignmentRow[],
): ReportSource {
  const list =
    storedList(meta.extra.list_source, meta.listName, assignments) ??
    listFromAssignments(meta.listName, assignments, meta.units.map((u) => u.unit));
  return {
    trackerId: meta.trackerId,
    list,
    reports: reportsFromAssignments(assignments),
    history: parseHistory(meta.extra.history) ?? [],
    vocabulary: vocabularyFromMeta(meta.extra),
  };
}
