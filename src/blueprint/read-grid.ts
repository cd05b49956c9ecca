import { AssignmentRow } from "../domain/from-assignments";
import { normaliseStatus } from "../domain/statuses";
import { DEFAULT_VOCABULARY, Vocabulary } from "../domain/vocabulary";
import { REPORT_FIELDS, REPORT_HEADERS, ReportField } from "../domain/reports";
import { isoToSerial, serialToIso } from "./dates";
import { UnitColumn, unitColumnsByHeader, unitHeader } from "./layout";
import { META_KEYS, META_UNIT_HEADER, MetaFields, TrackerKind } from "./meta-sheet";

/**
 * A cell as any reader sees it: a primitive, a Date, or a formula marker. Both renderers'
 * readers (ExcelJS, Office.js) turn a sheet into such a grid and share the code below.
 */
export type GridCell = string | number | boolean | null | undefined | Date | { formula: string };
export type Grid = GridCell[][];

export interface TrackerMeta extends MetaFields {
  units: Array<{ unit: string; sheet: string; tasks: number }>;
  /** Keys beyond the fixed ones (unit copies carry their unit, baselines, the list source...). */
  extra: Record<string, string>;
}

export interface ReadIssue {
  sheet: string;
  row?: number;
  message: string;
}

export interface ReadAssignment extends AssignmentRow {
  /** The status cell's content when it was not a status (or was a formula); report.status is then "". */
  rejectedStatus?: string;
  /**
   * Input fields that could not be read (a formula, text over Excel's cell limit, an
   * impossible date, a missing column), with the reason. Their value in `report` is ""
   * and means nothing: a merge must never apply it as a deliberate clear.
   */
  refused?: Partial<Record<ReportField, string>>;
  sheet: string;
  /** 1-based row in the sheet. */
  row: number;
}

export class TrackerFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TrackerFileError";
  }
}

const isFormulaCell = (c: GridCell): c is { formula: string } => typeof c === "object" && c !== null && !(c instanceof Date);

export function gridText(c: GridCell): string {
  if (c === null || c === undefined || isFormulaCell(c)) return "";
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}

/** Text that claims to be a date: 2026-11-30, 2026/11/30, 2026.11.30, 2026年11月30日. */
const DATE_TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** A date cell as ISO: serial numbers, Date objects and typed ISO-like text that names a real day. */
export function gridIsoDate(c: GridCell): string | undefined {
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === "number" && c > 0 && c < 2958466) return serialToIso(c);
  const m = DATE_TEXT.exec(gridText(c).trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  // 2026-02-30 would roll over to March: only a date that reads back the same is one.
  return Number.isFinite(isoToSerial(iso)) && serialToIso(isoToSerial(iso)) === iso ? iso : undefined;
}

/** A 序号 as people type it: full-width digits (５), a trailing dot or 、 ("9.") are the same number. */
export function readTaskId(c: GridCell): number | undefined {
  if (typeof c === "number") return Number.isInteger(c) && c > 0 ? c : undefined;
  const text = gridText(c).normalize("NFKC").trim().replace(/[.、。]$/, "");
  return /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

/** Key/value rows, then the unit ↔ sheet table; a value may continue over later columns. */
export function readMetaGrid(grid: Grid): TrackerMeta {
  const values: Record<string, string> = {};
  const units: TrackerMeta["units"] = [];
  let inUnits = false;
  for (const row of grid) {
    const key = gridText(row[0]);
    if (key === META_UNIT_HEADER[0] && gridText(row[1]) === META_UNIT_HEADER[1]) {
      inUnits = true;
      continue;
    }
    if (!key) continue;
    if (inUnits) units.push({ unit: key, sheet: gridText(row[1]), tasks: Number(gridText(row[2])) || 0 });
    else values[key] = row.slice(1).map(gridText).join("");
  }
  for (const key of ["tracker_id", "schema_version"] as const) {
    if (!values[key]) throw new TrackerFileError(`元数据缺少 ${key}：文件已损坏，请使用原始导出的文件。`);
  }
  return {
    trackerId: values.tracker_id,
    schemaVersion: Number(values.schema_version),
    kind: (values.kind as TrackerKind) || "master",
    listName: values.list_name ?? "",
    listHash: values.list_hash ?? "",
    generatedAt: values.generated_at ?? "",
    units,
    extra: Object.fromEntries(Object.entries(values).filter(([k]) => !(META_KEYS as readonly string[]).includes(k))),
  };
}

/** Finds the header row (rows may be inserted above it) and each column by its header text. */
function locateColumns(grid: Grid, vocabulary: Vocabulary): { headerRow: number; cols: Partial<Record<UnitColumn, number>> } | undefined {
  const byHeader = unitColumnsByHeader(vocabulary);
  for (let r = 0; r < Math.min(grid.length, 10); r++) {
    const cols: Partial<Record<UnitColumn, number>> = {};
    (grid[r] ?? []).forEach((cell, c) => {
      const text = gridText(cell).replace(/\s+/g, "");
      const column = byHeader.get(text);
      if (column !== undefined && cols[column] === undefined) cols[column] = c;
    });
    if (cols.序号 !== undefined && cols.完成状态 !== undefined) return { headerRow: r, cols };
  }
  return undefined;
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

/**
 * Reads one unit sheet given as a grid whose first row is sheet row `firstRow`. Rows are
 * keyed by 序号, so sorted sheets and inserted rows read the same. A status that is a
 * formula or not in the vocabulary is reported and left empty, never guessed; an input
 * field that cannot be read is marked refused, never read as empty. Statuses read through
 * the tracker's vocabulary (its words, synonyms, and every preset's words).
 */
export function readUnitGrid(
  grid: Grid,
  unit: string,
  sheet: string,
  firstRow = 1,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): { assignments: ReadAssignment[]; issues: ReadIssue[] } {
  const issues: ReadIssue[] = [];
  const located = locateColumns(grid, vocabulary);
  // Messages name a column as the tracker shows it.
  const header = (f: ReportField): string => unitHeader(REPORT_HEADERS[f] as UnitColumn, vocabulary);
  if (!located) {
    return { assignments: [], issues: [{ sheet, message: `工作表“${sheet}”找不到“序号”和“完成状态”表头，已跳过。` }] };
  }
  const { headerRow, cols } = located;
  const missing = REPORT_FIELDS.filter((f) => cols[REPORT_HEADERS[f] as UnitColumn] === undefined);
  if (missing.length > 0) {
    issues.push({ sheet, message: `工作表“${sheet}”找不到${missing.map((f) => `“${header(f)}”`).join("、")}列（可能被改名或删除），这些列的内容未读取，总表中的原值保留。` });
  }
  const assignments: ReadAssignment[] = [];
  for (let r = headerRow + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const get = (col: UnitColumn): GridCell => (cols[col] === undefined ? undefined : row[cols[col]!]);
    const text = (col: UnitColumn) => gridText(get(col)).trim();
    const taskId = readTaskId(get("序号"));
    if (taskId === undefined) continue;
    const idText = String(taskId);
    const sheetRow = firstRow + r;
    const refused: Partial<Record<ReportField, string>> = {};
    for (const f of missing) refused[f] = `找不到“${header(f)}”列（可能被改名或删除），未读取。`;
    const input = (f: ReportField): string => {
      if (refused[f]) return "";
      const cell = get(REPORT_HEADERS[f] as UnitColumn);
      if (isFormulaCell(cell)) {
        if (f !== "status") refused[f] = `“${header(f)}”是公式（=${cell.formula.slice(0, 60)}），未读取；请填写文字。`;
        return "";
      }
      const value = gridText(cell).trim();
      if (value.length > MAX_CELL_CHARS) {
        refused[f] = `“${header(f)}”有 ${value.length} 字，超过 Excel 单元格上限 ${MAX_CELL_CHARS} 字，未读取。`;
        return "";
      }
      return value;
    };
    const rawStatus = get("完成状态");
    let status = normaliseStatus(input("status"), vocabulary);
    let rejectedStatus: string | undefined;
    if (refused.status) {
      status = "";
    } else if (isFormulaCell(rawStatus)) {
      issues.push({ sheet, row: sheetRow, message: `序号 ${idText} 的完成状态是公式，已忽略；请从下拉列表选择。` });
      rejectedStatus = `=${rawStatus.formula}`;
      status = "";
    } else if (status === undefined) {
      issues.push({ sheet, row: sheetRow, message: `序号 ${idText} 的完成状态“${gridText(rawStatus)}”无法识别，已忽略。` });
      rejectedStatus = gridText(rawStatus).slice(0, 100);
      status = "";
    }
    const date = get("填报日期");
    let reportDate = input("reportDate");
    if (reportDate !== "" && !refused.reportDate) {
      const iso = gridIsoDate(date);
      if (iso) reportDate = iso;
      else if (DATE_TEXT.test(reportDate)) refused.reportDate = `填报日期“${reportDate}”不是有效的日期，未读取。`;
    }
    const report = {
      status,
      progress: input("progress"),
      problems: input("problems"),
      nextSteps: input("nextSteps"),
      evidence: input("evidence"),
      reporter: input("reporter"),
      reportDate: refused.reportDate ? "" : reportDate,
    };
    assignments.push({
      taskId,
      unit,
      text: text("政策内容"),
      role: text("本单位角色"),
      due: gridIsoDate(get("截止日期")),
      sheet,
      row: sheetRow,
      ...(rejectedStatus === undefined ? {} : { rejectedStatus }),
      ...(Object.keys(refused).length > 0 ? { refused } : {}),
      report,
    });
  }
  return { assignments, issues };
}
