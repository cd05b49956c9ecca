import { MergeLogRow } from "../domain/merge-log";
import { Reports } from "../domain/reports";
import { mergeLogSheet } from "./merge-log-sheet";
import { historySheet } from "./history-sheet";
import { Contact, contactsSheet } from "./contacts-sheet";
import { HistoryRow } from "../domain/history";
import { Task, TaskList } from "../domain/types";
import { AUTHORITY_META_KEY } from "./copy-authority";
import { listFingerprint } from "./hash";
import { ReturnInfo, instructionsSheet, returnInfoMeta } from "./instructions-sheet";
import { DEFAULT_WARNING_DAYS, SCHEMA_VERSION, SHEET } from "./layout";
import { masterSheet } from "./master-sheet";
import { metaSheet } from "./meta-sheet";
import { assignSheetNames } from "./sheet-names";
import { summarySheet } from "./summary-sheet";
import { WorkbookBlueprint } from "./types";
import { UnitSheetRef } from "./unit-refs";
import { unitSheet } from "./unit-sheet";
import { DEFAULT_VOCABULARY, Vocabulary } from "../domain/vocabulary";
import { VOCABULARY_META_KEY, vocabularyToMeta } from "../domain/vocabulary-file";

export interface BlueprintOptions {
  /** Stable across rebuilds of one tracker; returns from another tracker are refused by it. */
  trackerId: string;
  /** Shown as the generation/refresh time; passed in so the blueprint stays deterministic. */
  generatedAt: string;
  password?: string;
  /** Statuses and reports to carry into the unit sheets (rebuild, merge). */
  reports?: Reports;
  /** The task list text, kept in the metadata so a refresh can rebuild from it. */
  listSource?: string;
  /** Rows of 合并记录 (kept across rebuilds); no sheet when empty. */
  mergeLog?: MergeLogRow[];
  /** Days before a deadline when unfinished tasks turn yellow (default 30). */
  warningDays?: number;
  /** Unit renames and merges chosen in the pane, kept so a rebuild applies them again. */
  unitOverrides?: Readonly<Record<string, string>>;
  /** Rows of 历次汇总; undefined means the tracker has no archived period yet. */
  history?: HistoryRow[];
  /** The copy key and export record (JSON, see copy-authority.ts); carried over verbatim, never into a unit copy. */
  copyAuthority?: string;
  /** Rows of 联络员 (kept across rebuilds); undefined means the tracker has no contacts sheet yet. */
  contacts?: Contact[];
  /** The office's status words, report columns and cadence (default: ours); kept in the metadata. */
  vocabulary?: Vocabulary;
  /** Period, return deadline and contact shown in 填报说明 (and kept in _meta). */
  returnInfo?: ReturnInfo;
}

/** Identifies the content of a list: the same tasks and units give the same hash. */
export function taskListHash(list: TaskList): string {
  return listFingerprint(JSON.stringify(list.tasks.map((t) => [t.id, t.text, t.units, t.deadline])));
}

export function tasksByUnit(list: TaskList): Map<string, Task[]> {
  const map = new Map<string, Task[]>(list.units.map((u) => [u, []]));
  for (const task of list.tasks) for (const u of task.units) map.get(u)!.push(task);
  return map;
}

/** The tracker for a task list: pure and deterministic for the same inputs. */
export function buildBlueprint(list: TaskList, options: BlueprintOptions): WorkbookBlueprint {
  const names = assignSheetNames(list.units);
  const byUnit = tasksByUnit(list);
  const refs: UnitSheetRef[] = list.units.map((unit) => ({ unit, sheet: names.get(unit)!, taskCount: byUnit.get(unit)!.length }));
  const refMap = new Map(refs.map((r) => [r.unit, r]));
  const listHash = taskListHash(list);
  const { password } = options;
  const warningDays = options.warningDays ?? DEFAULT_WARNING_DAYS;
  const vocabulary = options.vocabulary ?? DEFAULT_VOCABULARY;
  const sheets = [
    summarySheet({
      name: SHEET.summary,
      listName: list.name,
      masterName: SHEET.master,
      taskCount: list.tasks.length,
      units: refs,
      stamp: options.generatedAt,
      password,
      trend: options.history !== undefined,
      vocabulary,
    }),
    masterSheet(SHEET.master, list.name, list.tasks, refMap, password, warningDays, vocabulary),
    instructionsSheet(password, undefined, vocabulary, options.returnInfo),
    ...(options.mergeLog && options.mergeLog.length > 0 ? [mergeLogSheet(options.mergeLog, password)] : []),
    ...(options.history !== undefined ? [historySheet(options.history, password, vocabulary)] : []),
    ...(options.contacts !== undefined ? [contactsSheet(options.contacts, list.units, password)] : []),
    ...refs.map((r) => unitSheet(r.unit, r.sheet, byUnit.get(r.unit)!, options.reports, password, warningDays, vocabulary)),
    metaSheet(
      {
        trackerId: options.trackerId,
        schemaVersion: SCHEMA_VERSION,
        kind: "master",
        listName: list.name,
        listHash,
        generatedAt: options.generatedAt,
      },
      refs,
      password,
      {
        warning_days: String(warningDays),
        // Absent for our own words, so trackers built before vocabularies and after read alike.
        ...(vocabulary === DEFAULT_VOCABULARY ? {} : { [VOCABULARY_META_KEY]: vocabularyToMeta(vocabulary) }),
        ...returnInfoMeta(options.returnInfo),
        ...(options.unitOverrides && Object.keys(options.unitOverrides).length > 0 ? { unit_aliases: JSON.stringify(options.unitOverrides) } : {}),
        ...(options.history !== undefined ? { history: JSON.stringify(options.history) } : {}),
        ...(options.listSource === undefined ? {} : { list_source: options.listSource }),
        ...(options.copyAuthority ? { [AUTHORITY_META_KEY]: options.copyAuthority } : {}),
      },
    ),
  ];
  return {
    trackerId: options.trackerId,
    schemaVersion: SCHEMA_VERSION,
    listName: list.name,
    listHash,
    title: `${list.name} 落实情况跟踪表`,
    sheets,
    names: [{ name: "TRACKER_ID", ref: `'${SHEET.meta}'!$B$1` }],
    activeSheet: SHEET.summary,
  };
}
