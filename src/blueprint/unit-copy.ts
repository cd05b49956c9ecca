import { DEFAULT_VOCABULARY, Vocabulary, periodName } from "../domain/vocabulary";
import { VOCABULARY_META_KEY, vocabularyToMeta } from "../domain/vocabulary-file";
import { Report, Reports, reportKey } from "../domain/reports";
import { TaskList } from "../domain/types";
import { tasksByUnit, taskListHash } from "./build-blueprint";
import { copyChecksum } from "./copy-authority";
import { ReturnInfo, instructionsSheet } from "./instructions-sheet";
import { SCHEMA_VERSION, SHEET } from "./layout";
import { metaSheet } from "./meta-sheet";
import { assignSheetNames } from "./sheet-names";
import { WorkbookBlueprint } from "./types";
import { unitSheet } from "./unit-sheet";

export interface UnitCopyOptions {
  trackerId: string;
  exportedAt: string;
  reports?: Reports;
  password?: string;
  warningDays?: number;
  /** The master's copy key: the copy carries a checksum made with it (see copy-authority.ts). */
  copyKey?: string;
  /** Reporting period the copy is for, e.g. 2026年12月; by default the month of exportedAt. */
  period?: string;
  /** The tracker's vocabulary: the copy shows its words and names its period by its cadence. */
  vocabulary?: Vocabulary;
  /** The tracker's return deadline and contact (its period, if set, yields to `period`). */
  returnInfo?: ReturnInfo;
}

/** Meta keys a unit copy adds to the tracker's. */
export const COPY_KEYS = { unit: "unit", exportedAt: "exported_at", baseline: "baseline", period: "period", checksum: "checksum" } as const;

/**
 * What one unit receives by email: the instructions, its own sheet (same layout as in
 * the tracker, with what it reported so far) and the metadata needed to merge it back —
 * tracker id, unit, export time and the baseline of every report at export.
 */
export function buildUnitCopy(list: TaskList, unit: string, options: UnitCopyOptions): WorkbookBlueprint {
  const tasks = tasksByUnit(list).get(unit);
  if (!tasks) throw new Error(`“${unit}”不是本任务清单中的责任单位。`);
  const sheet = assignSheetNames(list.units).get(unit)!;
  const baseline: Record<string, Report> = {};
  for (const t of tasks) {
    const r = options.reports?.get(reportKey(t.id, unit));
    if (r) baseline[reportKey(t.id, unit)] = r;
  }
  const listHash = taskListHash(list);
  const { password } = options;
  const vocabulary = options.vocabulary ?? DEFAULT_VOCABULARY;
  const period = options.period ?? periodName(options.exportedAt, vocabulary.cadence);
  const baselineJson = JSON.stringify(baseline);
  const checksum: Record<string, string> = options.copyKey
    ? { [COPY_KEYS.checksum]: copyChecksum(options.copyKey, { trackerId: options.trackerId, unit, exportedAt: options.exportedAt, period, baselineJson }) }
    : {};
  return {
    trackerId: options.trackerId,
    schemaVersion: SCHEMA_VERSION,
    listName: list.name,
    listHash,
    title: `${list.name} — ${unit} 填报表`,
    sheets: [
      unitSheet(unit, sheet, tasks, options.reports, password, options.warningDays, vocabulary),
      instructionsSheet(password, { period, exportedAt: options.exportedAt }, vocabulary, { ...options.returnInfo, period }),
      metaSheet(
        { trackerId: options.trackerId, schemaVersion: SCHEMA_VERSION, kind: "unit-copy", listName: list.name, listHash, generatedAt: options.exportedAt },
        [{ unit, sheet, taskCount: tasks.length }],
        password,
        { [COPY_KEYS.unit]: unit, [COPY_KEYS.exportedAt]: options.exportedAt, [COPY_KEYS.period]: period, [COPY_KEYS.baseline]: baselineJson, ...checksum,
          ...(vocabulary === DEFAULT_VOCABULARY ? {} : { [VOCABULARY_META_KEY]: vocabularyToMeta(vocabulary) }) },
      ),
    ],
    names: [{ name: "TRACKER_ID", ref: `'${SHEET.meta}'!$B$1` }],
    activeSheet: sheet,
  };
}

/** A file name that says what the copy is, safe on every OS. */
export function unitCopyFileName(listName: string, unit: string): string {
  return `${listName}-${unit}-填报.xlsx`.replace(/[\\/:*?"<>|]/g, "_");
}
