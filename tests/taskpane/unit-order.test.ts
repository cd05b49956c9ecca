import type { UnitFigures } from "../../src/excel/dashboard";
import { sortUnits } from "../../src/taskpane/unit-order";
import { suggestStep } from "../../src/taskpane/next-step";
import type { TrackerStatus } from "../../src/excel/tracker-status";

const unit = (name: string, f: Partial<UnitFigures>): UnitFigures => ({
  unit: name,
  tasks: 4,
  done: 0,
  inProgress: 0,
  late: 0,
  notStarted: 0,
  standing: 0,
  notReported: 0,
  overdue: 0,
  dueSoon: 0,
  rate: 0,
  ...f,
});

const units = [
  unit("甲", { rate: 1, done: 4 }),
  unit("乙", { notReported: 3, rate: 0.25 }),
  unit("丙", { overdue: 2, notReported: 1, rate: 0.5 }),
  unit("丁", { notReported: 3, rate: 0 }),
];

describe("the order of units on the dashboard", () => {
  it("puts overdue, then unreported, then the lowest rate first", () => {
    expect(sortUnits(units, "attention").map((u) => u.unit)).toEqual(["丙", "丁", "乙", "甲"]);
  });
  it("sorts by rate, overdue or unreported, worst first", () => {
    expect(sortUnits(units, "rate").map((u) => u.unit)).toEqual(["丁", "乙", "丙", "甲"]);
    expect(sortUnits(units, "overdue").map((u) => u.unit)[0]).toBe("丙");
    expect(sortUnits(units, "notReported").map((u) => u.unit)).toEqual(["乙", "丁", "丙", "甲"]);
  });
});

describe("the step the pane suggests", () => {
  const status = (notReported: number[], history?: string): TrackerStatus => ({
    present: true,
    meta: { extra: history ? { history } : {} } as never,
    unitSheets: new Map(),
    figures: { stamp: "", overall: { 责任分工总数: 6 } as never, units: notReported.map((n, i) => unit(`单位${i}`, { notReported: n })) },
  });
  it("follows the month: list, send, collect, archive, then summary", () => {
    expect(suggestStep(undefined, "2026年11月")).toBe("list");
    expect(suggestStep({ present: false, sheetCount: 1 }, "2026年11月")).toBe("list");
    expect(suggestStep(status([3, 3]), "2026年11月")).toBe("send");
    expect(suggestStep(status([0, 3]), "2026年11月")).toBe("collect");
    expect(suggestStep(status([0, 0]), "2026年11月")).toBe("archive");
    expect(suggestStep(status([0, 0], JSON.stringify([["2026年11月", "2026-11-30", "(全部)"]])), "2026年11月")).toBe("summary");
  });
});
