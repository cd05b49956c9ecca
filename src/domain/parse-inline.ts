import { extractDeadline } from "./deadline";
import { TaskListError } from "./task-list-error";
import { cleanCellText } from "./text-cleanup";
import { Task, TaskList } from "./types";
import { UNIT_ALIASES } from "./unit-aliases";
import { splitUnits } from "./units";

/**
 * The style of policy documents: "任务文本。(省教育厅牵头,省财政厅等按职责分工负责)".
 * The bracket at the end names the units; "牵头" marks the lead(s), the rest support.
 */
const NUMBER = /^[((]?(\d{1,4})[))]?[.、.]\s*/;
const SECTION = /^(?:[一二三四五六七八九十]+、|[((][一二三四五六七八九十]+[))])/;
const RESPONSIBILITY = /牵头|负责|配合/;

/** Splits "text(clause)" at the last top-level bracket, which may itself hold brackets. */
function splitTrailingClause(line: string): { body: string; clause: string } | undefined {
  const trimmed = line.replace(/[。.;;]$/, "");
  if (!/[))]$/.test(trimmed)) return undefined;
  let depth = 0;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    const ch = trimmed[i];
    if (ch === ")" || ch === ")") depth++;
    else if (ch === "(" || ch === "(") {
      depth--;
      if (depth === 0) {
        const clause = trimmed.slice(i + 1, -1);
        const body = trimmed.slice(0, i).trim();
        return body && RESPONSIBILITY.test(clause) ? { body, clause } : undefined;
      }
    }
  }
  return undefined;
}
const ROLE_WORDS = /(?:按职责分工负责|按职责负责|分别负责|共同负责|负责|配合|参与|落实)$/;

export function looksInline(text: string): boolean {
  const lines = text.split(/\r?\n/).map((l) => cleanCellText(l)).filter(Boolean);
  return lines.length > 0 && !text.includes("\t") && lines.filter((l) => splitTrailingClause(l)).length >= Math.max(1, Math.ceil(lines.length / 2));
}

function unitsOf(clause: string, aliases: Readonly<Record<string, string>>): string[] {
  const [leadPart, ...rest] = clause.split("牵头");
  const leads = rest.length > 0 ? splitUnits(leadPart, aliases) : [];
  const others = (rest.length > 0 ? rest.join("牵头") : leadPart)
    .split(/[,,;;]/)
    .map((p) => p.trim().replace(ROLE_WORDS, "").replace(ROLE_WORDS, ""))
    .flatMap((p) => splitUnits(p, aliases));
  return [...new Set([...leads, ...others])];
}

/**
 * Parses a list written as paragraphs, one task each, numbered or not. A paragraph with no
 * responsibility bracket is an error naming its line (a task must have units).
 */
export function parseInlineTaskList(text: string, options: { name?: string; aliases?: Readonly<Record<string, string>> } = {}): TaskList {
  const aliases = options.aliases ?? UNIT_ALIASES;
  const tasks: Task[] = [];
  const problems: Array<{ line: number; message: string }> = [];
  let title: string | undefined;
  let section: string | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = cleanCellText(raw);
    if (!line) return;
    const found = splitTrailingClause(line);
    if (!found) {
      if (SECTION.test(line) && line.length <= 60) section = line;
      else if (tasks.length === 0 && title === undefined && line.length <= 40) title = line;
      else problems.push({ line: i + 1, message: "这一段末尾没有“(某某牵头,某某按职责分工负责)”,无法确定责任单位。" });
      return;
    }
    const units = unitsOf(found.clause, aliases);
    if (units.length === 0) {
      problems.push({ line: i + 1, message: "括号中没有识别出责任单位。" });
      return;
    }
    const number = NUMBER.exec(found.body);
    const body = found.body.replace(NUMBER, "").replace(/[。;;]$/, "").trim();
    tasks.push({
      id: number ? Number(number[1]) : tasks.length + 1,
      text: body,
      units,
      unitsText: found.clause,
      deadline: extractDeadline(body),
      section,
      line: i + 1,
    });
  });
  if (tasks.length === 0 && problems.length === 0) problems.push({ line: 1, message: "没有找到“任务文本(某某牵头……)”形式的任务。" });
  if (problems.length > 0) throw new TaskListError(problems);
  const units: string[] = [];
  for (const t of tasks) for (const u of t.units) if (!units.includes(u)) units.push(u);
  return { name: title ?? options.name ?? "任务清单", tasks, units };
}
