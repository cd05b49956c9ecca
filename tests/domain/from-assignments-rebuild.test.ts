import { AssignmentRow, EMPTY_REPORT, Report, listFromAssignments, reportKey, reportsFromAssignments } from "../../src/domain";

/*
 * A returned tracker whose list source is gone is rebuilt from its unit sheets alone. The
 * sheets are read in whatever order the workbook holds them (here not the published one),
 * one row per task × unit, with the role and due date the tracker wrote and the unit filled in.
 */
const UNIT_ORDER = ["省发展改革委", "省教育厅", "省财政厅", "省人力资源社会保障厅", "省自然资源厅"];

const TEXTS: Record<number, string> = {
  1: "落实普惠性学前教育经费保障机制，逐步提高生均公用经费标准。",
  2: "推进义务教育优质均衡发展，开展县域义务教育质量评估。",
  3: "统筹安排中央和省级资金，支持农村薄弱学校改善办学条件。",
  4: "健全高校毕业生就业创业服务体系，落实就业见习补贴政策。",
  5: "完善教师工资待遇保障长效机制，确保不低于当地公务员平均工资收入水平。",
};

const filled: Report = { ...EMPTY_REPORT, status: "已完成", progress: "已印发实施方案", reporter: "张三", reportDate: "2025-03-10" };

function row(taskId: number, unit: string, role: "牵头" | "配合", due?: string, report: Report = EMPTY_REPORT): AssignmentRow {
  return { taskId, unit, text: TEXTS[taskId], role, due, report };
}

const ROWS: AssignmentRow[] = [
  // 省教育厅's sheet; someone cleared the due date on its row of task 1.
  row(2, "省教育厅", "牵头"),
  row(1, "省教育厅", "配合"),
  row(4, "省教育厅", "配合", "2025-09-30"),
  row(5, "省教育厅", "牵头", "2025-06-30"),
  // 省人力资源社会保障厅's sheet, moved before 省财政厅's; 省自然资源厅 has no rows at all.
  row(4, "省人力资源社会保障厅", "牵头", "2025-09-30"),
  row(5, "省人力资源社会保障厅", "配合", "2025-06-30"),
  // 省财政厅's sheet
  row(1, "省财政厅", "牵头", "2025-12-31", filled),
  row(3, "省财政厅", "牵头", "2026-06-30"),
  row(4, "省财政厅", "配合", "2025-09-30"),
  row(5, "省财政厅", "配合", "2025-06-30"),
  // 省发展改革委's sheet
  row(1, "省发展改革委", "配合", "2025-12-31"),
  row(3, "省发展改革委", "配合", "2026-06-30"),
  row(4, "省发展改革委", "配合", "2025-09-30"),
];

describe("rebuilding a task list from the unit sheets of a returned tracker", () => {
  // Rebuilt inside each test: a list built while the file loads is "static" to Stryker, whose
  // mutants there are left out of the run, so the assertions below would pin nothing under mutation.
  let list: ReturnType<typeof listFromAssignments>;
  beforeEach(() => {
    list = listFromAssignments("关于推进教育高质量发展的若干措施", ROWS, UNIT_ORDER);
  });

  it("gives one task per 序号, in 序号 order, with its text and no source line", () => {
    expect(list.name).toBe("关于推进教育高质量发展的若干措施");
    expect(list.tasks.map((t) => t.id)).toEqual([1, 2, 3, 4, 5]);
    expect(list.tasks.map((t) => t.text)).toEqual([TEXTS[1], TEXTS[2], TEXTS[3], TEXTS[4], TEXTS[5]]);
    expect(list.tasks.every((t) => t.line === 0)).toBe(true);
  });

  it("puts the lead unit first, then the others in the tracker's published unit order", () => {
    expect(list.tasks.map((t) => t.units)).toEqual([
      ["省财政厅", "省发展改革委", "省教育厅"],
      ["省教育厅"],
      ["省财政厅", "省发展改革委"],
      ["省人力资源社会保障厅", "省发展改革委", "省教育厅", "省财政厅"],
      ["省教育厅", "省财政厅", "省人力资源社会保障厅"],
    ]);
    expect(list.tasks.map((t) => t.unitsText)).toEqual([
      "省财政厅、省发展改革委、省教育厅",
      "省教育厅",
      "省财政厅、省发展改革委",
      "省人力资源社会保障厅、省发展改革委、省教育厅、省财政厅",
      "省教育厅、省财政厅、省人力资源社会保障厅",
    ]);
  });

  it("lists only the units that have rows, in published order", () => {
    expect(list.units).toEqual(["省发展改革委", "省教育厅", "省财政厅", "省人力资源社会保障厅"]);
  });

  it("takes the due date from any row that still has one, and none when no row has one", () => {
    expect(list.tasks.map((t) => t.deadline)).toEqual([
      { kind: "date", date: "2025-12-31", wording: "2025-12-31" },
      { kind: "none" },
      { kind: "date", date: "2026-06-30", wording: "2026-06-30" },
      { kind: "date", date: "2025-09-30", wording: "2025-09-30" },
      { kind: "date", date: "2025-06-30", wording: "2025-06-30" },
    ]);
  });

  it("gives an empty list for a tracker whose unit sheets have no rows", () => {
    expect(listFromAssignments("空表", [], UNIT_ORDER)).toEqual({ name: "空表", tasks: [], units: [] });
  });
});

describe("the reports read from the unit sheets", () => {
  it("are keyed by 序号 × unit, one per row, as filled in", () => {
    const reports = reportsFromAssignments(ROWS);
    expect(reports.size).toBe(ROWS.length);
    expect(reports.get(reportKey(1, "省财政厅"))).toEqual(filled);
    expect(reports.get(reportKey(1, "省教育厅"))).toEqual(EMPTY_REPORT);
    expect(reports.get(reportKey(4, "省人力资源社会保障厅"))).toEqual(EMPTY_REPORT);
    expect(reports.has(reportKey(2, "省财政厅"))).toBe(false);
  });
});
