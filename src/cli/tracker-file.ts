import { readFileSync, statSync } from "fs";
import path from "path";
import { AUTHORITY_META_KEY } from "../blueprint/copy-authority";
import { RETURN_INFO_META_KEY, parseReturnInfo } from "../blueprint/instructions-sheet";
import { ReturnRefused } from "../xlsx/return-files";
import { LIMITS } from "../xlsx/zip-guard";
import { TrackerFileError } from "../blueprint/read-grid";
import { listFromAssignments } from "../domain/from-assignments";
import { parseTaskList } from "../domain/parse-task-list";
import { EMPTY_REPORT, Report, reportKey } from "../domain/reports";
import { TaskList } from "../domain/types";
import { BlueprintOptions } from "../blueprint/build-blueprint";
import { parseOverrides } from "../domain/unit-overrides";
import { ReadTracker, readTrackerFile } from "../xlsx/read-tracker";
import { UsageError } from "./args";

export interface LoadedTracker {
  read: ReadTracker;
  list: TaskList;
  listSource?: string;
  /** Every task × unit of the tracker, empty where nothing was reported. */
  reports: Map<string, Report>;
}

/**
 * A returned file's bytes, refused before reading when it is bigger than any return can
 * be (fs.stat first: a 2 GB file must not be read into memory to find that out).
 */
export function readReturnBytes(file: string): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new UsageError(`无法读取 ${file}:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (size > LIMITS.fileBytes) throw new ReturnRefused(path.basename(file), `文件有 ${(size / 1024 / 1024).toFixed(0)} MB,超过 ${LIMITS.fileBytes / 1024 / 1024} MB 上限,不像是填报表,未读取也未合并。`);
  return readFileOrExplain(file);
}

export function readFileOrExplain(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new UsageError(`无法读取 ${file}:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Reads a master tracker file: its list (from the stored source when present) and every report. */
export async function loadTracker(file: string): Promise<LoadedTracker> {
  const read = await readTrackerFile(readFileOrExplain(file));
  if (read.meta.kind !== "master") throw new TrackerFileError(`${file} 是单位填报副本,不是总跟踪表。请指定总跟踪表。`);
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
export function carriedOver(t: LoadedTracker): Pick<BlueprintOptions, "trackerId" | "listSource" | "mergeLog" | "history" | "warningDays" | "unitOverrides" | "copyAuthority" | "contacts" | "returnInfo"> {
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
    returnInfo: parseReturnInfo(extra[RETURN_INFO_META_KEY]),
  };
}
