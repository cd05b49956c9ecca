/**
 * Fixed facts of the tracker layout shared by the blueprint and every reader. Readers
 * find unit-sheet columns by these header texts (people move columns), never by letter.
 * Columns named after a status are keys: the sheet shows the tracker's own word in their
 * place (vocabularyHeader), at the same position whatever the vocabulary.
 */
import { REPORT_FIELDS, REPORT_HEADERS, ReportField } from "../domain/reports";
import { KEY, STATUS_KEYS, Vocabulary, wordOf } from "../domain/vocabulary";

export const SCHEMA_VERSION = 1;

export const SHEET = {
  summary: "汇总",
  master: "任务总表",
  instructions: "填报说明",
  meta: "_meta",
  mergeLog: "合并记录",
  history: "历次汇总",
  contacts: "联络员",
} as const;

export const RESERVED_SHEET_NAMES: readonly string[] = [...Object.values(SHEET), "History"];

/** Unit sheet: row 1 title, row 2 headers, data from row 3. */
export const UNIT_HEADER_ROW = 2;
export const UNIT_FIRST_ROW = 3;

export const UNIT_COLUMNS = [
  "序号",
  "政策内容",
  "本单位角色",
  "其他责任单位",
  "完成时限",
  "截止日期",
  "完成状态",
  "本期进展情况",
  "存在问题",
  "下步计划",
  "佐证材料",
  "填报人",
  "填报日期",
  "时限预警",
] as const;
export type UnitColumn = (typeof UNIT_COLUMNS)[number];

export const unitCol = (name: UnitColumn): number => UNIT_COLUMNS.indexOf(name);

/** The report field a fixed unit column holds when the vocabulary may rename it (完成状态 keeps its name: readers and formulas find it). */
function renamableField(name: UnitColumn): Exclude<ReportField, "status"> | undefined {
  return REPORT_FIELDS.find((f): f is Exclude<ReportField, "status"> => f !== "status" && REPORT_HEADERS[f] === name);
}

/** A fixed unit column's header in the tracker's words: its vocabulary renames report columns (完成情况 for 本期进展情况), never moves them. */
export function unitHeader(name: UnitColumn, vocabulary: Vocabulary): string {
  const field = renamableField(name);
  return (field && vocabulary.reportColumns.find((c) => c.field === field)?.name) || name;
}

/**
 * The unit sheet's fixed headers in the tracker's words. A renamed report column that
 * takes another fixed column's name would make the sheet unreadable, so it stops the build.
 */
export function unitHeaders(vocabulary: Vocabulary): string[] {
  const headers = UNIT_COLUMNS.map((c) => unitHeader(c, vocabulary));
  headers.forEach((h, i) => {
    // Only a renamed column can clash; naming it (not the column it collided with) says what to change.
    if (h === UNIT_COLUMNS[i]) return;
    const other = UNIT_COLUMNS.findIndex((c, j) => j !== i && (c === h || headers[j] === h));
    if (other !== -1) {
      throw new Error(`用语“${vocabulary.name}”把报送列“${UNIT_COLUMNS[i]}”改名为“${h}”，与单位表的“${UNIT_COLUMNS[other]}”列重名；请在用语文件的 reportColumns 中换一个列名。`);
    }
  });
  return headers;
}

/** Header text (the tracker's and the default, for copies exported before a rename) → fixed column. */
export function unitColumnsByHeader(vocabulary: Vocabulary): Map<string, UnitColumn> {
  const byHeader = new Map<string, UnitColumn>();
  for (const c of UNIT_COLUMNS) byHeader.set(unitHeader(c, vocabulary).replace(/\s+/g, ""), c);
  for (const c of UNIT_COLUMNS) if (!byHeader.has(c)) byHeader.set(c, c);
  return byHeader;
}

/** The input columns, contiguous from 完成状态 to 填报日期. */
export const UNIT_INPUT_FIRST = unitCol("完成状态");
export const UNIT_INPUT_LAST = unitCol("填报日期");

export const MASTER_HEADER_ROW = 2;
export const MASTER_FIRST_ROW = 3;
export const MASTER_COLUMNS = [
  "序号",
  "政策内容",
  "牵头单位",
  "配合单位",
  "完成时限",
  "截止日期",
  "责任单位数",
  `${KEY.done}单位数`,
  "完成进度",
  "任务状态",
  "时限预警",
  `${KEY.progress}单位数`,
  `${KEY.late}单位数`,
  `${KEY.standing}单位数`,
  "所属部分",
] as const;
export type MasterColumn = (typeof MASTER_COLUMNS)[number];
export const masterCol = (name: MasterColumn): number => MASTER_COLUMNS.indexOf(name);

/** 汇总: overall figures in A/B from row 5, per-unit table below. */
export const SUMMARY_OVERALL_FIRST_ROW = 5;
export const SUMMARY_OVERALL_LABELS = [
  "任务总数",
  `${KEY.done}任务数`,
  `${KEY.standing}任务数`,
  "任务完成率",
  "责任分工总数",
  `${KEY.done}分工数`,
  "分工完成率",
  "逾期任务数",
  "逾期分工数",
  "即将到期任务数",
] as const;
export const SUMMARY_UNIT_HEADER_ROW = SUMMARY_OVERALL_FIRST_ROW + SUMMARY_OVERALL_LABELS.length + 1;
/** 完成率 sits next to the unit so the two columns are the chart's source range. */
export const SUMMARY_UNIT_COLUMNS = [
  "责任单位",
  "完成率",
  "任务数",
  "牵头任务数",
  KEY.notStarted,
  KEY.progress,
  KEY.done,
  KEY.late,
  KEY.standing,
  "未填报",
  "逾期",
  "即将到期",
  "查看",
] as const;
export type SummaryUnitColumn = (typeof SUMMARY_UNIT_COLUMNS)[number];
export const summaryCol = (name: SummaryUnitColumn): number => SUMMARY_UNIT_COLUMNS.indexOf(name);
/** Cell holding the last refresh time on 汇总. */
export const SUMMARY_STAMP_CELL = "B2";

export const OVERDUE_MARK = "逾期";
export const DUE_SOON_MARK = "即将到期";
/** Days before a deadline when a task not yet done turns yellow (the pane can change it). */
export const DEFAULT_WARNING_DAYS = 30;

export const COLORS = {
  header: "#1F4E78",
  headerFont: "#FFFFFF",
  title: "#1F4E78",
  input: "#FFF9E6",
  summaryTab: "#1F4E78",
  masterTab: "#2E75B6",
  instructionsTab: "#7F7F7F",
  unitTab: "#548235",
  done: "#C6EFCE",
  doneFont: "#006100",
  progress: "#DDEBF7",
  progressFont: "#1F4E78",
  late: "#FFC7CE",
  lateFont: "#9C0006",
  notStarted: "#EDEDED",
  standing: "#E2EFDA",
  overdueFont: "#C00000",
  dueSoon: "#FFEB9C",
  dueSoonFont: "#9C5700",
} as const;

/** A key column name (a status key alone or in front of 单位数/任务数/分工数) with the tracker's word in it. */
export function vocabularyHeader(name: string, vocabulary: Vocabulary): string {
  for (const key of STATUS_KEYS) if (name.startsWith(key)) return wordOf(vocabulary, key) + name.slice(key.length);
  return name;
}
