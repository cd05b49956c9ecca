import { SectionPath, isFormalityLine, pickTitle, sectionLevel, titleLine } from "./list-lines";
import { foldWidth } from "./punctuation";
import { cleanCellText } from "./text-cleanup";
import { resolveListUnits } from "./list-units";
import { TaskListError } from "./task-list-error";
import { IgnoredLine, Task, TaskList } from "./types";

export interface TextLine {
  line: number;
  text: string;
}

/** "12." "12、" "(12)" at the start of a paragraph: the task's published number. */
export const TASK_NUMBER = /^\(?(\d{1,4})\)?[.、]\s*(?!\d)|^\((\d{1,4})\)\s*/;

export function taskNumber(text: string): number | undefined {
  const m = TASK_NUMBER.exec(foldWidth(text));
  return m ? Number(m[1] ?? m[2]) : undefined;
}

export function stripTaskNumber(text: string): string {
  const m = TASK_NUMBER.exec(foldWidth(text));
  return m ? text.slice(m[0].length).trim() : text;
}

/** Non-empty lines with their 1-based numbers; a BOM and HTML remnants go. */
export function textLines(text: string): TextLine[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n?|\n/)
    .map((raw, i) => ({ line: i + 1, text: cleanCellText(raw) }))
    .filter((l) => l.text !== "");
}

function openBrackets(text: string): number {
  let depth = 0;
  for (const ch of foldWidth(text)) {
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
  }
  return depth;
}

/**
 * A bracket opened on one line and closed on a later one (a PDF line break) makes one line,
 * up to three lines further; never across the start of another numbered task, so a bracket
 * left open by a typo does not swallow the tasks after it (the line keeps its stray bracket).
 */
export function joinOpenBrackets(lines: TextLine[]): TextLine[] {
  const out: TextLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    let current = lines[i];
    for (let more = 0; more < 3 && openBrackets(current.text) > 0 && i + 1 < lines.length && !startsTask(lines[i + 1].text); more++) {
      current = { line: current.line, text: joinLines([current.text, lines[++i].text]) };
    }
    out.push(current);
  }
  return out;
}

const startsTask = (text: string): boolean => taskNumber(text) !== undefined || chineseTaskNumber(text) !== undefined;

/**
 * A line copied from a PDF or web page breaks a paragraph where the page ended, so a long
 * line that does not end a sentence continues into the next one. Short lines (titles,
 * 附件, 文号), headings and lines ending in ":" or "。" come before a paragraph instead.
 */
function continues(l: TextLine): boolean {
  const length = [...l.text].length;
  return length >= 16 && !/[:。]$/.test(foldWidth(l.text)) && !isFormalityLine(l.text) && (!isHeading(l) || length >= HEADING_MAX);
}

/** Headings are short; a "(一)…" line longer than this is a task numbered in Chinese. */
const HEADING_MAX = 25;
const isHeading = (l: TextLine) => sectionLevel(l.text) === 1 || sectionLevel(l.text) === 2;

const CHINESE_DIGITS = "一二三四五六七八九";

/** 一 … 九十九 as a number (the numbering of "(三)…" tasks). */
export function chineseNumber(text: string): number | undefined {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m || text === "") return undefined;
  const digit = (c: string) => CHINESE_DIGITS.indexOf(c) + 1;
  if (!m[2]) return m[3] ? undefined : digit(m[1]);
  return (m[1] ? digit(m[1]) : 1) * 10 + (m[3] ? digit(m[3]) : 0);
}

/** "(三)任务…" → 3 and the text after the number. */
export function chineseTaskNumber(text: string): { id: number; rest: string } | undefined {
  const m = /^\(([一二三四五六七八九十]{1,3})\)\s*/.exec(foldWidth(text));
  const id = m ? chineseNumber(m[1]) : undefined;
  return m && id !== undefined ? { id, rest: text.slice(m[0].length) } : undefined;
}

/**
 * Splits the lines gathered before a task's closing line into what came before the task
 * and the task's own first lines: from the last numbered line if the list is numbered,
 * else the lines that run on into the closing line. With `lastIsTask` the last gathered
 * line is the closing line itself (the block style, where fields follow the text).
 */
export function splitTaskStart(buffer: TextLine[], closing: string, lastIsTask = false): { before: TextLine[]; task: TextLine[] } {
  if (!lastIsTask && taskNumber(closing) !== undefined) return { before: buffer, task: [] };
  for (let i = buffer.length - 1; i >= 0; i--) {
    if (taskNumber(buffer[i].text) !== undefined) return { before: buffer.slice(0, i), task: buffer.slice(i) };
  }
  let start = lastIsTask ? Math.max(0, buffer.length - 1) : buffer.length;
  // A heading-like line that runs on is the paragraph's numbered start: nothing above it belongs.
  while (start > 0 && continues(buffer[start - 1]) && !(start < buffer.length && isHeading(buffer[start]))) start--;
  return { before: buffer.slice(0, start), task: buffer.slice(start) };
}

/** Joins a paragraph broken across lines; spaces between Chinese characters go. */
export function joinLines(lines: readonly string[]): string {
  return cleanCellText(lines.join(" "));
}

/**
 * Lines that are not tasks: headings open a section; before the first task the rest is
 * preamble (title, 附件, 文号, notes), after it a non-numbered line is a trailer
 * (signature, date, remark) when nothing follows, and an unfinished task otherwise.
 */
export class NonTaskLines {
  readonly sections = new SectionPath();
  readonly preamble: IgnoredLine[] = [];
  readonly trailer: IgnoredLine[] = [];
  readonly problems: Array<{ line: number; message: string }> = [];

  constructor(private readonly unfinished: string) {}

  /** Lines between tasks (or before the first). */
  between(lines: TextLine[], tasksSoFar: number): void {
    for (const l of lines) {
      const level = sectionLevel(l.text);
      if ((level === 1 || level === 2) && [...l.text].length <= 60) this.sections.enter(level, l.text);
      else if (tasksSoFar === 0 && taskNumber(l.text) === undefined) this.preamble.push(l);
      else this.problems.push({ line: l.line, message: this.unfinished });
    }
  }

  /** Lines after the last task. */
  end(lines: TextLine[], tasksSoFar: number): void {
    if (tasksSoFar === 0) {
      this.between(lines, 0);
      return;
    }
    for (const l of lines) {
      const remark = /^(注|备注|说明)/.test(l.text);
      const paragraph = [...l.text].length >= 30 && !remark;
      if (taskNumber(l.text) !== undefined || paragraph) this.problems.push({ line: l.line, message: this.unfinished });
      else this.trailer.push(l);
    }
  }

  get title(): string | undefined {
    return pickTitle(this.preamble);
  }

  ignored(): IgnoredLine[] {
    const title = titleLine(this.preamble);
    return [...this.preamble.filter((l) => l !== title), ...this.trailer];
  }
  /**
   * Ends a paragraph-style list: the lines after the last task, then every problem found,
   * sorted by line, or the list. `notFound` says which style of writing was looked for.
   */
  finish(buffer: TextLine[], tasks: Task[], problems: Array<{ line: number; message: string }>, notFound: string, name?: string): TaskList {
    this.end(buffer, tasks.length);
    const all = [...problems, ...this.problems];
    if (tasks.length === 0 && all.length === 0) all.push({ line: 1, message: notFound });
    const seen = new Map<number, number>();
    for (const t of tasks) {
      if (seen.has(t.id)) all.push({ line: t.line, message: `序号 ${t.id} 重复（第 ${seen.get(t.id)} 行已有）。请改正其中一个。` });
      seen.set(t.id, t.line);
    }
    if (all.length > 0) throw new TaskListError(all.sort((a, b) => a.line - b.line));
    return { name: this.title ?? name ?? "任务清单", ...resolveListUnits(tasks), ignored: this.ignored() };
  }
}
