import { RETURN_INFO_META_KEY, parseReturnInfo } from "../blueprint/instructions-sheet";
import { vocabularyFromMeta } from "../domain/vocabulary-file";
import { AUTHORITY_META_KEY } from "../blueprint/copy-authority";
import { BlueprintOptions } from "../blueprint/build-blueprint";
import { TrackerFileError } from "../blueprint/read-grid";
import { listFromAssignments } from "../domain/from-assignments";
import { parseTaskList } from "../domain/parse-task-list";
import { EMPTY_REPORT, Report, reportKey } from "../domain/reports";
import { TaskList } from "../domain/types";
import { parseOverrides } from "../domain/unit-overrides";
import { ReadTracker, readTrackerFile } from "../xlsx/read-tracker";

export interface LoadedTracker {
  read: ReadTracker;
  list: TaskList;
  listSource?: string;
  /** Every task × unit of the tracker, empty where nothing was reported. */
  reports: Map<string, Report>;
}

/** A master tracker's bytes: its list (from the stored source when present) and every report. */
export async function loadTrackerBytes(data: Uint8Array, name: string): Promise<LoadedTracker> {
  const read = await readTrackerFile(data);
  if (read.meta.kind !== "master") throw new TrackerFileError(`${name} 是单位填报副本，不是总跟踪表。请指定总跟踪表。`);
  const listSource = read.meta.extra.list_source;
  const list = listSource
    ? parseTaskList(listSource, { name: read.meta.listName })
    : listFromAssignments(read.meta.listName, read.assignments, read.meta.units.map((u) => u.unit));
  const reports = new Map<string, Report>();
  for (const t of list.tasks) for (const u of t.units) reports.set(reportKey(t.id, u), EMPTY_REPORT);
  for (const a of read.assignments) if (reports.has(reportKey(a.taskId, a.unit))) reports.set(reportKey(a.taskId, a.unit), a.report);
  return { read, list, listSource, reports };
}

/** What a regenerated tracker carries over from the file it replaces. */
export function carriedOver(t: LoadedTracker): Pick<BlueprintOptions, "trackerId" | "listSource" | "mergeLog" | "history" | "warningDays" | "unitOverrides" | "copyAuthority" | "contacts" | "vocabulary" | "returnInfo"> {
  const extra = t.read.meta.extra;
  return {
    trackerId: t.read.meta.trackerId,
    listSource: t.listSource,
    mergeLog: t.read.mergeLog,
    history: t.read.history,
    warningDays: Number(extra.warning_days) || undefined,
    unitOverrides: parseOverrides(extra.unit_aliases),
    copyAuthority: extra[AUTHORITY_META_KEY],
    contacts: t.read.contacts,
    vocabulary: vocabularyFromMeta(extra),
    returnInfo: parseReturnInfo(extra[RETURN_INFO_META_KEY]),
  };
}
