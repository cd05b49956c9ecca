/**
 * Reading a returned sheet back, as both renderers' readers do through these grids: _meta's
 * keys and unit map, each unit row keyed by 序号, statuses through the vocabulary, dates in
 * every form people type them. Anything that cannot be read (a formula, an over-long cell, an
 * impossible date, a missing column) is reported with where it is, and never read as empty.
 */
import { Grid, GridCell, MAX_CELL_CHARS, ReadAssignment, TrackerFileError, gridIsoDate, gridText, readMetaGrid, readTaskId, readUnitGrid } from "../../src/blueprint/read-grid";
import { UNIT_COLUMNS, UnitColumn, unitHeaders } from "../../src/blueprint/layout";
import { DEFAULT_VOCABULARY, PRESETS } from "../../src/domain/vocabulary";

describe("a cell's text", () => {
  it("is empty for a blank or a formula, ISO for a date, the value as text otherwise", () => {
    expect(gridText(null)).toBe("");
    expect(gridText(undefined)).toBe("");
    expect(gridText({ formula: "A1+1" })).toBe("");
    expect(gridText(new Date(Date.UTC(2026, 10, 30)))).toBe("2026-11-30");
    expect(gridText(12)).toBe("12");
    expect(gridText(true)).toBe("true");
    expect(gridText(" 甲 ")).toBe(" 甲 ");
  });
});

describe("a date cell", () => {
  it("reads Excel serials inside Excel's date range (1 .. 2958465)", () => {
    expect(gridIsoDate(46174)).toBe("2026-06-01");
    expect(gridIsoDate(1)).toBe("1899-12-31");
    expect(gridIsoDate(2_958_465)).toBe("9999-12-31");
    expect(gridIsoDate(0)).toBeUndefined();
    expect(gridIsoDate(-1)).toBeUndefined();
    expect(gridIsoDate(2_958_466)).toBeUndefined();
  });

  it("reads a Date as its UTC day", () => {
    expect(gridIsoDate(new Date(Date.UTC(2026, 0, 5)))).toBe("2026-01-05");
  });

  it("reads the ways people type a date, padding month and day", () => {
    expect(gridIsoDate("2026-11-30")).toBe("2026-11-30");
    expect(gridIsoDate("2026/1/5")).toBe("2026-01-05");
    expect(gridIsoDate("2026.11.3")).toBe("2026-11-03");
    expect(gridIsoDate("2026年11月30日")).toBe("2026-11-30");
    expect(gridIsoDate("2026年1月5")).toBe("2026-01-05");
    expect(gridIsoDate("  2026-11-30 ")).toBe("2026-11-30");
  });

  it("refuses a day that does not exist rather than rolling it into the next month", () => {
    expect(gridIsoDate("2026-02-30")).toBeUndefined();
    expect(gridIsoDate("2026-13-01")).toBeUndefined();
    expect(gridIsoDate("2026-11-31")).toBeUndefined();
    expect(gridIsoDate("2026-00-10")).toBeUndefined();
    expect(gridIsoDate("2024-02-29")).toBe("2024-02-29");
    expect(gridIsoDate("2025-02-29")).toBeUndefined();
  });

  it("is no date for other text, blanks and formulas", () => {
    for (const c of ["6月上旬", "截至2026年11月30日", "12026-11-30", "11/30/2026", "2026-11-30 上午", "26-11-30", "2026-111-30", "", null, undefined, { formula: "TODAY()" }, true] as GridCell[]) {
      expect(gridIsoDate(c)).toBeUndefined();
    }
  });
});

describe("a 序号 cell", () => {
  it("reads positive whole numbers only", () => {
    expect(readTaskId(5)).toBe(5);
    expect(readTaskId(1)).toBe(1);
    expect(readTaskId(0)).toBeUndefined();
    expect(readTaskId(-3)).toBeUndefined();
    expect(readTaskId(2.5)).toBeUndefined();
  });

  it("reads typed numbers with full-width digits, spaces and one trailing 、 . or 。", () => {
    expect(readTaskId("12")).toBe(12);
    expect(readTaskId("１２")).toBe(12);
    expect(readTaskId(" 9 ")).toBe(9);
    expect(readTaskId("9.")).toBe(9);
    expect(readTaskId("9、")).toBe(9);
    expect(readTaskId("9。")).toBe(9);
    expect(readTaskId("123456789")).toBe(123_456_789);
  });

  it("is no 序号 for anything else", () => {
    for (const c of ["0", "00", "9..", "1.5", "a1", "1a", "", "1234567890", "一", null, undefined, { formula: "ROW()-2" }, new Date(0)] as GridCell[]) {
      expect(readTaskId(c)).toBeUndefined();
    }
  });
});

describe("_meta read back", () => {
  const META: Grid = [
    ["tracker_id", "t-42"],
    ["schema_version", 1],
    ["kind", "unit-copy"],
    ["list_name", "江西清单"],
    ["list_hash", "0123456789abcdef"],
    ["generated_at", "2026-11-28 09:00"],
    ["list_source", "第一段", "第二段", null],
    ["warning_days", "30"],
    [null, "stray"],
    [],
    ["unit", "sheet", "tasks"],
    ["省教育厅", "省教育厅", 45],
    ["省财政厅/预算处", "省财政厅_预算处", "12"],
    ["甲", "甲表", "x"],
    [undefined, "甲表"],
  ];

  it("gives the fixed keys, the unit ↔ sheet map and the other keys, a value continuing over later columns", () => {
    expect(readMetaGrid(META)).toEqual({
      trackerId: "t-42",
      schemaVersion: 1,
      kind: "unit-copy",
      listName: "江西清单",
      listHash: "0123456789abcdef",
      generatedAt: "2026-11-28 09:00",
      units: [
        { unit: "省教育厅", sheet: "省教育厅", tasks: 45 },
        { unit: "省财政厅/预算处", sheet: "省财政厅_预算处", tasks: 12 },
        { unit: "甲", sheet: "甲表", tasks: 0 },
      ],
      extra: { list_source: "第一段第二段", warning_days: "30" },
    });
  });

  it("takes a tracker without kind, name, hash or time as a master with those empty", () => {
    const meta = readMetaGrid([
      ["tracker_id", "t"],
      ["schema_version", "1"],
    ]);
    expect(meta).toEqual({ trackerId: "t", schemaVersion: 1, kind: "master", listName: "", listHash: "", generatedAt: "", units: [], extra: {} });
  });

  it("reads a row named unit as a key unless it is the unit table's header", () => {
    const meta = readMetaGrid([["tracker_id", "t"], ["schema_version", 1], ["unit", "省教育厅"], ["sheet", "x"]]);
    expect(meta.units).toEqual([]);
    expect(meta.extra).toEqual({ unit: "省教育厅", sheet: "x" });
  });

  it("refuses a damaged _meta, naming the missing key, as a TrackerFileError", () => {
    const without = (key: string) => META.filter((r) => r[0] !== key);
    expect(() => readMetaGrid(without("tracker_id"))).toThrow("元数据缺少 tracker_id：文件已损坏，请使用原始导出的文件。");
    expect(() => readMetaGrid(without("schema_version"))).toThrow("元数据缺少 schema_version：文件已损坏，请使用原始导出的文件。");
    expect(() => readMetaGrid([["tracker_id", ""], ["schema_version", 1]])).toThrow("元数据缺少 tracker_id");
    try {
      readMetaGrid([]);
      throw new Error("read an empty _meta");
    } catch (e) {
      expect(e).toBeInstanceOf(TrackerFileError);
      expect((e as Error).name).toBe("TrackerFileError");
    }
  });
});

/** A unit sheet as a reader gets it: a title row, the header row, then one row per task. */
function unitGrid(rows: Array<Partial<Record<UnitColumn, GridCell>>>, headers: string[] = [...UNIT_COLUMNS]): Grid {
  const columns = [...UNIT_COLUMNS];
  return [["甲 任务落实情况填报表"], headers, ...rows.map((r) => columns.map((c) => r[c] ?? null))];
}

const only = (grid: Grid, ...args: [number?, typeof DEFAULT_VOCABULARY?]) => readUnitGrid(grid, "甲", "甲表", ...args);

describe("a unit sheet read back", () => {
  it("reads each task row with its report, keyed by 序号, with its row in the sheet", () => {
    const grid = unitGrid([
      {
        序号: 1,
        政策内容: " 健全标准体系 ",
        本单位角色: "牵头",
        截止日期: 46174,
        完成状态: "已完成",
        本期进展情况: " 已印发方案 ",
        存在问题: "资金不足",
        下步计划: "推广",
        佐证材料: "文件1",
        填报人: "张三",
        填报日期: 46356,
      },
      { 序号: "3", 政策内容: "每年评估", 本单位角色: "配合" },
    ]);
    const { assignments, issues } = only(grid);
    expect(issues).toEqual([]);
    expect(assignments).toStrictEqual([
      {
        taskId: 1,
        unit: "甲",
        text: "健全标准体系",
        role: "牵头",
        due: "2026-06-01",
        sheet: "甲表",
        row: 3,
        report: { status: "已完成", progress: "已印发方案", problems: "资金不足", nextSteps: "推广", evidence: "文件1", reporter: "张三", reportDate: "2026-11-30" },
      },
      {
        taskId: 3,
        unit: "甲",
        text: "每年评估",
        role: "配合",
        due: undefined,
        sheet: "甲表",
        row: 4,
        report: { status: "", progress: "", problems: "", nextSteps: "", evidence: "", reporter: "", reportDate: "" },
      },
    ]);
  });

  it("numbers rows from the grid's first sheet row", () => {
    const grid = unitGrid([{ 序号: 1 }, { 序号: 2 }]);
    expect(only(grid, 5).assignments.map((a) => a.row)).toEqual([7, 8]);
  });

  it("skips rows without a 序号 (blank rows, notes) and rows that are missing altogether", () => {
    const grid = unitGrid([{ 序号: 1 }, {}, { 序号: "注：请如实填写", 完成状态: "已完成" }, { 序号: 4 }]);
    grid[7] = [5];
    expect(only(grid).assignments.map((a) => [a.taskId, a.row])).toEqual([
      [1, 3],
      [4, 6],
      [5, 8],
    ]);
  });

  it("finds the header row below inserted rows, up to the tenth row but not past it", () => {
    const header = [...UNIT_COLUMNS];
    const at = (index: number): Grid => {
      const g: Grid = Array.from({ length: index }, () => ["说明"]);
      g.push(header, [7, "任务", "牵头"]);
      return g;
    };
    expect(only(at(9)).assignments.map((a) => [a.taskId, a.row])).toEqual([[7, 11]]);
    const tooLow = only(at(10));
    expect(tooLow.assignments).toEqual([]);
    expect(tooLow.issues).toEqual([{ sheet: "甲表", message: "工作表“甲表”找不到“序号”和“完成状态”表头，已跳过。" }]);
  });

  it("reads only rows below the header, even when a row above it has a number under 序号", () => {
    const grid: Grid = [["甲 任务落实情况填报表"], [2026, "年度任务"], [...UNIT_COLUMNS], [4, "任务"]];
    expect(only(grid).assignments.map((a) => [a.taskId, a.row])).toEqual([[4, 4]]);
  });

  it("finds the header row below rows a reader left out (holes in the grid)", () => {
    const grid: Grid = [];
    grid[3] = [...UNIT_COLUMNS];
    grid[4] = [6, "任务"];
    expect(only(grid).assignments.map((a) => [a.taskId, a.row])).toEqual([[6, 5]]);
  });

  it("finds moved columns by their header text, spaces ignored, the first of two equal headers winning", () => {
    const grid: Grid = [
      ["完成 状态", "序\n号", "本期进展情况", "本期进展情况", "填报人"],
      ["推进中", 2, "第一列", "第二列", "李四"],
    ];
    const [a] = only(grid).assignments;
    expect(a.taskId).toBe(2);
    expect(a.report.status).toBe("推进中");
    expect(a.report.progress).toBe("第一列");
    expect(a.report.reporter).toBe("李四");
  });

  it("skips a sheet with no 序号 or no 完成状态 header, saying so", () => {
    const message = "工作表“甲表”找不到“序号”和“完成状态”表头，已跳过。";
    expect(only([["序号", "政策内容"], [1, "x"]])).toEqual({ assignments: [], issues: [{ sheet: "甲表", message }] });
    expect(only([["政策内容", "完成状态"], ["x", "已完成"]])).toEqual({ assignments: [], issues: [{ sheet: "甲表", message }] });
    expect(only([])).toEqual({ assignments: [], issues: [{ sheet: "甲表", message }] });
  });
});

describe("statuses read back", () => {
  const statusOf = (status: GridCell) => only(unitGrid([{ 序号: 8, 完成状态: status }]));

  it("reads the vocabulary's words and the wordings units type", () => {
    expect(statusOf("已完成").assignments[0].report.status).toBe("已完成");
    expect(statusOf(" 完成 ").assignments[0].report.status).toBe("已完成");
    expect(statusOf("进行中").assignments[0].report.status).toBe("推进中");
    expect(statusOf(null).assignments[0].report.status).toBe("");
  });

  it("reports a word that is not a status, with its row, and leaves the status empty", () => {
    const read = statusOf("差不多了");
    expect(read.issues).toEqual([{ sheet: "甲表", row: 3, message: "序号 8 的完成状态“差不多了”无法识别，已忽略。" }]);
    expect(read.assignments[0].report.status).toBe("");
    expect(read.assignments[0].rejectedStatus).toBe("差不多了");
    expect(read.assignments[0].refused).toBeUndefined();
  });

  it("keeps the first 100 characters of a rejected status", () => {
    const long = "说".repeat(150);
    expect(statusOf(long).assignments[0].rejectedStatus).toBe("说".repeat(100));
  });

  it("reports a formula in the status cell and keeps it as written, never its result", () => {
    const read = statusOf({ formula: 'IF(A3>0,"已完成","")' });
    expect(read.issues).toEqual([{ sheet: "甲表", row: 3, message: "序号 8 的完成状态是公式，已忽略；请从下拉列表选择。" }]);
    expect(read.assignments[0].report.status).toBe("");
    expect(read.assignments[0].rejectedStatus).toBe('=IF(A3>0,"已完成","")');
    expect(read.assignments[0].refused).toBeUndefined();
  });

  it("refuses a status over Excel's cell limit without calling it a wrong word", () => {
    const read = statusOf("完".repeat(MAX_CELL_CHARS + 1));
    expect(read.issues).toEqual([]);
    expect(read.assignments[0].report.status).toBe("");
    expect(read.assignments[0].rejectedStatus).toBeUndefined();
    expect(read.assignments[0].refused).toEqual({ status: `“完成状态”有 ${MAX_CELL_CHARS + 1} 字，超过 Excel 单元格上限 ${MAX_CELL_CHARS} 字，未读取。` });
  });

  it("reads through the tracker's vocabulary, and still reads our words in its sheets", () => {
    const grid: Grid = [unitHeaders(PRESETS.schedule), [1, "", "", "", "", "", "序时推进", "按计划", "", "", "", "王五"], [2, "", "", "", "", "", "推进中"]];
    const { assignments, issues } = readUnitGrid(grid, "甲", "甲表", 1, PRESETS.schedule);
    expect(issues).toEqual([]);
    expect(assignments.map((a) => [a.report.status, a.report.progress, a.report.reporter])).toEqual([
      ["推进中", "按计划", "王五"],
      ["推进中", "", ""],
    ]);
  });
});

describe("input cells that cannot be read", () => {
  const readRow = (cells: Partial<Record<UnitColumn, GridCell>>): ReadAssignment => only(unitGrid([{ 序号: 2, ...cells }])).assignments[0];

  it("a formula is refused with its text (first 60 characters), and its value left empty", () => {
    const a = readRow({ 完成状态: "推进中", 本期进展情况: { formula: "A1&B1" }, 填报人: { formula: `"${"张".repeat(80)}"` } });
    expect(a.report.progress).toBe("");
    expect(a.report.reporter).toBe("");
    expect(a.refused).toEqual({
      progress: "“本期进展情况”是公式（=A1&B1），未读取；请填写文字。",
      reporter: `“填报人”是公式（="${"张".repeat(59)}），未读取；请填写文字。`,
    });
    expect(a.report.status).toBe("推进中");
  });

  it("text up to Excel's cell limit is read; one character more is refused with its length", () => {
    const fits = readRow({ 存在问题: `  ${"问".repeat(MAX_CELL_CHARS)}  ` });
    expect(fits.report.problems).toHaveLength(MAX_CELL_CHARS);
    expect(fits.refused).toBeUndefined();
    const over = readRow({ 存在问题: "问".repeat(MAX_CELL_CHARS + 1) });
    expect(over.report.problems).toBe("");
    expect(over.refused).toEqual({ problems: "“存在问题”有 32768 字，超过 Excel 单元格上限 32767 字，未读取。" });
  });

  it("report dates become ISO in every form; other wordings stay text; an impossible date is refused", () => {
    expect(readRow({ 填报日期: 46356 }).report.reportDate).toBe("2026-11-30");
    expect(readRow({ 填报日期: new Date(Date.UTC(2026, 10, 30)) }).report.reportDate).toBe("2026-11-30");
    expect(readRow({ 填报日期: "2026年11月3日" }).report.reportDate).toBe("2026-11-03");
    expect(readRow({ 填报日期: " 11月下旬 " }).report.reportDate).toBe("11月下旬");
    expect(readRow({ 填报日期: "截至2026年11月30日" }).report.reportDate).toBe("截至2026年11月30日");
    const bad = readRow({ 填报日期: "2026-02-30" });
    expect(bad.report.reportDate).toBe("");
    expect(bad.refused).toEqual({ reportDate: "填报日期“2026-02-30”不是有效的日期，未读取。" });
    expect(readRow({ 填报日期: { formula: "TODAY()" } }).refused).toEqual({ reportDate: "“填报日期”是公式（=TODAY()），未读取；请填写文字。" });
  });

  it("a blank report date is empty, not refused", () => {
    const a = readRow({ 填报日期: "  " });
    expect(a.report.reportDate).toBe("");
    expect(a.refused).toBeUndefined();
  });
});

describe("columns missing from a returned sheet", () => {
  it("are reported once for the sheet, and marked refused (not empty) on every row", () => {
    const headers = [...UNIT_COLUMNS].map((h) => (h === "存在问题" ? "问题" : h === "填报人" ? "" : h));
    const grid = unitGrid([{ 序号: 1, 存在问题: "不该读到", 填报人: "不该读到", 本期进展情况: "已起草" }, { 序号: 2 }], headers);
    const { assignments, issues } = only(grid);
    expect(issues).toEqual([
      { sheet: "甲表", message: "工作表“甲表”找不到“存在问题”、“填报人”列（可能被改名或删除），这些列的内容未读取，总表中的原值保留。" },
    ]);
    for (const a of assignments) {
      expect(a.refused).toEqual({ problems: "找不到“存在问题”列（可能被改名或删除），未读取。", reporter: "找不到“填报人”列（可能被改名或删除），未读取。" });
      expect(a.report.problems).toBe("");
      expect(a.report.reporter).toBe("");
    }
    expect(assignments[0].report.progress).toBe("已起草");
  });

  it("name the columns in the tracker's words", () => {
    const headers = unitHeaders(PRESETS.schedule).filter((h) => h !== "存在困难");
    const grid: Grid = [headers, [1, "任务"]];
    const { assignments, issues } = readUnitGrid(grid, "甲", "甲表", 1, PRESETS.schedule);
    expect(issues[0].message).toBe("工作表“甲表”找不到“存在困难”列（可能被改名或删除），这些列的内容未读取，总表中的原值保留。");
    expect(assignments[0].refused).toEqual({ problems: "找不到“存在困难”列（可能被改名或删除），未读取。" });
  });

  it("leave the task's text and role empty when their columns are gone, still reading the row", () => {
    const grid: Grid = [["序号", "完成状态"], [3, "已完成"]];
    const [a] = only(grid).assignments;
    expect([a.taskId, a.text, a.role, a.due, a.report.status]).toEqual([3, "", "", undefined, "已完成"]);
    expect(Object.keys(a.refused ?? {}).sort()).toEqual(["evidence", "nextSteps", "problems", "progress", "reportDate", "reporter"]);
  });
});
