import { EMPTY_REPORT, MERGE_LOG_COLUMNS, Report, fileNoteRow, mergeLogRows, mergeReturns, refusedFileRow, reportKey } from "../../src/domain";
import { ReturnedFile, ReturnedReport } from "../../src/domain/merge";

type Column = (typeof MERGE_LOG_COLUMNS)[number];

/** A 合并记录 row as the coordinator reads it: the columns named here, every other one blank. */
const logRow = (cells: Partial<Record<Column, string | number>>) => MERGE_LOG_COLUMNS.map((c) => cells[c] ?? "");

const report = (fields: Partial<Report>): Report => ({ ...EMPTY_REPORT, ...fields });
const returned = (fields: Partial<Report>, extra: Omit<ReturnedReport, "report"> = {}): ReturnedReport => ({ report: report(fields), ...extra });

const TIME = "2026-11-30 17:05";

describe("合并记录 of a unit's returned copy", () => {
  it("gives the file's totals, then each field written (old → new), each conflict and each refusal, every column in its place", () => {
    const master = new Map([
      [reportKey(1, "省教育厅"), report({ progress: "已起草方案" })],
      // The coordinator corrected task 2 after the copy went out.
      [reportKey(2, "省教育厅"), report({ progress: "已完成调研" })],
      [reportKey(3, "省教育厅"), report({})],
    ]);
    const file: ReturnedFile = {
      source: "省教育厅-填报.xlsx",
      unit: "省教育厅",
      baseline: new Map([[reportKey(1, "省教育厅"), report({ progress: "已起草方案" })]]),
      reports: new Map([
        [reportKey(1, "省教育厅"), returned({ status: "已完成", progress: "方案已印发" })],
        [reportKey(2, "省教育厅"), returned({ progress: "正在调研" })],
        [reportKey(3, "省教育厅"), returned({}, { rejectedStatus: "差不多了" })],
        [reportKey(9, "省教育厅"), returned({ status: "已完成" })],
      ]),
    };
    const rows = mergeLogRows(mergeReturns(master, [file]), TIME, () => "省教育厅");
    const common = { 时间: TIME, 文件: "省教育厅-填报.xlsx", 单位: "省教育厅" };
    expect(rows).toEqual([
      logRow({ ...common, 类型: "汇总", 更新: 1, 未变: 2, 冲突: 1, 拒收: 2 }),
      logRow({ ...common, 类型: "更新", 序号: 1, 字段: "完成状态", 主表值: "", 回收值: "已完成" }),
      logRow({ ...common, 类型: "更新", 序号: 1, 字段: "本期进展情况", 主表值: "已起草方案", 回收值: "方案已印发" }),
      logRow({ ...common, 类型: "冲突", 序号: 2, 字段: "本期进展情况", 主表值: "已完成调研", 回收值: "正在调研", 说明: "两边都改了：保留主表的值" }),
      // One refusal of its kind: its own reason, word for word.
      logRow({ ...common, 类型: "拒收", 拒收: 1, 序号: 3, 字段: "完成状态", 说明: "完成状态“差不多了”不在下拉列表中，未写入该状态。" }),
      // A refusal of the whole row names no field.
      logRow({ ...common, 类型: "拒收", 拒收: 1, 序号: 9, 说明: "序号 9 不是“省教育厅”在跟踪表中的任务，未写入。" }),
    ]);
  });
});

describe("合并记录 of a full tracker sent back", () => {
  const master = new Map([[reportKey(1, "省教育厅"), report({})]]);
  const unknown = (...keys: Array<[number, string]>): ReturnedFile => ({
    source: "跟踪表-退回.xlsx",
    reports: new Map(keys.map(([id, unit]) => [reportKey(id, unit), returned({ status: "已完成" })])),
  });

  it("names the unit a refusal concerns, and the file's own label when the refusals span several units", () => {
    const oneUnit = mergeLogRows(mergeReturns(master, [unknown([7, "省财政厅"])]), TIME, () => "（全表）");
    expect(oneUnit.filter((r) => r[3] === "拒收")).toEqual([
      logRow({ 时间: TIME, 文件: "跟踪表-退回.xlsx", 单位: "省财政厅", 类型: "拒收", 拒收: 1, 序号: 7, 说明: "序号 7 不是“省财政厅”在跟踪表中的任务，未写入。" }),
    ]);
    const twoUnits = mergeLogRows(mergeReturns(master, [unknown([8, "省科技厅"], [9, "省财政厅"])]), TIME, () => "（全表）");
    expect(twoUnits.filter((r) => r[3] === "拒收")).toEqual([
      logRow({ 时间: TIME, 文件: "跟踪表-退回.xlsx", 单位: "（全表）", 类型: "拒收", 拒收: 2, 序号: "8、9", 说明: "共 2 项，例如：序号 8 不是“省科技厅”在跟踪表中的任务，未写入。" }),
    ]);
  });

  it("lists up to 20 refused 序号 in full, and past that the first 20 and how many in all", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => 101 + i);
    const shown = (n: number) => {
      const rows = mergeLogRows(mergeReturns(master, [unknown(...ids(n).map((id): [number, string] => [id, "省财政厅"]))]), TIME, () => "（全表）");
      return rows.filter((r) => r[3] === "拒收").map((r) => [r[7], r[8]]);
    };
    expect(shown(20)).toEqual([[20, ids(20).join("、")]]);
    expect(shown(21)).toEqual([[21, `${ids(20).join("、")} 等 21 个`]]);
  });
});

describe("合并记录 of a file refused or noted before merging", () => {
  it("records a refused file with its reason and no unit", () => {
    expect(refusedFileRow(TIME, "通知.docx", "不是 .xlsx 文件，未合并。请上传单位填报表。")).toEqual(
      logRow({ 时间: TIME, 文件: "通知.docx", 类型: "拒收文件", 说明: "不是 .xlsx 文件，未合并。请上传单位填报表。" }),
    );
  });

  it("records a note about a merged file under its unit", () => {
    expect(fileNoteRow(TIME, "省财政厅-填报.xlsx", "省财政厅", "多出的工作表“Sheet2”未读取。")).toEqual(
      logRow({ 时间: TIME, 文件: "省财政厅-填报.xlsx", 单位: "省财政厅", 类型: "提示", 说明: "多出的工作表“Sheet2”未读取。" }),
    );
  });
});
