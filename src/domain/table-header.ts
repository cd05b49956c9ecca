import { foldWidth } from "./punctuation";
import { SourceRow } from "./table-rows";
import { compactHeader } from "./text-cleanup";

/** Where each part of a task sits in a table; every other titled column is kept as information. */
export interface Columns {
  id?: number;
  text: number;
  /** One combined 责任单位 column (first-listed unit leads), or separate lead / support columns. */
  units?: number;
  lead?: number;
  support: number[];
  deadline?: number;
  /** Extra columns by header (牵头领导, 备注…), shown read-only on the unit sheets. */
  info: Array<{ col: number; name: string }>;
}

const ID_HEADERS = ["序号", "编号", "序"];
const TEXT_HEADERS = [
  "政策内容", "重点任务", "工作任务", "任务内容", "具体措施", "工作内容", "任务", "具体任务", "政策措施",
  "主要任务", "工作措施", "任务事项", "改革举措", "工作要点",
];
const UNITS_HEADERS = ["责任部门", "责任单位", "牵头及配合单位", "负责单位", "责任主体", "牵头和配合单位"];
const LEAD_HEADERS = ["牵头单位", "牵头部门"];
const SUPPORT_HEADERS = ["配合单位", "配合部门", "协办单位", "参与单位", "协同单位", "参与部门"];
/** People, not units: a unit column only when the table names no unit at all. */
const LEADER_HEADERS = ["责任领导", "牵头领导", "分管领导"];
const DEADLINE_HEADERS = ["完成时限", "时间节点", "完成时间", "时限要求", "完成期限", "时间安排"];

/** Header text compared without spaces, width-folded, and without a bracketed remark ("责任单位(牵头单位列第一)"). */
export function headerName(raw: string): string {
  return foldWidth(compactHeader(raw)).replace(/\([^()]*\)$/, "");
}

/**
 * For a row findHeader refused: titled like a header (序号 and a task column), so it failed for
 * want of a unit column, the likely cause of "data before a header" below it.
 */
export function isHeaderWithoutUnits(row: SourceRow): boolean {
  const names = row.cells.map(headerName);
  return names.some((n) => ID_HEADERS.includes(n)) && names.some((n) => TEXT_HEADERS.includes(n));
}

export function findHeader(row: SourceRow): Columns | undefined {
  const names = row.cells.map(headerName);
  const at = (list: string[]) => names.findIndex((n) => list.includes(n));
  const all = (list: string[]) => names.flatMap((n, i) => (list.includes(n) ? [i] : []));
  const text = at(TEXT_HEADERS);
  if (text < 0) return undefined;
  const id = at(ID_HEADERS);
  let units: number | undefined = at(UNITS_HEADERS);
  const lead = at(LEAD_HEADERS);
  const support = all(SUPPORT_HEADERS);
  const leaders = all(LEADER_HEADERS);
  if (units < 0) units = undefined;
  let leadCol = lead;
  // 责任单位 beside 配合单位 leads; beside 牵头单位 it is one more supporting column.
  if (units !== undefined && lead >= 0) {
    support.unshift(units);
    units = undefined;
  } else if (units !== undefined && support.length > 0) {
    leadCol = units;
    units = undefined;
  }
  if (units === undefined && lead < 0 && support.length === 0) {
    // People, not units: only when the table names no unit at all.
    if (leaders.length === 0) return undefined;
    units = leaders[0];
  }
  const deadline = at(DEADLINE_HEADERS);
  const split = units === undefined ? [leadCol, ...support] : [];
  const used = new Set<number>([id, text, units ?? -1, ...split, deadline].filter((i) => i >= 0));
  const info = names.flatMap((name, col) => (name && !used.has(col) ? [{ col, name: compactHeader(row.cells[col]) }] : []));
  return {
    id: id >= 0 ? id : undefined,
    text,
    units,
    lead: units === undefined && leadCol >= 0 ? leadCol : undefined,
    support: units === undefined ? support : [],
    deadline: deadline >= 0 ? deadline : undefined,
    info,
  };
}
