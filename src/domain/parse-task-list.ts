import { extractDeadline } from "./deadline";
import { SourceRow, readTableRows } from "./table-rows";
import { TaskListError } from "./task-list-error";
import { cleanCellText, compactHeader } from "./text-cleanup";
import { Task, TaskList } from "./types";
import { UNIT_ALIASES } from "./unit-aliases";
import { splitUnits } from "./units";

export interface ParseOptions {
  /** Used when the text has no title line above the table. */
  name?: string;
  aliases?: Readonly<Record<string, string>>;
}

interface Columns {
  id: number;
  text: number;
  /** Either one 责任部门 column, or separate lead / support columns. */
  units?: number;
  lead?: number;
  support?: number;
}

const ID_HEADERS = ["序号", "编号"];
const TEXT_HEADERS = ["政策内容", "工作任务", "任务内容", "重点任务", "任务", "具体任务", "政策措施"];
const UNITS_HEADERS = ["责任部门", "责任单位", "牵头及配合单位", "负责单位"];
const LEAD_HEADERS = ["牵头单位", "牵头部门"];
const SUPPORT_HEADERS = ["配合单位", "配合部门", "参与单位"];
const SECTION = /^[((]?[一二三四五六七八九十百]+[))、.．]/;
const ID_CELL = /^(\d{1,6})[.、.]?$/;
const MAX_PROBLEMS = 20;

function findHeader(row: SourceRow): Columns | undefined {
  const names = row.cells.map(compactHeader);
  const at = (list: string[]) => names.findIndex((n) => list.includes(n));
  const id = at(ID_HEADERS);
  const text = at(TEXT_HEADERS);
  if (id < 0 || text < 0) return undefined;
  const units = at(UNITS_HEADERS);
  const lead = at(LEAD_HEADERS);
  const support = at(SUPPORT_HEADERS);
  if (units >= 0) return { id, text, units };
  if (lead >= 0) return { id, text, lead, support: support >= 0 ? support : undefined };
  return undefined;
}

const nonEmpty = (row: SourceRow) => row.cells.map(cleanCellText).filter((c) => c !== "");

/**
 * Parses a task list table (序号 / 政策内容 / 责任部门) flattened to text: repeated
 * header rows, HTML remnants, blank lines and section rows are expected. Throws a
 * TaskListError naming every bad line rather than returning a partial list.
 */
export function parseTaskList(text: string, options: ParseOptions = {}): TaskList {
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0) {
    throw new TaskListError([
      {
        line: text.slice(0, bad).split("\n").length,
        message: "文本中有无法识别的字符(文件可能是 GBK 编码)。请用记事本或 WPS 另存为 UTF-8 后重新导入。",
      },
    ]);
  }
  return parseTaskRows(readTableRows(text), options);
}

export function parseTaskRows(rows: SourceRow[], options: ParseOptions = {}): TaskList {
  const aliases = options.aliases ?? UNIT_ALIASES;
  const problems: Array<{ line?: number; message: string }> = [];
  const tasks: Task[] = [];
  const seenIds = new Map<number, number>();
  let columns: Columns | undefined;
  let title: string | undefined;
  let section: string | undefined;

  for (const row of rows) {
    if (problems.length >= MAX_PROBLEMS) break;
    const filled = nonEmpty(row);
    if (filled.length === 0) continue;
    const header = findHeader(row);
    if (header) {
      columns = header;
      continue;
    }
    if (!columns) {
      if (filled.length === 1 && title === undefined) {
        title = filled[0];
        continue;
      }
      problems.push({
        line: row.line,
        message: "在表头之前出现了数据。请确认第一行表头为“序号 / 政策内容 / 责任部门”(用制表符分隔)。",
      });
      continue;
    }
    const cell = (i: number | undefined) => (i === undefined ? "" : cleanCellText(row.cells[i] ?? ""));
    const idText = cell(columns.id);
    if (filled.length === 1 && SECTION.test(filled[0]) && !ID_CELL.test(idText)) {
      section = filled[0];
      continue;
    }
    const idMatch = ID_CELL.exec(idText);
    if (!idMatch) {
      problems.push({
        line: row.line,
        message: idText
          ? `序号“${idText.slice(0, 20)}”不是数字。每行应为:序号、政策内容、责任部门。`
          : "这一行缺少序号。请补上序号,或把它并入上一行的政策内容(从 Word 复制合并单元格时常见)。",
      });
      continue;
    }
    const id = Number(idMatch[1]);
    const body = cell(columns.text);
    const unitsText =
      columns.units !== undefined
        ? cell(columns.units)
        : [cell(columns.lead), cell(columns.support)].filter((s) => s !== "").join("、");
    const units = splitUnits(unitsText, aliases);
    if (seenIds.has(id)) {
      problems.push({ line: row.line, message: `序号 ${id} 重复(第 ${seenIds.get(id)} 行已有)。请改正其中一个。` });
      continue;
    }
    seenIds.set(id, row.line);
    if (!body) {
      problems.push({ line: row.line, message: `序号 ${id} 缺少政策内容。` });
      continue;
    }
    if (units.length === 0) {
      problems.push({
        line: row.line,
        message: `序号 ${id} 缺少责任部门。请在第三列填写至少一个责任单位(从 Word 复制合并单元格时,请在每一行都填上)。`,
      });
      continue;
    }
    const previous = tasks[tasks.length - 1];
    if (previous && id !== previous.id + 1) {
      problems.push({
        line: row.line,
        message: `序号不连续:${previous.id} 之后是 ${id}(应为 ${previous.id + 1})。请检查是否漏行或错行。`,
      });
    }
    tasks.push({ id, text: body, units, unitsText, deadline: extractDeadline(body), section, line: row.line });
  }

  if (!columns && problems.length === 0) {
    problems.push({
      line: rows.find((r) => nonEmpty(r).length > 0)?.line ?? 1,
      message: "这不是任务清单:没有找到“序号 / 政策内容 / 责任部门”表头。",
    });
  } else if (tasks.length === 0 && problems.length === 0) {
    problems.push({ line: undefined, message: "任务清单中没有任何任务行。" });
  }
  if (problems.length > 0) throw new TaskListError(problems);

  const units: string[] = [];
  for (const t of tasks) for (const u of t.units) if (!units.includes(u)) units.push(u);
  return { name: title ?? options.name ?? "任务清单", tasks, units };
}
