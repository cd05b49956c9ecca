import { foldWidth } from "./punctuation";

/**
 * Headings of the parts of a plan, outermost first: 一、 / (一) / 1. / (1). A task falls
 * under every open heading; a new heading closes those at its level and below.
 */
export function sectionLevel(line: string): number | undefined {
  const f = foldWidth(line);
  if (/^第[一二三四五六七八九十百]+部分/.test(f) || /^[一二三四五六七八九十百]+[、.]/.test(f)) return 1;
  // "一)" is "(一)" that lost its opening bracket in copying.
  if (/^\(?[一二三四五六七八九十百]+\)/.test(f)) return 2;
  if (/^\d{1,3}[.、](?!\d)/.test(f)) return 3;
  if (/^\(\d{1,3}\)/.test(f)) return 4;
  return undefined;
}

/** Between the open headings of a task's section path. */
export const SECTION_SEPARATOR = " / ";

export class SectionPath {
  private open: Array<{ level: number; text: string }> = [];

  enter(level: number, text: string): void {
    this.open = [...this.open.filter((s) => s.level < level), { level, text }];
  }

  get current(): string | undefined {
    return this.open.length > 0 ? this.open.map((s) => s.text).join(SECTION_SEPARATOR) : undefined;
  }
}

/** 附件, 文号 (赣府办字〔2021〕5号), dates, page numbers, 抄送/印发 lines: never a title, never a task. */
export function isFormalityLine(line: string): boolean {
  const f = foldWidth(line).replace(/\s+/g, "");
  return (
    /^附件[\d一二三四五六七八九十]*:?$/.test(f) ||
    /[〔\[]\d{4}[〕\]]\d+号/.test(f) ||
    /^\d{4}年\d{1,2}月\d{1,2}日$/.test(f) ||
    /^[-—第]*\d+[-—页]*$/.test(f) ||
    /^(抄送|印发|主送|联系人|联系电话)/.test(f)
  );
}

/** "附件1：", "附件一：", "附件1 " or "附件：" before a title; a bare "附件" word (附件清单) stays. */
const ATTACHMENT_PREFIX = /^附件\s*(?:[\d一二三四五六七八九十]+\s*[:：]?|[:：])\s*/;

const TITLE_WORDS = /清单|分工|任务|方案|台账|计划|措施|要点|一览表/;

/**
 * The line holding the list's title among the lines above it: the nearest one that reads
 * like a title (a notice's own title and 附件 come before the table's title).
 */
export function titleLine<T extends { text: string }>(lines: readonly T[]): T | undefined {
  const candidates = lines.filter((l) => {
    const text = foldWidth(l.text.replace(ATTACHMENT_PREFIX, ""));
    return text !== "" && !isFormalityLine(text) && [...text].length <= 60 && !/[:。]$/.test(text) && !/^(注|说明|备注|\()/.test(text);
  });
  const titled = candidates.filter((l) => TITLE_WORDS.test(l.text));
  return titled[titled.length - 1] ?? candidates[candidates.length - 1];
}

/** The title itself ("附件1:某某清单" → "某某清单"). */
export function pickTitle(lines: ReadonlyArray<{ text: string }>): string | undefined {
  return titleLine(lines)?.text.replace(ATTACHMENT_PREFIX, "");
}
