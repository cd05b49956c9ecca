import { SectionPath, isFormalityLine, pickTitle, sectionLevel, titleLine } from "./list-lines";
import { foldWidth } from "./punctuation";
import { cleanCellText } from "./text-cleanup";
import { IgnoredLine } from "./types";

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

/**
 * A line copied from a PDF or web page breaks a paragraph where the page ended, so a long
 * line without a closing mark continues into the next one. Short lines (titles, 附件,
 * 文号) and lines ending in ":" introduce rather than continue.
 */
function continues(l: TextLine): boolean {
  return [...l.text].length >= 16 && !/[:]$/.test(foldWidth(l.text)) && !isFormalityLine(l.text) && sectionLevel(l.text) !== 1 && sectionLevel(l.text) !== 2;
}

/**
 * Splits the lines gathered before a task's closing line into what belongs to the task
 * and what came before it: from the last numbered line if the list is numbered, else the
 * run of long lines just above.
 */
export function splitTaskStart(buffer: TextLine[], closing: string): { before: TextLine[]; task: TextLine[] } {
  if (taskNumber(closing) !== undefined) return { before: buffer, task: [] };
  for (let i = buffer.length - 1; i >= 0; i--) {
    if (taskNumber(buffer[i].text) !== undefined) return { before: buffer.slice(0, i), task: buffer.slice(i) };
  }
  let start = buffer.length;
  while (start > 0 && continues(buffer[start - 1])) start--;
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
}
