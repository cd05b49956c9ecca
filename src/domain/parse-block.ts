import { extractDeadline } from "./deadline";
import { NonTaskLines, TextLine, joinLines, splitTaskStart, stripTaskNumber, taskNumber, textLines } from "./paragraphs";
import { foldWidth } from "./punctuation";
import { Task, TaskList } from "./types";
import { splitUnits } from "./units";

/**
 * The block style: a numbered paragraph, then one line per field —
 * "牵头单位:…" "责任单位:…" "配合单位:…" "完成时限:…" (either colon width).
 */
const FIELD = /^(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|完成时限|时间节点|完成时间|牵头领导|责任领导|分管领导|备注)\s*:\s*/;
const LEAD_FIELDS = ["牵头单位", "牵头部门"];
const UNIT_FIELDS = ["责任单位", "责任部门"];
const SUPPORT_FIELDS = ["配合单位", "配合部门", "协办单位", "参与单位"];
const DEADLINE_FIELDS = ["完成时限", "时间节点", "完成时间"];
const UNFINISHED = "这一段后面没有“牵头单位：…”或“责任单位：…”一行，无法确定责任单位。";

function field(text: string): { name: string; value: string } | undefined {
  const m = FIELD.exec(foldWidth(text));
  return m ? { name: m[1], value: text.slice(m[0].length).trim() } : undefined;
}

export function looksBlock(text: string): boolean {
  return !text.includes("\t") && textLines(text).some((l) => { const f = field(l.text); return f !== undefined && [...LEAD_FIELDS, ...UNIT_FIELDS].includes(f.name); });
}

interface Open {
  lines: TextLine[];
  fields: Array<{ name: string; value: string; line: number }>;
}

export function parseBlockTaskList(text: string, options: { name?: string; aliases?: Readonly<Record<string, string>> } = {}): TaskList {
  const tasks: Task[] = [];
  const problems: Array<{ line: number; message: string }> = [];
  const other = new NonTaskLines(UNFINISHED);
  const infoColumns: string[] = [];
  let buffer: TextLine[] = [];
  let open: Open | undefined;

  const close = () => {
    if (!open) return;
    const { lines, fields } = open;
    open = undefined;
    const values = (names: string[]) => fields.filter((f) => names.includes(f.name)).map((f) => f.value);
    const unitsText = [...values(LEAD_FIELDS), ...values(UNIT_FIELDS), ...values(SUPPORT_FIELDS)].filter(Boolean).join("、");
    const units = splitUnits(unitsText, options.aliases);
    const line = lines[0].line;
    if (units.length === 0) {
      // Point at the empty unit line itself, where the user has to type.
      const empty = fields.find((f) => [...LEAD_FIELDS, ...UNIT_FIELDS, ...SUPPORT_FIELDS].includes(f.name));
      problems.push({ line: empty?.line ?? line, message: "“牵头单位/责任单位”一行是空的。请填写至少一个责任单位。" });
      return;
    }
    const number = taskNumber(lines[0].text);
    const body = joinLines([stripTaskNumber(lines[0].text), ...lines.slice(1).map((l) => l.text)]).replace(/[。.;；]$/, "");
    const deadlineText = values(DEADLINE_FIELDS)[0] ?? "";
    const fromField = extractDeadline(deadlineText);
    const info: Record<string, string> = {};
    for (const f of fields) {
      if ([...LEAD_FIELDS, ...UNIT_FIELDS, ...SUPPORT_FIELDS].includes(f.name)) continue;
      if (DEADLINE_FIELDS.includes(f.name) && fromField.kind !== "none") continue;
      const name = DEADLINE_FIELDS.includes(f.name) ? "完成时限" : f.name;
      info[name] = f.value;
      if (!infoColumns.includes(name)) infoColumns.push(name);
    }
    tasks.push({
      id: number ?? tasks.length + 1,
      text: body,
      units,
      unitsText,
      deadline: fromField.kind !== "none" ? fromField : extractDeadline(body),
      section: other.sections.current,
      line,
      ...(Object.keys(info).length > 0 ? { info } : {}),
    });
  };

  for (const l of textLines(text)) {
    const f = field(l.text);
    if (f) {
      if (!open) {
        const { before, task } = splitTaskStart(buffer, "", true);
        other.between(before, tasks.length);
        buffer = [];
        if (task.length === 0) {
          problems.push({ line: l.line, message: `“${f.name}”之前没有任务文本。` });
          continue;
        }
        open = { lines: task, fields: [] };
      }
      open.fields.push({ ...f, line: l.line });
      continue;
    }
    close();
    buffer.push(l);
  }
  close();
  const list = other.finish(buffer, tasks, problems, "没有找到“任务文本”加“牵头单位：…”形式的任务。", options.name);
  return infoColumns.length > 0 ? { ...list, infoColumns } : list;
}
