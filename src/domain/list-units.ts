import { bracketsBalanced, unitKey } from "./punctuation";
import { Task, TaskList, UnitFlag, UnitSuggestion } from "./types";
import { UNIT_ALIASES, UNIT_SUGGESTIONS } from "./unit-aliases";

/** Longer than any unit name in published lists; longer usually means units ran together. */
export const MAX_UNIT_NAME = 20;

/** Why a unit name looks like a fragment of a clause rather than a unit, if it does. */
export function suspiciousUnitReason(name: string): string | undefined {
  if (/^[\p{P}\p{S}\s]*$/u.test(name)) return "只有标点符号，不是单位名称";
  if (!bracketsBalanced(name)) return "括号不成对，可能是被错误拆开的单位名称（如“县（市”）";
  const tail = /(等|牵头|负责|配合)$/.exec(name);
  if (tail) return `以“${tail[1]}”结尾，可能没有和分工说明分开`;
  if ([...name].length > MAX_UNIT_NAME) return `名称过长（${[...name].length} 字），可能是几个单位没有分开`;
  return undefined;
}

/**
 * Decides the list's units: spellings with one key are one unit (the first spelling is
 * shown); a built-in alias merges two spellings only when both occur in this list, and is
 * otherwise suggested; suspicious names are flagged with the first line they occur on.
 */
export function resolveListUnits(tasks: Task[]): Pick<TaskList, "tasks" | "units" | "flagged" | "suggestions"> {
  const firstSpelling = new Map<string, string>();
  const firstLine = new Map<string, number>();
  for (const t of tasks) {
    for (const u of t.units) {
      const k = unitKey(u);
      if (!firstSpelling.has(k)) {
        firstSpelling.set(k, u);
        firstLine.set(k, t.line);
      }
    }
  }
  const aliasTarget = new Map(Object.entries(UNIT_ALIASES).map(([from, to]) => [unitKey(from), unitKey(to)]));
  const groups = new Map<string, string[]>();
  for (const k of firstSpelling.keys()) {
    const group = aliasTarget.get(k) ?? k;
    groups.set(group, [...(groups.get(group) ?? []), k]);
  }
  const mapTo = new Map<string, string>();
  const suggestions: UnitSuggestion[] = [];
  for (const [target, members] of groups) {
    if (members.length > 1) {
      const into = members.includes(target) ? target : members[0];
      for (const m of members) mapTo.set(m, into);
    } else if (members[0] !== target) {
      suggestions.push({ unit: firstSpelling.get(members[0])!, target: UNIT_ALIASES[Object.keys(UNIT_ALIASES).find((a) => unitKey(a) === members[0])!] });
    }
  }
  for (const [from, to] of Object.entries(UNIT_SUGGESTIONS)) {
    const present = firstSpelling.get(unitKey(from));
    if (present) suggestions.push({ unit: present, target: to });
  }
  const display = (name: string) => {
    const k = unitKey(name);
    return firstSpelling.get(mapTo.get(k) ?? k)!;
  };
  const resolved = tasks.map((t) => ({ ...t, units: dedupe(t.units.map(display)) }));
  const units = dedupe(resolved.flatMap((t) => t.units));
  const flagged: UnitFlag[] = [];
  for (const u of units) {
    const reason = suspiciousUnitReason(u);
    if (reason) flagged.push({ unit: u, line: firstLine.get(unitKey(u)) ?? 0, reason });
  }
  return { tasks: resolved, units, flagged, suggestions };
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => !seen.has(n) && (seen.add(n), true));
}

/** The list's problems that must stop an unattended build (the CLI), each with its line. */
export function unitProblems(list: TaskList): Array<{ line?: number; message: string }> {
  return (list.flagged ?? []).map((f) => ({
    line: f.line || undefined,
    message: `责任单位“${f.unit}”${f.reason}。请在清单中改正这一行的责任单位后重试。`,
  }));
}

/**
 * The guard at the workbook boundary: a unit sheet must never be made for a name with
 * unbalanced brackets, whatever path the list took (pane renames included).
 */
export function assertSheetSafeUnits(units: readonly string[]): void {
  const bad = units.filter((u) => !bracketsBalanced(u) || !u.trim());
  if (bad.length > 0) {
    throw new Error(`责任单位名称不完整：${bad.map((u) => `“${u}”`).join("、")}（括号不成对或为空）。请在任务清单或预览中改正单位名称后重新生成。`);
  }
}
