import { EMPTY_REPORT, Report, ReturnedFile, mergeReturns, reportKey } from "../../src/domain";
import type { ReturnedReport } from "../../src/domain/merge";

const r = (fields: Partial<Report>): Report => ({ ...EMPTY_REPORT, ...fields });
const ret = (report: Report, extra: Partial<ReturnedReport> = {}): ReturnedReport => ({ report, ...extra });

describe("mergeReturns: what each file's outcome lists", () => {
  it("a rejected status with a baseline keeps the master's status (the unreadable cell is not a clear)", () => {
    const key = reportKey(1, "甲");
    const master = new Map([[key, r({ status: "推进中", progress: "旧" })]]);
    const file: ReturnedFile = {
      source: "甲.xlsx",
      unit: "甲",
      baseline: new Map([[key, r({ status: "推进中", progress: "旧" })]]),
      reports: new Map([[key, ret(r({ status: "", progress: "新" }), { rejectedStatus: "差不多了" })]]),
    };
    const out = mergeReturns(master, [file]);
    expect(out.reports.get(key)).toEqual(r({ status: "推进中", progress: "新" }));
    expect(out.files[0].rejected).toEqual([{ key, field: "status", kind: "完成状态无效", reason: "完成状态“差不多了”不在下拉列表中，未写入该状态。" }]);
    expect(out.files[0].changes).toEqual([{ key, field: "progress", from: "旧", to: "新" }]);
  });

  it("a refused field keeps the master's value and is logged under its cause", () => {
    const key = reportKey(2, "甲");
    const master = new Map([[key, r({ status: "推进中", evidence: "文件", reportDate: "2026-01-01" })]]);
    const file: ReturnedFile = {
      source: "甲.xlsx",
      baseline: new Map([[key, r({ status: "推进中", evidence: "文件", reportDate: "2026-01-01" })]]),
      reports: new Map([
        [
          key,
          ret(r({ status: "已完成", evidence: "", reportDate: "" }), {
            refused: { evidence: "佐证材料是公式,未读取。", reportDate: "填报日期不是有效日期。" },
          }),
        ],
      ]),
    };
    const out = mergeReturns(master, [file]);
    expect(out.reports.get(key)).toEqual(r({ status: "已完成", evidence: "文件", reportDate: "2026-01-01" }));
    expect(out.files[0].rejected.map((x) => [x.field, x.kind])).toEqual([
      ["evidence", "佐证材料是公式"],
      ["reportDate", "填报日期不是有效日期"],
    ]);
  });

  it.each([
    ["超过上限 32767 个字符", "本期进展情况超长"],
    ["找不到“存在问题”列", "本期进展情况列缺失"],
    ["单元格无法读取", "本期进展情况无法读取"],
  ])("refusal %s is summarised as %s", (reason, kind) => {
    const key = reportKey(1, "甲");
    const out = mergeReturns(new Map([[key, r({})]]), [{ source: "f", reports: new Map([[key, ret(r({}), { refused: { progress: reason } })]]) }]);
    expect(out.files[0].rejected).toEqual([{ key, field: "progress", kind, reason }]);
  });

  it("lists unchanged keys, and updated / conflicts / rejections in unit then 序号 order, whatever the file's order", () => {
    const k = (id: number, unit: string) => reportKey(id, unit);
    const master = new Map([
      [k(1, "乙"), r({ status: "推进中" })],
      [k(2, "乙"), r({ status: "推进中" })],
      [k(10, "乙"), r({ status: "滞后" })],
      [k(1, "甲"), r({})],
      [k(3, "甲"), r({ progress: "主表改过" })],
      [k(12, "甲"), r({})],
    ]);
    const baseline = new Map([...master].map(([key]) => [key, r({})]));
    baseline.set(k(1, "乙"), r({ status: "推进中" }));
    baseline.set(k(2, "乙"), r({ status: "推进中" }));
    baseline.set(k(10, "乙"), r({ status: "推进中" }));
    const file: ReturnedFile = {
      source: "全部.xlsx",
      baseline,
      reports: new Map([
        [k(12, "甲"), ret(r({ status: "已完成" }))],
        [k(10, "乙"), ret(r({ status: "已完成" }))],
        [k(99, "甲"), ret(r({ status: "已完成" }))],
        [k(3, "甲"), ret(r({ progress: "填报表改过" }))],
        [k(2, "乙"), ret(r({ status: "推进中" }))],
        [k(1, "甲"), ret(r({ status: "推进中" }))],
        [k(7, "丙"), ret(r({ status: "已完成" }))],
        [k(1, "乙"), ret(r({ status: "推进中" }), { refusedRow: "序号 1 出现两次且内容不同,整行未写入。" })],
      ]),
    };
    const [out] = mergeReturns(master, [file]).files;
    expect(out.source).toBe("全部.xlsx");
    // keys compare by unit (code point order: 丙 U+4E19 < 乙 U+4E59 < 甲 U+7532) then by 序号 as a number
    expect(out.updated).toEqual([k(1, "甲"), k(12, "甲")]);
    expect(out.unchanged).toEqual([k(2, "乙"), k(10, "乙"), k(3, "甲")]);
    expect(out.conflicts).toEqual([
      { key: k(10, "乙"), field: "status", master: "滞后", returned: "已完成", baseline: "推进中" },
      { key: k(3, "甲"), field: "progress", master: "主表改过", returned: "填报表改过", baseline: "" },
    ]);
    expect(out.rejected.map((x) => [x.key, x.kind])).toEqual([
      [k(7, "丙"), "不属于本单位的序号"],
      [k(1, "乙"), "整行拒收"],
      [k(99, "甲"), "不属于本单位的序号"],
    ]);
    expect(out.rejected[0].reason).toBe("序号 7 不是“丙”在跟踪表中的任务，未写入。");
    expect(out.changes.map((c) => [c.key, c.field, c.from, c.to])).toEqual([
      [k(1, "甲"), "status", "", "推进中"],
      [k(12, "甲"), "status", "", "已完成"],
    ]);
  });

  it("a unit copy may not report for another unit; nothing of that row is written", () => {
    const master = new Map([
      [reportKey(1, "甲"), r({})],
      [reportKey(1, "乙"), r({})],
    ]);
    const out = mergeReturns(master, [
      {
        source: "甲.xlsx",
        unit: "甲",
        reports: new Map([
          [reportKey(1, "乙"), ret(r({ status: "已完成" }))],
          [reportKey(1, "甲"), ret(r({ status: "推进中" }))],
        ]),
      },
    ]);
    expect(out.reports.get(reportKey(1, "乙"))).toEqual(r({}));
    expect(out.reports.get(reportKey(1, "甲"))).toEqual(r({ status: "推进中" }));
    expect(out.files[0].rejected).toEqual([{ key: reportKey(1, "乙"), kind: "其他单位的填报", reason: "“甲”的填报表不能填报“乙”的任务，未写入。" }]);
    expect(out.files[0].updated).toEqual([reportKey(1, "甲")]);
  });

  it("later files see what earlier files wrote; the master map passed in is not modified", () => {
    const key = reportKey(1, "甲");
    const master = new Map([[key, r({ status: "未启动" })]]);
    const first: ReturnedFile = { source: "一.xlsx", baseline: new Map([[key, r({ status: "未启动" })]]), reports: new Map([[key, ret(r({ status: "推进中" }))]]) };
    const second: ReturnedFile = { source: "二.xlsx", baseline: new Map([[key, r({ status: "推进中" })]]), reports: new Map([[key, ret(r({ status: "已完成" }))]]) };
    const out = mergeReturns(master, [first, second]);
    expect(out.reports.get(key)!.status).toBe("已完成");
    expect(out.files.map((f) => [f.source, f.updated, f.conflicts.length])).toEqual([
      ["一.xlsx", [key], 0],
      ["二.xlsx", [key], 0],
    ]);
    expect(master.get(key)!.status).toBe("未启动");
  });

  it("without a baseline, a return's empty field is taken as unchanged, a filled one as an edit", () => {
    const key = reportKey(1, "甲");
    const master = new Map([[key, r({ status: "推进中", problems: "资金" })]]);
    const out = mergeReturns(master, [{ source: "t.xlsx", reports: new Map([[key, ret(r({ status: "已完成", problems: "" }))]]) }]);
    expect(out.reports.get(key)).toEqual(r({ status: "推进中", problems: "资金" }));
    expect(out.files[0].conflicts).toEqual([{ key, field: "status", master: "推进中", returned: "已完成", baseline: "" }]);
    expect(out.files[0].unchanged).toEqual([key]);
  });
});
