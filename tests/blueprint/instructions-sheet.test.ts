import { RETURN_INFO_META_KEY, buildBlueprint, buildUnitCopy, parseReturnInfo, readMetaGrid } from "../../src/blueprint";
import { Grid } from "../../src/blueprint/read-grid";
import { SheetBlueprint } from "../../src/blueprint/types";
import { parseTaskList } from "../../src/domain";

const list = parseTaskList(["序号\t政策内容\t责任部门", "1\t推进任务一\t省教育厅、省财政厅", "2\t落实任务二\t省财政厅"].join("\n"), { name: "测试清单" });
const INFO = { period: "2026年12月", deadline: "2026年12月25日前", contact: "省政府办公厅督查室 张三 0791-86000000" };

const column = (sheet: SheetBlueprint) => sheet.cells.map((r) => r[0]);
const instructions = (sheets: SheetBlueprint[]) => sheets.find((s) => s.role === "instructions")!;
const meta = (sheets: SheetBlueprint[]) => readMetaGrid(sheets.find((s) => s.role === "meta")!.cells as Grid);

describe("填报说明 with the period, return deadline and contact", () => {
  it("shows them right under the title, before the steps, and keeps them in _meta", () => {
    const bp = buildBlueprint(list, { trackerId: "t", generatedAt: "2026-11-28 10:00", returnInfo: INFO });
    const lines = column(instructions(bp.sheets));
    expect(lines.slice(0, 6)).toEqual(["填报说明", null, "填报期间：2026年12月", "报送截止时间：2026年12月25日前", `联系人及电话：${INFO.contact}`, null]);
    expect(lines[6]).toBe("一、填报范围");
    // Bold like the section heads, so a unit sees them first.
    expect(instructions(bp.sheets).formats.filter((f) => f.style.bold).map((f) => f.range)).toEqual(expect.arrayContaining(["A3", "A4", "A5"]));
    expect(parseReturnInfo(meta(bp.sheets).extra[RETURN_INFO_META_KEY])).toEqual(INFO);
  });

  it("shows only what was entered and stores nothing when nothing was", () => {
    const bp = buildBlueprint(list, { trackerId: "t", generatedAt: "2026-11-28 10:00", returnInfo: { deadline: " 12月5日前 ", contact: "  " } });
    expect(column(instructions(bp.sheets)).slice(0, 4)).toEqual(["填报说明", null, "报送截止时间：12月5日前", null]);
    expect(parseReturnInfo(meta(bp.sheets).extra[RETURN_INFO_META_KEY])).toEqual({ deadline: "12月5日前" });
    const none = buildBlueprint(list, { trackerId: "t", generatedAt: "2026-11-28 10:00", returnInfo: { period: "" } });
    expect(column(instructions(none.sheets)).slice(0, 3)).toEqual(["填报说明", null, "一、填报范围"]);
    expect(meta(none.sheets).extra[RETURN_INFO_META_KEY]).toBeUndefined();
  });

  it("gives a unit copy the deadline and contact, with the copy's own period", () => {
    const copy = buildUnitCopy(list, "省财政厅", { trackerId: "t", exportedAt: "2026-12-01 09:00", period: "2026年11月", returnInfo: INFO });
    const lines = column(instructions(copy.sheets));
    expect(lines.slice(2, 5)).toEqual(["填报期间：2026年11月", "报送截止时间：2026年12月25日前", `联系人及电话：${INFO.contact}`]);
    expect(lines.at(-1)).toBe("12. 本表为 2026年11月 的填报表（导出时间 2026-12-01 09:00）。");
  });

  it("reads whatever _meta holds without failing: damaged text counts as nothing entered", () => {
    expect(parseReturnInfo(undefined)).toEqual({});
    expect(parseReturnInfo("{not json")).toEqual({});
    expect(parseReturnInfo("[1]")).toEqual({});
    expect(parseReturnInfo(JSON.stringify({ period: 5, contact: "李四" }))).toEqual({ contact: "李四" });
  });
});
