import { TaskList } from "./types";

/**
 * The coordinator's corrections to detected units: rename one, or merge one into another
 * (both are "this name → that name"). Applied after parsing, so they survive reloading
 * the same list; kept in the tracker's metadata so a rebuild applies them again.
 */
export type UnitOverrides = Readonly<Record<string, string>>;

/**
 * Follows chains (A → B, B → C) to the final name, ignoring cycles. A blank target (the saved
 * settings can be edited by hand) renames nothing: it must not drop the unit from its tasks.
 */
function resolve(name: string, overrides: UnitOverrides): string {
  const seen = new Set<string>();
  let current = name;
  while (overrides[current] !== undefined && overrides[current].trim() !== "" && overrides[current] !== current && !seen.has(current)) {
    seen.add(current);
    current = overrides[current];
  }
  return current;
}

export function applyUnitOverrides(list: TaskList, overrides: UnitOverrides): TaskList {
  if (Object.keys(overrides).length === 0) return list;
  const tasks = list.tasks.map((t) => ({ ...t, units: [...new Set(t.units.map((u) => resolve(u, overrides).trim()).filter(Boolean))] }));
  const units: string[] = [];
  for (const t of tasks) for (const u of t.units) if (!units.includes(u)) units.push(u);
  return { ...list, tasks, units };
}

export function parseOverrides(json: string | undefined): UnitOverrides {
  if (!json) return {};
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`跟踪表元数据中的单位改名/合并设置已损坏（${(e as Error).message}）。请在任务窗格中重新设置后重新生成。`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return {};
  return Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === "string"));
}
