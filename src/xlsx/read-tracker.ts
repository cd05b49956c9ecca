import ExcelJS from "exceljs";
import { SHEET, UNIT_COLUMNS, UnitColumn } from "../blueprint/layout";
import { META_KEYS, TrackerKind } from "../blueprint/meta-sheet";
import { Report } from "../domain/reports";
import { normaliseStatus } from "../domain/statuses";
import { cellIsoDate, cellText, isFormulaValue } from "./cell-values";

export interface TrackerFileMeta {
  trackerId: string;
  schemaVersion: number;
  kind: TrackerKind;
  listName: string;
  listHash: string;
  generatedAt: string;
  units: Array<{ unit: string; sheet: string; tasks: number }>;
  /** Extra keys (unit copies carry their unit and baseline). */
  extra: Record<string, string>;
}

/** One row of a unit sheet as read back: the assignment and what the unit reported. */
export interface ReadAssignment {
  taskId: number;
  unit: string;
  text: string;
  role: string;
  due?: string;
  report: Report;
  sheet: string;
  row: number;
}

export interface ReadIssue {
  sheet: string;
  row?: number;
  message: string;
}

export interface ReadTracker {
  meta: TrackerFileMeta;
  assignments: ReadAssignment[];
  /** Problems that did not stop the read (unknown statuses, missing sheets...). */
  issues: ReadIssue[];
}

export class TrackerFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TrackerFileError";
  }
}

function readMeta(wb: ExcelJS.Workbook): TrackerFileMeta {
  const ws = wb.getWorksheet(SHEET.meta);
  if (!ws) throw new TrackerFileError(`找不到隐藏的元数据工作表“${SHEET.meta}”:这不是本系统生成的跟踪表,或元数据已被删除。`);
  const values: Record<string, string> = {};
  const units: TrackerFileMeta["units"] = [];
  let inUnits = false;
  ws.eachRow((row) => {
    const a = cellText(row.getCell(1).value);
    const b = cellText(row.getCell(2).value);
    if (a === "unit" && b === "sheet") {
      inUnits = true;
      return;
    }
    if (inUnits && a) units.push({ unit: a, sheet: b, tasks: Number(cellText(row.getCell(3).value)) || 0 });
    else if (a) values[a] = b;
  });
  for (const key of ["tracker_id", "schema_version"] as const) {
    if (!values[key]) throw new TrackerFileError(`元数据缺少 ${key}:文件已损坏,请使用原始导出的文件。`);
  }
  const extra = Object.fromEntries(Object.entries(values).filter(([k]) => !(META_KEYS as readonly string[]).includes(k)));
  return {
    trackerId: values.tracker_id,
    schemaVersion: Number(values.schema_version),
    kind: (values.kind as TrackerKind) || "master",
    listName: values.list_name ?? "",
    listHash: values.list_hash ?? "",
    generatedAt: values.generated_at ?? "",
    units,
    extra,
  };
}

/** Finds the header row (people insert rows above it) and each column by its header text. */
function locateColumns(ws: ExcelJS.Worksheet): { headerRow: number; cols: Partial<Record<UnitColumn, number>> } | undefined {
  for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
    const row = ws.getRow(r);
    const cols: Partial<Record<UnitColumn, number>> = {};
    row.eachCell((cell, c) => {
      const text = cellText(cell.value).replace(/\s+/g, "");
      if ((UNIT_COLUMNS as readonly string[]).includes(text) && cols[text as UnitColumn] === undefined) cols[text as UnitColumn] = c;
    });
    if (cols.序号 && cols.完成状态) return { headerRow: r, cols };
  }
  return undefined;
}

function readUnitSheet(ws: ExcelJS.Worksheet, unit: string, issues: ReadIssue[]): ReadAssignment[] {
  const located = locateColumns(ws);
  if (!located) {
    issues.push({ sheet: ws.name, message: `工作表“${ws.name}”找不到“序号”和“完成状态”表头,已跳过。` });
    return [];
  }
  const { headerRow, cols } = located;
  const out: ReadAssignment[] = [];
  const get = (row: ExcelJS.Row, col: UnitColumn) => (cols[col] ? row.getCell(cols[col]!).value : undefined);
  const text = (row: ExcelJS.Row, col: UnitColumn) => cellText(get(row, col)).trim();
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const idText = text(row, "序号");
    if (!/^\d+$/.test(idText)) continue;
    const rawStatus = get(row, "完成状态");
    let status = normaliseStatus(cellText(rawStatus));
    if (isFormulaValue(rawStatus)) {
      issues.push({ sheet: ws.name, row: r, message: `序号 ${idText} 的完成状态是公式,已忽略;请从下拉列表选择。` });
      status = "";
    } else if (status === undefined) {
      issues.push({ sheet: ws.name, row: r, message: `序号 ${idText} 的完成状态“${cellText(rawStatus)}”无法识别,已忽略。` });
      status = "";
    }
    const dateValue = get(row, "填报日期");
    out.push({
      taskId: Number(idText),
      unit,
      text: text(row, "政策内容"),
      role: text(row, "本单位角色"),
      due: cellIsoDate(get(row, "截止日期")),
      sheet: ws.name,
      row: r,
      report: {
        status,
        progress: text(row, "本期进展情况"),
        problems: text(row, "存在问题"),
        nextSteps: text(row, "下步计划"),
        evidence: text(row, "佐证材料"),
        reporter: text(row, "填报人"),
        reportDate: cellIsoDate(dateValue) ?? cellText(dateValue).trim(),
      },
    });
  }
  return out;
}

/** Reads a tracker or unit copy written by this project (by any app that kept its sheets). */
export async function readTrackerWorkbook(wb: ExcelJS.Workbook): Promise<ReadTracker> {
  const meta = readMeta(wb);
  const issues: ReadIssue[] = [];
  const assignments: ReadAssignment[] = [];
  for (const { unit, sheet } of meta.units) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) {
      if (meta.kind === "master") issues.push({ sheet, message: `找不到单位“${unit}”的工作表“${sheet}”(可能被删除或改名)。` });
      continue;
    }
    assignments.push(...readUnitSheet(ws, unit, issues));
  }
  return { meta, assignments, issues };
}

export async function readTrackerFile(data: ArrayBuffer | Uint8Array): Promise<ReadTracker> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    throw new TrackerFileError(`无法读取文件:它不是有效的 .xlsx 工作簿(${(e as Error).message})。请用 Excel、WPS 或 LibreOffice 另存为 .xlsx 后重试。`);
  }
  return readTrackerWorkbook(wb);
}
