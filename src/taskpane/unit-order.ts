import type { UnitFigures } from "../excel/dashboard";

export type UnitSort = "attention" | "rate" | "overdue" | "notReported" | "unit";

/**
 * Units needing attention first: overdue, then unreported, then the lowest rate. The other
 * orders put the worst first too (lowest rate, most overdue, most unreported).
 */
export function sortUnits(units: readonly UnitFigures[], by: UnitSort): UnitFigures[] {
  const rate = (u: UnitFigures) => u.rate ?? -1;
  const byName = (a: UnitFigures, b: UnitFigures) => a.unit.localeCompare(b.unit, "zh-CN");
  const order: Record<UnitSort, (a: UnitFigures, b: UnitFigures) => number> = {
    attention: (a, b) => b.overdue - a.overdue || b.notReported - a.notReported || rate(a) - rate(b),
    rate: (a, b) => rate(a) - rate(b) || b.overdue - a.overdue,
    overdue: (a, b) => b.overdue - a.overdue || b.notReported - a.notReported,
    notReported: (a, b) => b.notReported - a.notReported || b.overdue - a.overdue,
    unit: byName,
  };
  // Ties keep the summary's own order (the list's order of units).
  return units.map((u, i) => [u, i] as const).sort(([a, i], [b, j]) => order[by](a, b) || i - j).map(([u]) => u);
}
