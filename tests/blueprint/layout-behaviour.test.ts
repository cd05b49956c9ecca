/**
 * The fixed layout every reader relies on: where the columns are, the unit sheet's headers
 * in the tracker's own words (a vocabulary renames report columns, never moves them), how a
 * reader maps header text back to columns, and the status words in the key columns' names.
 */
import { parseCell } from "../../src/blueprint/a1";
import { buildBlueprint } from "../../src/blueprint/build-blueprint";
import {
  COLORS,
  DUE_SOON_MARK,
  MASTER_COLUMNS,
  MASTER_HEADER_ROW,
  OVERDUE_MARK,
  RESERVED_SHEET_NAMES,
  SHEET,
  SUMMARY_OVERALL_FIRST_ROW,
  SUMMARY_OVERALL_LABELS,
  SUMMARY_STAMP_CELL,
  SUMMARY_UNIT_HEADER_ROW,
  UNIT_COLUMNS,
  UNIT_INPUT_FIRST,
  UNIT_INPUT_LAST,
  masterCol,
  summaryCol,
  unitCol,
  unitColumnsByHeader,
  unitHeader,
  unitHeaders,
  vocabularyHeader,
} from "../../src/blueprint/layout";
import { parseTaskList } from "../../src/domain/parse-task-list";
import { DEFAULT_VOCABULARY, PRESETS, ReportColumnDefinition, Vocabulary } from "../../src/domain/vocabulary";

/** Our words with some report columns renamed, as a vocabulary file may do. */
function renamed(names: Partial<Record<ReportColumnDefinition["field"], string>>): Vocabulary {
  return {
    ...DEFAULT_VOCABULARY,
    id: "custom",
    name: "本厅用语",
    reportColumns: DEFAULT_VOCABULARY.reportColumns.map((c) => ({ ...c, name: names[c.field] ?? c.name })),
  };
}

describe("column positions", () => {
  it("are the index of the column's name in its sheet's header", () => {
    expect(unitCol("序号")).toBe(0);
    expect(unitCol("完成状态")).toBe(6);
    expect(unitCol("时限预警")).toBe(13);
    expect(masterCol("序号")).toBe(0);
    expect(masterCol("所属部分")).toBe(MASTER_COLUMNS.length - 1);
    expect(summaryCol("责任单位")).toBe(0);
    expect(summaryCol("完成率")).toBe(1);
    expect(summaryCol("查看")).toBe(12);
  });

  it("the input columns run from 完成状态 to 填报日期 (G..M)", () => {
    expect([UNIT_INPUT_FIRST, UNIT_INPUT_LAST]).toEqual([6, 12]);
    expect(UNIT_COLUMNS.slice(UNIT_INPUT_FIRST, UNIT_INPUT_LAST + 1)).toEqual(["完成状态", "本期进展情况", "存在问题", "下步计划", "佐证材料", "填报人", "填报日期"]);
  });

  it("汇总's unit table starts one row below the overall figures", () => {
    expect(SUMMARY_UNIT_HEADER_ROW).toBe(SUMMARY_OVERALL_FIRST_ROW + SUMMARY_OVERALL_LABELS.length + 1);
    expect(SUMMARY_UNIT_HEADER_ROW).toBe(16);
  });

  it("the tracker's own sheet names and Excel's reserved History are never a unit's", () => {
    expect([...RESERVED_SHEET_NAMES].sort()).toEqual([...Object.values(SHEET), "History"].sort());
    expect(RESERVED_SHEET_NAMES).toContain("History");
  });
});

describe("what the layout shows", () => {
  const bp = buildBlueprint(parseTaskList("序号\t政策内容\t责任部门\n1\t任务\t省教育厅"), { trackerId: "t", generatedAt: "2026-11-28 09:00" });
  const sheet = (name: string) => bp.sheets.find((s) => s.name === name)!;

  it("names the tracker's own sheets", () => {
    expect(SHEET).toEqual({ summary: "汇总", master: "任务总表", instructions: "填报说明", meta: "_meta", mergeLog: "合并记录", history: "历次汇总", contacts: "联络员" });
  });

  it("heads 任务总表 and labels 汇总's figures in words a coordinator reads", () => {
    expect(sheet(SHEET.master).cells[MASTER_HEADER_ROW - 1].slice(0, MASTER_COLUMNS.length)).toEqual([
      "序号", "政策内容", "牵头单位", "配合单位", "完成时限", "截止日期", "责任单位数", "已完成单位数",
      "完成进度", "任务状态", "时限预警", "推进中单位数", "滞后单位数", "长期坚持单位数", "所属部分",
    ]);
    const summary = sheet(SHEET.summary);
    expect(summary.cells.slice(SUMMARY_OVERALL_FIRST_ROW - 1, SUMMARY_OVERALL_FIRST_ROW - 1 + SUMMARY_OVERALL_LABELS.length).map((r) => r[0])).toEqual([
      "任务总数", "已完成任务数", "长期坚持任务数", "任务完成率", "责任分工总数", "已完成分工数", "分工完成率", "逾期任务数", "逾期分工数", "即将到期任务数",
    ]);
    expect(summary.cells[SUMMARY_UNIT_HEADER_ROW - 1]).toEqual([
      "责任单位", "完成率", "任务数", "牵头任务数", "未启动", "推进中", "已完成", "滞后", "长期坚持", "未填报", "逾期", "即将到期", "查看",
    ]);
  });

  it("keeps the refresh time in the cell the add-in restamps", () => {
    const { row, column } = parseCell(SUMMARY_STAMP_CELL);
    expect(sheet(SHEET.summary).cells[row - 1][column]).toBe("2026-11-28 09:00");
  });

  it("marks deadlines with the words 时限预警 shows", () => {
    expect([OVERDUE_MARK, DUE_SOON_MARK]).toEqual(["逾期", "即将到期"]);
  });

  it("uses colours a renderer can write (#RRGGBB), a distinct one for each status", () => {
    for (const colour of Object.values(COLORS)) expect(colour).toMatch(/^#[0-9A-F]{6}$/);
    const fills = [COLORS.notStarted, COLORS.progress, COLORS.done, COLORS.late, COLORS.standing, COLORS.dueSoon];
    expect(new Set(fills).size).toBe(fills.length);
    // text stays readable: no font colour equals the fill it is written on
    expect(COLORS.headerFont).not.toBe(COLORS.header);
    expect(COLORS.doneFont).not.toBe(COLORS.done);
    expect(COLORS.lateFont).not.toBe(COLORS.late);
    expect(COLORS.dueSoonFont).not.toBe(COLORS.dueSoon);
    expect(COLORS.progressFont).not.toBe(COLORS.progress);
  });
});

describe("unit sheet headers in the tracker's words", () => {
  it("are the fixed names with our own words", () => {
    expect(unitHeaders(DEFAULT_VOCABULARY)).toEqual([...UNIT_COLUMNS]);
  });

  it("rename report columns in place; 完成状态 and the list's columns keep their names", () => {
    const headers = unitHeaders(PRESETS.schedule);
    expect(headers).toEqual([
      "序号", "政策内容", "本单位角色", "其他责任单位", "完成时限", "截止日期", "完成状态",
      "完成情况", "存在困难", "下步打算", "佐证材料", "责任人", "填报日期", "时限预警",
    ]);
    expect(unitHeader("本期进展情况", PRESETS.schedule)).toBe("完成情况");
    expect(unitHeader("完成状态", PRESETS.schedule)).toBe("完成状态");
    expect(unitHeader("序号", PRESETS.schedule)).toBe("序号");
  });

  it("fall back to the fixed name when the vocabulary leaves a column out or gives it no name", () => {
    const without: Vocabulary = { ...DEFAULT_VOCABULARY, reportColumns: DEFAULT_VOCABULARY.reportColumns.filter((c) => c.field !== "evidence") };
    expect(unitHeader("佐证材料", without)).toBe("佐证材料");
    expect(unitHeader("本期进展情况", renamed({ progress: "" }))).toBe("本期进展情况");
  });

  it("stop the build, naming both columns, when a renamed report column takes another column's name", () => {
    const clash = (v: Vocabulary): string => {
      try {
        unitHeaders(v);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error("no error");
    };
    const message = (from: string, to: string, other: string) =>
      `用语“本厅用语”把报送列“${from}”改名为“${to}”，与单位表的“${other}”列重名；请在用语文件的 reportColumns 中换一个列名。`;
    // renamed onto a fixed column: the renamed column is named, not the fixed one
    expect(clash(renamed({ progress: "序号" }))).toBe(message("本期进展情况", "序号", "序号"));
    // renamed onto another report column's fixed name
    expect(clash(renamed({ problems: "本期进展情况" }))).toBe(message("存在问题", "本期进展情况", "本期进展情况"));
    // two report columns renamed to the same new name: the first is named, with the second
    expect(clash(renamed({ problems: "困难和问题", nextSteps: "困难和问题" }))).toBe(message("存在问题", "困难和问题", "下步计划"));
  });

  it("accept a rename to a name no other column has", () => {
    expect(unitHeaders(renamed({ progress: "工作进展" }))[unitCol("本期进展情况")]).toBe("工作进展");
  });
});

describe("reading headers back", () => {
  it("maps the tracker's words and the fixed names (copies exported before a rename) to the same columns", () => {
    const byHeader = unitColumnsByHeader(PRESETS.schedule);
    expect(byHeader.get("完成情况")).toBe("本期进展情况");
    expect(byHeader.get("本期进展情况")).toBe("本期进展情况");
    expect(byHeader.get("责任人")).toBe("填报人");
    expect(byHeader.get("填报人")).toBe("填报人");
    expect(byHeader.get("完成状态")).toBe("完成状态");
    expect(byHeader.get("联系电话")).toBeUndefined();
    for (const c of UNIT_COLUMNS) expect(byHeader.get(c)).toBe(c);
  });

  it("keys headers without their spaces, as readers look them up", () => {
    const byHeader = unitColumnsByHeader(renamed({ progress: "工作 进展\n情况" }));
    expect(byHeader.get("工作进展情况")).toBe("本期进展情况");
    expect(byHeader.has("工作 进展\n情况")).toBe(false);
  });

  it("lets the tracker's own header win over an old fixed name with the same text", () => {
    // 佐证材料 is called 本期进展情况 here, and 本期进展情况 is called 工作进展.
    const byHeader = unitColumnsByHeader(renamed({ progress: "工作进展", evidence: "本期进展情况" }));
    expect(byHeader.get("本期进展情况")).toBe("佐证材料");
    expect(byHeader.get("工作进展")).toBe("本期进展情况");
    expect(byHeader.get("佐证材料")).toBe("佐证材料");
  });
});

describe("status words in key column names", () => {
  it("replace the key at the start with the tracker's word, keeping the rest", () => {
    expect(vocabularyHeader("推进中单位数", PRESETS.schedule)).toBe("序时推进单位数");
    expect(vocabularyHeader("滞后", PRESETS.schedule)).toBe("进度滞后");
    expect(vocabularyHeader("未启动", PRESETS.handling)).toBe("尚未办理");
    expect(vocabularyHeader("已完成任务数", PRESETS.handling)).toBe("已办结任务数");
    expect(vocabularyHeader("长期坚持分工数", PRESETS.handling)).toBe("持续推进分工数");
  });

  it("leave names that do not start with a status key alone", () => {
    expect(vocabularyHeader("责任单位数", PRESETS.handling)).toBe("责任单位数");
    expect(vocabularyHeader("任务已完成", PRESETS.handling)).toBe("任务已完成");
    expect(vocabularyHeader("已完成单位数", DEFAULT_VOCABULARY)).toBe("已完成单位数");
  });
});
