import { extractDeadline } from "./deadline";
import { NonTaskLines, TextLine, chineseTaskNumber, joinLines, joinOpenBrackets, splitTaskStart, stripTaskNumber, taskNumber, textLines } from "./paragraphs";
import { foldWidth } from "./punctuation";
import { Task, TaskList } from "./types";
import { splitUnits } from "./units";

/**
 * The style of policy documents: "任务文本。(省教育厅牵头,省财政厅等按职责分工负责)",
 * brackets and commas in either width, the bracket on the paragraph's last line or on a
 * line of its own. "牵头" marks the lead(s); the rest support.
 */
const RESPONSIBILITY = /牵头|负责|配合|参与|落实|承担|协助/;
const ROLE_WORDS = /(?:按职责分工负责|按职责分工落实|按职责负责|分别负责|共同负责|负责落实|负责|配合|参与|协助|落实|承担)$/;
const UNFINISHED = "这一段末尾没有“（某某牵头，某某按职责分工负责）”，无法确定责任单位。请补上，或与上一段/下一段合并。";

/** Splits "text(clause)" at the last top-level bracket, which may itself hold brackets. */
export function splitTrailingClause(line: string): { body: string; clause: string } | undefined {
  const folded = foldWidth(line).replace(/[。.;]+$/, "");
  if (!folded.endsWith(")")) return undefined;
  let depth = 0;
  for (let i = folded.length - 1; i >= 0; i--) {
    const ch = folded[i];
    if (ch === ")") depth++;
    else if (ch === "(") {
      depth--;
      if (depth === 0) {
        const clause = line.slice(i + 1, folded.length - 1);
        const body = line.slice(0, i).trim();
        return RESPONSIBILITY.test(clause) ? { body, clause } : undefined;
      }
    }
  }
  return undefined;
}

export function looksInline(text: string): boolean {
  const lines = joinOpenBrackets(textLines(text));
  const closing = lines.filter((l) => splitTrailingClause(l.text)).length;
  return !text.includes("\t") && closing > 0 && closing >= lines.length / 4;
}

function unitsOf(clause: string, aliases?: Readonly<Record<string, string>>): string[] {
  const text = clause.replace(/^由/, "");
  const [leadPart, ...rest] = text.split("牵头");
  const leads = rest.length > 0 ? splitUnits(leadPart, aliases) : [];
  const others = (rest.length > 0 ? rest.join("牵头") : leadPart)
    .split(/[,，;；]/)
    .map((p) => p.trim().replace(ROLE_WORDS, "").replace(ROLE_WORDS, ""))
    .flatMap((p) => splitUnits(p, aliases));
  const seen = new Set<string>();
  return [...leads, ...others].filter((u) => !seen.has(u) && (seen.add(u), true));
}

/**
 * Parses a list written as paragraphs, one task each, numbered or not, possibly broken
 * across lines. A paragraph that never reaches a responsibility bracket is an error naming
 * its line (a task must have units); titles above and signatures below are ignored lines.
 */
export function parseInlineTaskList(text: string, options: { name?: string; aliases?: Readonly<Record<string, string>> } = {}): TaskList {
  const tasks: Task[] = [];
  const problems: Array<{ line: number; message: string }> = [];
  const other = new NonTaskLines(UNFINISHED);
  let buffer: TextLine[] = [];
  for (const l of joinOpenBrackets(textLines(text))) {
    const found = splitTrailingClause(l.text);
    if (!found) {
      buffer.push(l);
      continue;
    }
    // A bracket on a line of its own closes the paragraph just above it.
    const { before, task } = splitTaskStart(buffer, found.body || l.text, found.body === "");
    other.between(before, tasks.length);
    buffer = [];
    const parts = [...task.map((t) => t.text), found.body].filter(Boolean);
    const first = task[0] ?? l;
    const units = unitsOf(found.clause, options.aliases);
    if (parts.length === 0) {
      problems.push({ line: l.line, message: "括号前没有任务文本。" });
      continue;
    }
    if (units.length === 0) {
      problems.push({ line: l.line, message: "括号中没有识别出责任单位。" });
      continue;
    }
    const chinese = chineseTaskNumber(parts[0]);
    const number = taskNumber(parts[0]) ?? chinese?.id;
    const head = chinese ? chinese.rest : stripTaskNumber(parts[0]);
    const body = joinLines([head, ...parts.slice(1)]).replace(/[。.;；]$/, "");
    tasks.push({
      id: number ?? tasks.length + 1,
      text: body,
      units,
      unitsText: found.clause,
      deadline: extractDeadline(body),
      section: other.sections.current,
      line: first.line,
    });
  }
  return other.finish(buffer, tasks, problems, "没有找到“任务文本（某某牵头……）”形式的任务。", options.name);
}
