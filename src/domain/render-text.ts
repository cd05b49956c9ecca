import { deadlineWording } from "./deadline";
import { SECTION_SEPARATOR } from "./list-lines";
import { TaskList } from "./types";

const DEADLINE_COLUMN = "完成时限";

/**
 * The list as tab-separated text in the shape the parser reads (title, header, section
 * rows, one row per task with units joined by "、", extra columns after). Parsing it
 * gives the same list; a tracker keeps it to rebuild from.
 */
export function renderTaskListText(list: TaskList): string {
  const info = (list.infoColumns ?? []).filter((c) => c !== DEADLINE_COLUMN);
  const deadlineCell = (t: TaskList["tasks"][number]) => {
    const wording = deadlineWording(t.deadline);
    return t.info?.[DEADLINE_COLUMN] ?? (wording && !t.text.includes(wording) ? wording : "");
  };
  const withDeadline = list.tasks.some((t) => deadlineCell(t) !== "");
  const header = ["序号", "政策内容", "责任部门", ...(withDeadline ? [DEADLINE_COLUMN] : []), ...info];
  const lines = [list.name, "", header.join("\t")];
  let open: string[] = [];
  const flat = (s: string) => s.replace(/[\t\r\n]+/g, " ");
  for (const t of list.tasks) {
    if (t.section !== undefined) {
      // One heading per line, from the first that changed: a path on one line ("一、… / （一）…")
      // would come back as one heading with its spaces cleaned away.
      const parts = t.section.split(SECTION_SEPARATOR);
      let from = parts.findIndex((p, i) => p !== open[i]);
      if (from < 0 && parts.length < open.length) from = parts.length - 1;
      if (from >= 0) lines.push(...parts.slice(from).map(flat));
      open = parts;
    }
    const cells = [String(t.id), t.text, t.units.join("、"), ...(withDeadline ? [deadlineCell(t)] : []), ...info.map((c) => t.info?.[c] ?? "")];
    lines.push(cells.map(flat).join("\t"));
  }
  return lines.join("\n") + "\n";
}
