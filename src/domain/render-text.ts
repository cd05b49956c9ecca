import { TaskList } from "./types";

/**
 * The list as tab-separated text in the shape the parser reads (title, header, section
 * rows, one row per task with units joined by "、"). Parsing it gives the same list.
 */
export function renderTaskListText(list: TaskList): string {
  const lines = [list.name, "", "序号\t政策内容\t责任部门"];
  let section: string | undefined;
  for (const t of list.tasks) {
    if (t.section !== section && t.section !== undefined) lines.push(t.section);
    section = t.section;
    lines.push(`${t.id}\t${t.text}\t${t.units.join("、")}`);
  }
  return lines.join("\n") + "\n";
}
