import { ALL_UNITS, HistoryRow, PeriodSnapshot, parseHistory, snapshotOf, snapshotRows, upsertPeriod } from "../../src/domain";

/** One unit's figures at archive time; rate null when every task of the unit is a standing one. */
const unit = (name: string, tasks: number, done: number, standing: number, overdue: number) => ({
  unit: name,
  tasks,
  done,
  inProgress: tasks - done - standing,
  late: 0,
  notStarted: 0,
  standing,
  notReported: 0,
  overdue,
  rate: tasks - standing > 0 ? done / (tasks - standing) : null,
});

const month = (done: number): PeriodSnapshot => snapshotOf([unit("省教育厅", 4, done, 0, 1), unit("省财政厅", 2, 0, 2, 0)], done / 4);

/** 期间, 归档时间 and 单位 of each archived row: what tells the coordinator which month sits where. */
const periods = (h: readonly HistoryRow[]) => h.map((r) => r.slice(0, 3));

describe("archiving a month into 历次汇总", () => {
  it("writes the all-units row first, then one row per unit, with a blank 完成率 where nothing is countable", () => {
    expect(snapshotRows("2026年11月", "2026-11-30 17:00", month(3))).toEqual([
      ["2026年11月", "2026-11-30 17:00", ALL_UNITS, 6, 3, 1, 0, 0, 2, 0, 1, 0.75],
      ["2026年11月", "2026-11-30 17:00", "省教育厅", 4, 3, 1, 0, 0, 0, 0, 1, 0.75],
      // Every task of 省财政厅 is a standing one: no rate, and the cell stays empty (not 0).
      ["2026年11月", "2026-11-30 17:00", "省财政厅", 2, 0, 0, 0, 0, 2, 0, 0, ""],
    ]);
  });

  it("puts a new month after the months already archived", () => {
    const september = snapshotRows("2026年9月", "t9", month(1));
    const h = upsertPeriod(september, snapshotRows("2026年10月", "t10", month(2)));
    expect(periods(h)).toEqual([
      ["2026年9月", "t9", ALL_UNITS],
      ["2026年9月", "t9", "省教育厅"],
      ["2026年9月", "t9", "省财政厅"],
      ["2026年10月", "t10", ALL_UNITS],
      ["2026年10月", "t10", "省教育厅"],
      ["2026年10月", "t10", "省财政厅"],
    ]);
  });

  it("re-archiving a month in the middle replaces its rows where they were and keeps the months around it once", () => {
    let h: HistoryRow[] = [];
    h = upsertPeriod(h, snapshotRows("2026年9月", "t9", month(1)));
    h = upsertPeriod(h, snapshotRows("2026年10月", "t10", month(2)));
    h = upsertPeriod(h, snapshotRows("2026年11月", "t11", month(3)));
    // October archived again after a late return; a unit added since then gets its row too.
    const again = snapshotOf([unit("省教育厅", 4, 4, 0, 0), unit("省财政厅", 2, 0, 2, 0), unit("省科技厅", 1, 1, 0, 0)], 1);
    h = upsertPeriod(h, snapshotRows("2026年10月", "t10b", again));
    expect(periods(h)).toEqual([
      ["2026年9月", "t9", ALL_UNITS],
      ["2026年9月", "t9", "省教育厅"],
      ["2026年9月", "t9", "省财政厅"],
      ["2026年10月", "t10b", ALL_UNITS],
      ["2026年10月", "t10b", "省教育厅"],
      ["2026年10月", "t10b", "省财政厅"],
      ["2026年10月", "t10b", "省科技厅"],
      ["2026年11月", "t11", ALL_UNITS],
      ["2026年11月", "t11", "省教育厅"],
      ["2026年11月", "t11", "省财政厅"],
    ]);
    expect(h[3].slice(3, 5)).toEqual([7, 5]);
  });

  it("archiving no rows leaves the history as it was", () => {
    const h = snapshotRows("2026年9月", "t9", month(1));
    expect(upsertPeriod(h, [])).toEqual(h);
  });
});

describe("历次汇总 read back from the tracker's metadata", () => {
  it("refuses history that is valid JSON but not a list of rows, rather than archiving over it", () => {
    for (const json of ['{"2026年10月":[]}', '"2026年10月"', "42"]) {
      expect(() => parseHistory(json)).toThrow("跟踪表元数据中的“历次汇总”格式不对，为免丢失历史，未作修改。");
    }
  });

  it("keeps well-formed archived rows and refuses an entry that is not a row, naming it", () => {
    const good = [
      ["2026年10月", "t10", ALL_UNITS, 6, 3, ""],
      ["2026年11月", "t11", ALL_UNITS, 6, 4, 0.5],
    ];
    expect(parseHistory(JSON.stringify(good))).toEqual(good);
    const cases: Array<[unknown, number]> = [
      ["2026年11月", 2],
      [null, 2],
      [7, 2],
      [{ 期间: "x" }, 2],
      [["2026年11月", null], 2],
      [["2026年11月", { x: 1 }], 2],
    ];
    for (const [entry, position] of cases) {
      const json = JSON.stringify([good[0], entry, good[1]]);
      expect(() => parseHistory(json)).toThrow(`跟踪表元数据中的“历次汇总”第 ${position} 条不是有效的汇总行，为免丢失历史，未作修改。请使用备份或联系维护人员。`);
    }
    expect(() => parseHistory(JSON.stringify([...good, "x"]))).toThrow("第 3 条");
    expect(() => parseHistory(JSON.stringify([null, ...good]))).toThrow("第 1 条");
  });
});
