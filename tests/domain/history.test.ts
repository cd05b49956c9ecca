import { ALL_UNITS, HistoryRow, parseHistory, snapshotRows, trendRows, upsertPeriod } from "../../src/domain";

const snap = (done: number) => ({
  overall: { tasks: 10, done, inProgress: 1, late: 0, notStarted: 0, standing: 0, notReported: 9 - done, overdue: 2, rate: done / 10 },
  units: [{ unit: "甲", tasks: 10, done, inProgress: 1, late: 0, notStarted: 0, standing: 0, notReported: 9 - done, overdue: 2, rate: done / 10 }],
});

describe("reporting periods", () => {
  it("appends a new period and replaces an archived one in place", () => {
    let h: HistoryRow[] = [];
    h = upsertPeriod(h, snapshotRows("2026年10月", "t1", snap(1)));
    h = upsertPeriod(h, snapshotRows("2026年11月", "t2", snap(3)));
    h = upsertPeriod(h, snapshotRows("2026年10月", "t3", snap(2)));
    expect(h.map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      ["2026年10月", "t3", ALL_UNITS, 2],
      ["2026年10月", "t3", "甲", 2],
      ["2026年11月", "t2", ALL_UNITS, 3],
      ["2026年11月", "t2", "甲", 3],
    ]);
  });

  it("gives the overall trend, oldest first, at most 12 periods", () => {
    let h: HistoryRow[] = [];
    for (let m = 1; m <= 14; m++) h = upsertPeriod(h, snapshotRows(`P${m}`, "t", snap(m % 10)));
    const trend = trendRows(h);
    expect(trend).toHaveLength(12);
    expect(trend[0]).toEqual(["P3", 0.3, 2]);
    expect(trend[11][0]).toBe("P14");
  });
});

describe("history kept in the metadata", () => {
  it("refuses damaged history instead of treating it as empty (archiving over it would lose it)", () => {
    expect(parseHistory(undefined)).toBeUndefined();
    expect(parseHistory('[["2026年10月","t","(全部)",1]]')).toHaveLength(1);
    expect(() => parseHistory("[broken")).toThrow("历次汇总”已损坏");
  });
});
