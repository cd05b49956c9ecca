import { EMPTY_REPORT, mergeReturns, reportKey } from "../../src/domain";
import { mergeLogRows } from "../../src/domain/merge-log";
import { ReturnedReport } from "../../src/domain/merge";
import { PRESETS } from "../../src/domain/vocabulary";

const master = new Map([
  [reportKey(1, "甲"), { ...EMPTY_REPORT, progress: "旧进展" }],
  [reportKey(2, "甲"), { ...EMPTY_REPORT }],
]);

describe("合并记录 rows", () => {
  it("list every field written (序号 × unit × field, old → new) and summarise rejections per file and cause", () => {
    const reports = new Map<string, ReturnedReport>([
      [reportKey(1, "甲"), { report: { ...EMPTY_REPORT, status: "已完成", progress: "新进展" } }],
      [reportKey(2, "甲"), { report: { ...EMPTY_REPORT }, refused: { problems: "“存在问题”是公式(=A1),未读取;请填写文字。" } }],
    ]);
    // 10,000 junk rows whose 序号 are not the unit's tasks.
    for (let id = 1000; id < 11_000; id++) reports.set(reportKey(id, "甲"), { report: { ...EMPTY_REPORT, status: "已完成" } });
    const baseline = new Map([[reportKey(1, "甲"), { ...EMPTY_REPORT, progress: "旧进展" }]]);
    const outcome = mergeReturns(master, [{ source: "甲.xlsx", unit: "甲", reports, baseline }]);
    const rows = mergeLogRows(outcome, "T", () => "甲");
    expect(rows.filter((r) => r[3] === "更新").map((r) => r.slice(8, 12))).toEqual([
      [1, "完成状态", "", "已完成"],
      [1, "本期进展情况", "旧进展", "新进展"],
    ]);
    const rejected = rows.filter((r) => r[3] === "拒收");
    expect(rejected).toHaveLength(2);
    expect(rejected[0].slice(7, 10)).toEqual([1, 2, "存在问题"]);
    expect(rejected[1][7]).toBe(10_000);
    expect(String(rejected[1][8])).toMatch(/^1000、1001、.*等 10000 个$/);
    expect(String(rejected[1][12])).toContain("共 10000 项，例如：序号 1000 不是“甲”在跟踪表中的任务");
    expect(rows).toHaveLength(1 + 2 + 2);
  });

  it("name each field as the tracker's sheets head it (完成情况 in a schedule-preset tracker)", () => {
    const reports = new Map<string, ReturnedReport>([
      [reportKey(1, "甲"), { report: { ...EMPTY_REPORT, progress: "新进展" } }],
      [reportKey(2, "甲"), { report: { ...EMPTY_REPORT }, refused: { problems: "“存在困难”是公式(=A1),未读取;请填写文字。" } }],
    ]);
    const outcome = mergeReturns(master, [{ source: "甲.xlsx", unit: "甲", reports, baseline: new Map([[reportKey(1, "甲"), { ...EMPTY_REPORT, progress: "旧进展" }]]) }]);
    const rows = mergeLogRows(outcome, "T", () => "甲", PRESETS.schedule);
    expect(rows.filter((r) => r[3] === "更新").map((r) => r[9])).toEqual(["完成情况"]);
    expect(rows.filter((r) => r[3] === "拒收").map((r) => r[9])).toEqual(["存在困难"]);
  });
});
