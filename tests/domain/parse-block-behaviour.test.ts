import { parseTaskList } from "../../src/domain";
import { taskListError } from "../support/task-list-error";

/**
 * The block style as provincial offices publish it: a numbered paragraph, then one line per
 * field (牵头单位：… 配合单位：… 完成时限：… 备注：…). What each task reads as is what the
 * workbook shows, so these pin the text, units, deadline and extra columns of each task.
 */
const FULL_WIDTH = `江西省职业教育重点任务分工
1．完善职业教育学历认证体系。推动职业本科教育发展。
牵头单位：省教育厅
配合单位：省发展改革委、省人力资源社会保障厅
完成时限：2025年底
2．健全职业学校学生升学机制，
扩大应用型本科招收中职毕业生规模
牵头单位：省教育厅
配合单位：
完成时限：长期坚持
备注：逐年推进
3．到2024年建成省级职业教育质量监测平台；
牵头部门：省教育厅
责任单位：省财政厅
时间节点：按省政府部署
备注：分步实施`;

/** Unnumbered paragraphs with half-width colons, as in a city bureau's responsibility list. */
const UNNUMBERED = `重点工作责任清单
开展职业技能等级认定试点
责任单位:市人社局、市教育局
完成时限:2023年9月底
组织高校毕业生就业见习
责任单位:市人社局、团市委`;

const problemsOf = (text: string) => taskListError(() => parseTaskList(text)).problems;

describe("block task lists (任务段落 + 牵头单位：… lines)", () => {
  it("reads each task's text from its paragraph, joined across lines, without the number or the final stop", () => {
    const list = parseTaskList(FULL_WIDTH);
    expect(list.name).toBe("江西省职业教育重点任务分工");
    expect(list.tasks.map((t) => [t.id, t.line, t.text])).toEqual([
      [1, 2, "完善职业教育学历认证体系。推动职业本科教育发展"],
      [2, 6, "健全职业学校学生升学机制，扩大应用型本科招收中职毕业生规模"],
      [3, 12, "到2024年建成省级职业教育质量监测平台"],
    ]);
  });

  it("takes the units from the lead, responsible and supporting lines in that order, skipping empty ones", () => {
    const list = parseTaskList(FULL_WIDTH);
    expect(list.tasks.map((t) => [t.units, t.unitsText])).toEqual([
      [["省教育厅", "省发展改革委", "省人力资源社会保障厅"], "省教育厅、省发展改革委、省人力资源社会保障厅"],
      [["省教育厅"], "省教育厅"],
      [["省教育厅", "省财政厅"], "省教育厅、省财政厅"],
    ]);
    expect(list.units).toEqual(["省教育厅", "省发展改革委", "省人力资源社会保障厅", "省财政厅"]);
  });

  it("reads the deadline from the 完成时限 line, else from the task text; an unreadable one is kept as 完成时限", () => {
    const list = parseTaskList(FULL_WIDTH);
    const [first, second, third] = list.tasks;
    expect(first.deadline).toEqual({ kind: "date", date: "2025-12-31", wording: "2025年底" });
    expect(second.deadline).toEqual({ kind: "none" });
    expect(third.deadline).toEqual({ kind: "date", date: "2024-12-31", wording: "到2024年" });
    // A readable deadline is not repeated as an extra column; the rest are shown as written.
    expect(first.info).toBeUndefined();
    expect(second.info).toEqual({ 完成时限: "长期坚持", 备注: "逐年推进" });
    expect(third.info).toEqual({ 完成时限: "按省政府部署", 备注: "分步实施" });
    expect(list.infoColumns).toEqual(["完成时限", "备注"]);
  });

  it("numbers unnumbered paragraphs 1, 2, … and adds no extra columns when there are none", () => {
    const list = parseTaskList(UNNUMBERED);
    expect(list.name).toBe("重点工作责任清单");
    expect(list.tasks.map((t) => [t.id, t.line, t.text, t.units])).toEqual([
      [1, 2, "开展职业技能等级认定试点", ["市人社局", "市教育局"]],
      [2, 5, "组织高校毕业生就业见习", ["市人社局", "团市委"]],
    ]);
    expect(list.tasks[0].deadline).toEqual({ kind: "date", date: "2023-09-30", wording: "2023年9月底" });
    expect(list.tasks.map((t) => t.info)).toEqual([undefined, undefined]);
    expect(list.tasks.some((t) => "info" in t)).toBe(false);
    expect(list.infoColumns).toBeUndefined();
    expect("infoColumns" in list).toBe(false);
  });

  it("refuses a task whose unit lines are all empty, naming the empty 牵头单位 line", () => {
    const text = ["重点任务分工", "1．完善职业教育标准体系。", "牵头单位：", "配合单位：", "2．推进产教融合。", "牵头单位：省发展改革委"].join("\n");
    expect(problemsOf(text)).toEqual([{ line: 3, message: "“牵头单位/责任单位”一行是空的。请填写至少一个责任单位。" }]);
    expect(() => parseTaskList(text)).toThrow("第 3 行：“牵头单位/责任单位”一行是空的。请填写至少一个责任单位。");
  });

  it("refuses a field line with no task text above it, naming that line and the field", () => {
    const text = ["牵头单位：省教育厅", "1．完善职业教育标准体系。", "牵头单位：省教育厅", "配合单位：省财政厅"].join("\n");
    expect(problemsOf(text)).toEqual([{ line: 1, message: "“牵头单位”之前没有任务文本。" }]);
  });
});
