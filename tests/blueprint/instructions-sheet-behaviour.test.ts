/**
 * 填报说明 as a unit reads it: every line in order, in the tracker's own words, with the
 * return details on top and a copy's period at the end, the section heads and details in
 * bold, fitted to a portrait page. And how those details are cleaned, stored and read back.
 */
import { RETURN_INFO_META_KEY, cleanReturnInfo, instructionsSheet, parseReturnInfo, returnInfoMeta } from "../../src/blueprint/instructions-sheet";
import { COLORS } from "../../src/blueprint/layout";
import { SheetBlueprint } from "../../src/blueprint/types";
import { PRESETS } from "../../src/domain/vocabulary";

const lines = (s: SheetBlueprint) => s.cells.map((r) => r[0]);
const boldRows = (s: SheetBlueprint) => s.formats.filter((f) => f.style.bold && f.style.fontSize === undefined).map((f) => f.range);

const STEPS = [
  "一、填报范围",
  "1. 每个责任单位只填写以本单位命名的工作表，不要修改其他工作表。",
  "2. 本单位角色为“牵头”的任务，由本单位汇总各配合单位情况后统一填报；“配合”的任务填报本单位承担部分。",
  null,
  "二、填写哪些列",
  "3. 只需填写浅黄色的列：完成状态、本期进展情况、存在问题、下步计划、佐证材料、填报人、填报日期。其他列已锁定。",
  "4. 完成状态请从下拉列表选择：未启动、推进中、已完成、滞后、长期坚持。不要粘贴或手工输入其他文字。",
  "5. “长期坚持”用于需要长期落实、没有完成终点的任务，不计入完成率的分母。",
  "6. “时限预警”由截止日期自动计算：已过期未完成为“逾期”（红色），临近截止为“即将到期”（黄色）；状态为“滞后”也显示红色。无需也无法填写。",
  "7. 填报日期请填写日期（例如 2026-11-30）。",
  null,
  "三、注意事项",
  "8. 请勿删除、重命名工作表，勿删除行或修改序号：汇总按“序号 + 单位”匹配，不依赖行的位置。",
  "9. 可以使用 Excel、WPS 或 LibreOffice 填写，保存为 .xlsx 格式后按原渠道报送。",
  "10. 工作表保护只为防止误操作；如确需调整，请与牵头处室联系。",
  "11. 每期请在本期发来的填报表上填写，不要沿用以前各期的旧表：旧表会被识别并退回。请勿修改隐藏的元数据，修改后的填报表无法合并。",
];

describe("填报说明 in the tracker", () => {
  it("is the title, a blank line, then the steps, one per row, blank lines as empty cells", () => {
    const sheet = instructionsSheet();
    expect(lines(sheet)).toEqual(["填报说明", null, ...STEPS]);
    expect(sheet.cells.every((r) => r.length === 1)).toBe(true);
  });

  it("is a grey-tabbed, protected, portrait sheet of one 80-wide column with a 24-pt title row", () => {
    const sheet = instructionsSheet("pw");
    expect(sheet.name).toBe("填报说明");
    expect(sheet.role).toBe("instructions");
    expect(sheet.visibility).toBe("visible");
    expect(sheet.tabColor).toBe(COLORS.instructionsTab);
    expect(sheet.columnWidths).toEqual([80]);
    expect(sheet.rowHeights).toEqual({ 1: 24 });
    expect(sheet.protection).toEqual({ password: "pw", unlocked: [] });
    expect(sheet.print).toEqual({ orientation: "portrait", titleRows: "$1:$1" });
    expect(instructionsSheet().protection).toEqual({ password: undefined, unlocked: [] });
  });

  it("titles row 1, wraps every line below it, and bolds the section heads", () => {
    const sheet = instructionsSheet();
    expect(sheet.formats[0]).toEqual({ range: "A1:A1", style: { bold: true, fontSize: 14, fontColor: COLORS.title } });
    expect(sheet.formats[1]).toEqual({ range: `A2:A${STEPS.length + 2}`, style: { wrap: true, vAlign: "top" } });
    expect(boldRows(sheet)).toEqual(["A3", "A7", "A14"]);
  });

  it("speaks in the tracker's words: its report columns and status words", () => {
    const text = lines(instructionsSheet(undefined, undefined, PRESETS.schedule));
    expect(text).toContain("3. 只需填写浅黄色的列：完成状态、完成情况、存在困难、下步打算、佐证材料、责任人、填报日期。其他列已锁定。");
    expect(text).toContain("4. 完成状态请从下拉列表选择：尚未启动、序时推进、已完成、进度滞后、长期坚持。不要粘贴或手工输入其他文字。");
    expect(text).toContain("6. “时限预警”由截止日期自动计算：已过期未完成为“逾期”（红色），临近截止为“即将到期”（黄色）；状态为“进度滞后”也显示红色。无需也无法填写。");
    const handling = lines(instructionsSheet(undefined, undefined, PRESETS.handling));
    expect(handling).toContain("5. “持续推进”用于需要长期落实、没有完成终点的任务，不计入完成率的分母。");
  });

  it("names a renamed 填报日期 column in step 7", () => {
    const vocabulary = { ...PRESETS.ours, reportColumns: PRESETS.ours.reportColumns.map((c) => (c.field === "reportDate" ? { ...c, name: "报送日期" } : c)) };
    expect(lines(instructionsSheet(undefined, undefined, vocabulary))).toContain("7. 报送日期请填写日期（例如 2026-11-30）。");
  });
});

describe("填报说明 with return details", () => {
  it("puts period, deadline and contact after the title, bold, then a blank line before the steps", () => {
    const sheet = instructionsSheet(undefined, undefined, undefined, { period: "2026年12月", deadline: "12月25日前", contact: "张三 0791-1" });
    expect(lines(sheet)).toEqual(["填报说明", null, "填报期间：2026年12月", "报送截止时间：12月25日前", "联系人及电话：张三 0791-1", null, ...STEPS]);
    expect(boldRows(sheet)).toEqual(["A3", "A4", "A5", "A7", "A11", "A18"]);
    expect(sheet.formats[1].range).toBe(`A2:A${STEPS.length + 6}`);
  });

  it("shows each detail alone when it is the only one", () => {
    const head = (info: object) => lines(instructionsSheet(undefined, undefined, undefined, info)).slice(0, 4);
    expect(head({ period: "2026年12月" })).toEqual(["填报说明", null, "填报期间：2026年12月", null]);
    expect(head({ contact: "李四" })).toEqual(["填报说明", null, "联系人及电话：李四", null]);
    expect(head({ deadline: "  " })).toEqual(["填报说明", null, "一、填报范围", STEPS[1]]);
  });
});

describe("填报说明 in a unit's copy", () => {
  const copy = { period: "2026年11月", exportedAt: "2026-12-01 09:00" };

  it("ends with the copy's period and export time, and shows the copy's period on top", () => {
    const sheet = instructionsSheet(undefined, copy);
    expect(lines(sheet)).toEqual(["填报说明", null, "填报期间：2026年11月", null, ...STEPS, "12. 本表为 2026年11月 的填报表（导出时间 2026-12-01 09:00）。"]);
  });

  it("bolds only lines that start with a section number or a detail's label", () => {
    const sheet = instructionsSheet(undefined, { period: "2026年第一、二季度", exportedAt: "2026-07-01 09:00" });
    const text = lines(sheet);
    expect(text.at(-1)).toBe("12. 本表为 2026年第一、二季度 的填报表（导出时间 2026-07-01 09:00）。");
    expect(boldRows(sheet)).toEqual(["A3", "A5", "A9", "A16"]);
  });

  it("prefers the period the coordinator entered over the copy's", () => {
    expect(lines(instructionsSheet(undefined, copy, undefined, { period: "2026年第四季度" }))[2]).toBe("填报期间：2026年第四季度");
  });
});

describe("return details kept in _meta", () => {
  it("are trimmed, with blank parts dropped", () => {
    expect(cleanReturnInfo({ period: " 2026年12月 ", deadline: "", contact: "  " })).toEqual({ period: "2026年12月" });
    expect(cleanReturnInfo(undefined)).toEqual({});
    expect(Object.keys(cleanReturnInfo({ contact: "张三", period: "x", deadline: "y" }))).toEqual(["period", "deadline", "contact"]);
  });

  it("are stored as JSON under return_info, and not at all when nothing was entered", () => {
    expect(RETURN_INFO_META_KEY).toBe("return_info");
    expect(returnInfoMeta({ deadline: " 12月5日前 " })).toEqual({ return_info: '{"deadline":"12月5日前"}' });
    expect(returnInfoMeta({ period: " " })).toEqual({});
    expect(returnInfoMeta(undefined)).toEqual({});
  });

  it("read back what was stored, and anything damaged as nothing entered", () => {
    const info = { period: "2026年12月", deadline: "12月25日前", contact: "张三" };
    expect(parseReturnInfo(returnInfoMeta(info).return_info)).toEqual(info);
    expect(parseReturnInfo("")).toEqual({});
    expect(parseReturnInfo("null")).toEqual({});
    expect(parseReturnInfo('"2026年12月"')).toEqual({});
    expect(parseReturnInfo("42")).toEqual({});
    expect(parseReturnInfo('{"period":" ","deadline":["x"],"contact":"  李四 "}')).toEqual({ contact: "李四" });
    expect(parseReturnInfo('{"period":"2026年12月","contact":5}')).toEqual({ period: "2026年12月" });
    expect(parseReturnInfo('{"period":{"x":1},"deadline":"12月5日前"}')).toEqual({ deadline: "12月5日前" });
  });
});
