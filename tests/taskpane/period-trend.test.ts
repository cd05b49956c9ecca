import { ALL_UNITS, HistoryRow } from "../../src/domain/history";
import { periodTrend } from "../../src/taskpane/period-trend";

const overall = (period: string, rate: number | string, overdue: number): HistoryRow => [period, "2026-01-31 10:00", ALL_UNITS, 10, 0, 0, 0, 0, 0, 0, overdue, rate];
const unitRow = (period: string): HistoryRow => [period, "x", "省教育厅", 3, 1, 0, 0, 0, 0, 0, 9, 0.9];

describe("the archived periods' trend in the pane", () => {
  it("lists each archived period's overall rate and overdue count, oldest first, with the change in percentage points", () => {
    const history = [overall("2026年1月", 0.2, 5), unitRow("2026年1月"), overall("2026年2月", 0.35, 3), overall("2026年3月", 0.3, 4)];
    expect(periodTrend(history)).toEqual([
      { period: "2026年1月", rate: 0.2, overdue: 5, change: null, current: false },
      { period: "2026年2月", rate: 0.35, overdue: 3, change: 15, current: false },
      { period: "2026年3月", rate: 0.3, overdue: 4, change: -5, current: false },
    ]);
  });

  it("adds the current figures after the archived ones, unless they are the last period's", () => {
    const history = [overall("2026年1月", 0.2, 5)];
    expect(periodTrend(history, { rate: 0.456, overdue: 2 }).at(-1)).toEqual({ period: "", rate: 0.456, overdue: 2, change: 25.6, current: true });
    expect(periodTrend(history, { rate: 0.2, overdue: 5 })).toHaveLength(1);
    // Nothing archived yet: no trend to show.
    expect(periodTrend([], { rate: 0.5, overdue: 0 })).toEqual([]);
  });

  it("shows a period without a rate as such, and no change next to it", () => {
    expect(periodTrend([overall("2026年1月", "", 0), overall("2026年2月", 0.1, 0)]).map((p) => [p.rate, p.change])).toEqual([[null, null], [0.1, null]]);
  });

  it("keeps the last 12 periods", () => {
    const history = Array.from({ length: 15 }, (_, i) => overall(`P${i + 1}`, i / 20, 0));
    expect(periodTrend(history).map((p) => p.period)).toEqual(Array.from({ length: 12 }, (_, i) => `P${i + 4}`));
  });
});
