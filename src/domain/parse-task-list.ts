import { extractDeadline } from "./deadline";
import { resolveListUnits } from "./list-units";
import { SectionPath, pickTitle, sectionLevel, titleLine } from "./list-lines";
import { looksBlock, parseBlockTaskList } from "./parse-block";
import { looksInline, parseInlineTaskList } from "./parse-inline";
import { foldWidth } from "./punctuation";
import { Columns, findHeader, isHeaderWithoutUnits } from "./table-header";
import { SourceRow, readTableRows } from "./table-rows";
import { TaskListError } from "./task-list-error";
import { cleanCellText } from "./text-cleanup";
import { IgnoredLine, Task, TaskList } from "./types";
import { splitUnits } from "./units";

export interface ParseOptions {
  /** Used when the text has no title line above the table. */
  name?: string;
  /** The caller's own renames (applied to every spelling with the same key). */
  aliases?: Readonly<Record<string, string>>;
}

/** 序号 as published: 12, 12., 12、 or a sub-number 1.1 (either width). */
const ID_CELL = /^(\d{1,6})(?:\.(\d{1,3}))?[.、]?$/;
const CHINESE_NUMBER_CELL = /^(?:[一二三四五六七八九十百]+[、.]?|\([一二三四五六七八九十百]+\))$/;
const MAX_PROBLEMS = 20;
export const ORIGINAL_NUMBER = "原序号";

const nonEmpty = (row: SourceRow) => row.cells.map(cleanCellText).filter((c) => c !== "");

/**
 * Any task list as text, in whichever style offices write it: a table (tab-separated or
 * CSV, with a title, 附件 and notes above and signatures below), numbered paragraphs
 * followed by "牵头单位:…" lines, or paragraphs ending "(某某牵头,某某负责)". Throws a
 * TaskListError naming every bad line rather than returning a partial list.
 */
export function parseTaskList(text: string, options: ParseOptions = {}): TaskList {
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0) {
    throw new TaskListError([
      {
        line: text.slice(0, bad).split("\n").length,
        message: "文本中有无法识别的字符（文件可能是 GBK 编码）。请用记事本或 WPS 另存为 UTF-8 后重新导入。",
      },
    ]);
  }
  const rows = readTableRows(text);
  if (rows.some((r) => findHeader(r))) return parseTaskRows(rows, options);
  if (looksBlock(text)) return parseBlockTaskList(text, options);
  if (looksInline(text)) return parseInlineTaskList(text, options);
  return parseTaskRows(rows, options);
}

interface Pending {
  line: number;
  text: string;
  /** A row with a task's text and units but no 序号: an error even at the end. */
  looksLikeTask: boolean;
}

/** Rows of a table (pasted, CSV, .docx, .xlsx or a selected range). */
export function parseTaskRows(rows: SourceRow[], options: ParseOptions = {}): TaskList {
  const problems: Array<{ line?: number; message: string }> = [];
  const tasks: Task[] = [];
  const published = new Map<string, number>();
  const ignored: IgnoredLine[] = [];
  const above: IgnoredLine[] = [];
  let pending: Pending[] = [];
  let columns: Columns | undefined;
  let unitlessHeader: SourceRow | undefined;
  const infoColumns: string[] = [];
  const sections = new SectionPath();
  let subNumbers = false;
  const labels: string[] = [];

  const data = rows.filter((r) => nonEmpty(r).length > 0);
  data.forEach((row, index) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const filled = nonEmpty(row);
    const header = findHeader(row);
    if (header) {
      columns = header;
      for (const { name } of header.info) if (!infoColumns.includes(name)) infoColumns.push(name);
      return;
    }
    const joined = filled.join(" ");
    if (!columns) {
      if (filled.length >= 2 && ID_CELL.test(foldWidth(filled[0]))) {
        if (unitlessHeader) {
          // One problem at the header itself: every row below it fails for the same reason.
          if (!problems.some((p) => p.line === unitlessHeader!.line)) {
            problems.push({
              line: unitlessHeader.line,
              message: `表头“${nonEmpty(unitlessHeader).join(" / ")}”中没有责任单位列。请加上“责任部门”列（或“牵头单位”“配合单位”列）并填写每项任务的单位。`,
            });
          }
          return;
        }
        problems.push({
          line: row.line,
          message: "在表头之前出现了数据。请在任务行之前加上表头（如“序号 / 政策内容 / 责任部门”）。",
        });
      } else {
        if (isHeaderWithoutUnits(row)) unitlessHeader = row;
        above.push({ line: row.line, text: joined });
      }
      return;
    }
    const cols = columns;
    const cell = (i: number | undefined) => (i === undefined ? "" : cleanCellText(row.cells[i] ?? ""));
    const rawCell = (i: number | undefined) => (i === undefined ? "" : (row.cells[i] ?? ""));
    const idText = foldWidth(cell(cols.id)).replace(/\s+/g, "");
    const body = cell(cols.text);
    const unitsText =
      cols.units !== undefined
        ? rawCell(cols.units)
        : [cols.lead, ...cols.support].map(rawCell).filter((s) => cleanCellText(s) !== "").join("、");
    const hasUnits = cleanCellText(unitsText) !== "";

    if (!hasUnits && CHINESE_NUMBER_CELL.test(idText)) {
      const heading = `${cell(cols.id)}${body}`;
      sections.enter(sectionLevel(heading) ?? 1, heading);
      return;
    }
    if (filled.length === 1 && !ID_CELL.test(idText) && sectionLevel(filled[0]) !== undefined) {
      sections.enter(sectionLevel(filled[0])!, filled[0]);
      return;
    }
    const idMatch = ID_CELL.exec(idText);
    const next = data[index + 1];
    const nextId = next && cols.id !== undefined ? foldWidth(cleanCellText(next.cells[cols.id] ?? "")).replace(/\s+/g, "") : "";
    if (idMatch && !idMatch[2] && !hasUnits && body && nextId.startsWith(`${idMatch[1]}.`) && ID_CELL.exec(nextId)?.[2]) {
      // "1  总体要求" followed by 1.1, 1.2: a heading numbered like a task.
      sections.enter(3, `${idMatch[1]}.${body}`);
      return;
    }
    if (cols.id === undefined && !hasUnits) {
      pending.push({ line: row.line, text: joined, looksLikeTask: false });
      return;
    }
    if (!idMatch && cols.id !== undefined) {
      // A one-cell line after the last task is a signature, date or remark; more is a task without 序号.
      pending.push({ line: row.line, text: joined, looksLikeTask: filled.length >= 2 });
      return;
    }
    for (const p of pending) problems.push(rowProblem(p));
    pending = [];
    const label = idMatch ? (idMatch[2] ? `${idMatch[1]}.${idMatch[2]}` : idMatch[1]) : String(tasks.length + 1);
    if (idMatch?.[2]) subNumbers = true;
    if (published.has(label)) {
      problems.push({ line: row.line, message: `序号 ${label} 重复（第 ${published.get(label)} 行已有）。请改正其中一个。` });
      return;
    }
    published.set(label, row.line);
    if (!body) {
      problems.push({ line: row.line, message: `序号 ${label} 缺少政策内容。` });
      return;
    }
    const units = splitUnits(unitsText, options.aliases);
    if (units.length === 0) {
      problems.push({
        line: row.line,
        message: `序号 ${label} 缺少责任部门。请填写至少一个责任单位（从 Word 复制合并单元格时，请在每一行都填上）。`,
      });
      return;
    }
    const deadlineText = cell(cols.deadline);
    const fromCell = extractDeadline(deadlineText);
    const info: Record<string, string> = {};
    for (const { col, name } of cols.info) if (cell(col)) info[name] = cell(col);
    if (deadlineText && fromCell.kind === "none") info["完成时限"] = deadlineText;
    tasks.push({
      id: Number(idMatch ? idMatch[1] : label),
      text: body,
      units,
      unitsText: cleanCellText(unitsText),
      deadline: fromCell.kind !== "none" ? fromCell : extractDeadline(body),
      section: sections.current,
      line: row.line,
      ...(Object.keys(info).length > 0 ? { info } : {}),
    });
    labels.push(label);
  });
  for (const p of pending) {
    if (p.looksLikeTask) problems.push(rowProblem(p));
    else ignored.push({ line: p.line, text: p.text });
  }

  if (!columns && problems.length === 0) {
    problems.push({
      // The first line may be a title; the next is where a header was expected.
      line: (data[1] ?? data[0])?.line ?? 1,
      message: "这不是任务清单：没有找到表头（序号 / 政策内容或重点任务 / 责任部门或牵头单位），也不是“任务文本（某某牵头……）”或“牵头单位：……”的写法。",
    });
  } else if (tasks.length === 0 && problems.length === 0) {
    problems.push({ line: undefined, message: "任务清单中没有任何任务行。" });
  }
  const numbered = finishNumbers(tasks, subNumbers ? labels : undefined, problems);
  if (problems.length > 0) throw new TaskListError(problems);

  const title = pickTitle(above);
  const titleRow = titleLine(above);
  const extra = subNumbers ? [ORIGINAL_NUMBER, ...infoColumns] : infoColumns;
  if (numbered.some((t) => t.info?.["完成时限"]) && !extra.includes("完成时限")) extra.push("完成时限");
  return {
    name: title ?? options.name ?? "任务清单",
    ...resolveListUnits(numbered),
    ignored: [...above.filter((l) => l !== titleRow), ...ignored],
    ...(extra.length > 0 ? { infoColumns: extra } : {}),
  };
}

function rowProblem(p: Pending): { line: number; message: string } {
  return {
    line: p.line,
    message: "这一行缺少序号。请补上序号，或把它并入上一行的政策内容（从 Word 复制合并单元格时常见）。",
  };
}

/**
 * Published numbers are the tasks' keys unless the list uses sub-numbers (1.1, 1.2): then
 * tasks are numbered 1…n in order and the published number is kept as 原序号.
 */
function finishNumbers(clean: Task[], labels: string[] | undefined, problems: Array<{ line?: number; message: string }>): Task[] {
  if (labels) return clean.map((t, i) => ({ ...t, id: i + 1, info: { [ORIGINAL_NUMBER]: labels[i], ...t.info } }));
  for (let i = 1; i < clean.length; i++) {
    if (clean[i].id !== clean[i - 1].id + 1 && problems.length < MAX_PROBLEMS) {
      problems.push({
        line: clean[i].line,
        message: `序号不连续：${clean[i - 1].id} 之后是 ${clean[i].id}（应为 ${clean[i - 1].id + 1}）。请检查是否漏行或错行。`,
      });
    }
  }
  return clean;
}
