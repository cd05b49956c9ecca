/**
 * 合并记录 as the coordinator reads it after a merge: one row per logged event under the
 * header, long texts wrapped, the header kept in view, and nothing editable.
 */
import { SheetBlueprint, buildBlueprint } from "../../src/blueprint";
import { COLORS, SHEET } from "../../src/blueprint/layout";
import { mergeLogSheet } from "../../src/blueprint/merge-log-sheet";
import { EMPTY_REPORT, mergeReturns, parseTaskList, reportKey } from "../../src/domain";
import { MERGE_LOG_COLUMNS, MergeLogRow, mergeLogRows, refusedFileRow } from "../../src/domain/merge-log";
import { styleAt } from "../support/style-at";

const LIST = parseTaskList(["序号\t工作任务\t牵头单位\t配合单位", "1\t完善职业教育学历认证体系\t省教育厅\t省财政厅", "2\t落实教师绩效工资倾斜政策\t省财政厅\t"].join("\n"));
const LOG: MergeLogRow[] = [
  ...mergeLogRows(
    mergeReturns(new Map([[reportKey(1, "省财政厅"), { ...EMPTY_REPORT }]]), [
      {
        source: "重点任务-省财政厅-填报.xlsx",
        unit: "省财政厅",
        reports: new Map([[reportKey(1, "省财政厅"), { report: { ...EMPTY_REPORT, status: "推进中", progress: "已拟定初稿，正在征求意见。" } }]]),
        baseline: new Map(),
      },
    ]),
    "2026-12-01 10:00",
    () => "省财政厅",
  ),
  refusedFileRow("2026-12-01 10:00", "通知.docx", "不是 .xlsx 文件：请上传导出的填报表。"),
];
const logOf = (rows: MergeLogRow[], password?: string): SheetBlueprint | undefined =>
  buildBlueprint(LIST, { trackerId: "t", generatedAt: "2026-12-01 10:00", mergeLog: rows, password }).sheets.find((s) => s.name === SHEET.mergeLog);
const col = (name: (typeof MERGE_LOG_COLUMNS)[number]) => MERGE_LOG_COLUMNS.indexOf(name);

describe("合并记录: content", () => {
  it("shows the header, then every logged row as logged; a tracker never merged has no such sheet", () => {
    expect(LOG.map((r) => r[3])).toEqual(["汇总", "更新", "更新", "拒收文件"]);
    const sheet = logOf(LOG, "pw")!;
    expect(sheet.role).toBe("log");
    expect(sheet.tabColor).toBe(COLORS.instructionsTab);
    expect(sheet.cells).toEqual([[...MERGE_LOG_COLUMNS], ...LOG]);
    expect(sheet.cells[2].slice(col("序号"), col("回收值") + 1)).toEqual([1, "完成状态", "", "推进中"]);
    expect(logOf([])).toBeUndefined();
  });

  it("the sheet made before the first merge has the header alone", () => {
    const fresh = mergeLogSheet([], "pw");
    expect(fresh.name).toBe(SHEET.mergeLog);
    expect(fresh.cells).toEqual([[...MERGE_LOG_COLUMNS]]);
    expect(fresh.protection).toEqual({ password: "pw", unlocked: [] });
  });
});

describe("合并记录: layout and protection", () => {
  it("one width per column, 说明 widest and 文件 wider than the counts", () => {
    const { columnWidths } = logOf(LOG)!;
    expect(columnWidths).toHaveLength(MERGE_LOG_COLUMNS.length);
    expect(Math.max(...columnWidths)).toBe(columnWidths[col("说明")]);
    expect(columnWidths[col("文件")]).toBeGreaterThan(columnWidths[col("更新")]);
  });

  it("header styled; logged rows wrapped and top-aligned up to 说明; nothing below or right of them; the header frozen", () => {
    const sheet = logOf(LOG)!;
    const last = LOG.length + 1;
    expect(styleAt(sheet, 1, col("说明"))).toMatchObject({ bold: true, fill: COLORS.header });
    for (const [row, c] of [[2, 0], [last, 0], [last, col("说明")]]) expect(styleAt(sheet, row, c)).toEqual({ wrap: true, vAlign: "top" });
    expect(styleAt(sheet, last + 1, 0)).toEqual({});
    expect(styleAt(sheet, 2, col("说明") + 1)).toEqual({});
    expect(sheet.freeze).toEqual({ rows: 1, columns: 0 });
    // Before any merge no row below the header gets the body style (not even the header row itself).
    const fresh = mergeLogSheet([]);
    expect(styleAt(fresh, 1, 0)).toMatchObject({ hAlign: "center", vAlign: "center" });
    expect(styleAt(fresh, 2, 0)).toEqual({});
  });

  it("is locked whole under the tracker's password", () => {
    expect(logOf(LOG, "督查室")!.protection).toEqual({ password: "督查室", unlocked: [] });
    expect(logOf(LOG)!.protection).toEqual({ password: undefined, unlocked: [] });
  });
});
