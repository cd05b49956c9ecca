import { TaskListError, looksInline, parseInlineTaskList } from "../../src/domain";

/** Written in the style of provincial implementation plans. */
const SAMPLE = `关于推动现代职业教育高质量发展的实施方案
一、强化职业教育类型特色
1.完善职业教育标准体系,到2025年建成覆盖主要专业的教学标准。(省教育厅牵头,省人力资源社会保障厅、省市场监管局按职责分工负责)
2.推进中高职一体化培养,扩大五年一贯制招生规模。(省教育厅、省发展改革委牵头,各市、县(市、区)人民政府负责)
二、完善产教融合办学体制
3.建立产教融合型企业认证制度,每年度认定一批省级产教融合型企业。(省发展改革委牵头,省财政厅、省国资委等按职责分工负责)
4.落实职业院校教师企业实践制度。(省教育厅负责)`;

describe("inline task lists (任务文本。(某某牵头,某某按职责分工负责))", () => {
  it("recognises the style", () => {
    expect(looksInline(SAMPLE)).toBe(true);
    expect(looksInline("序号\t政策内容\t责任部门\n1\t任务\t省教育厅")).toBe(false);
  });

  it("reads tasks, lead units, supporting units, sections and deadlines", () => {
    const list = parseInlineTaskList(SAMPLE);
    expect(list.name).toBe("关于推动现代职业教育高质量发展的实施方案");
    expect(list.tasks.map((t) => [t.id, t.units])).toEqual([
      [1, ["省教育厅", "省人力资源社会保障厅", "省市场监管局"]],
      [2, ["省教育厅", "省发展改革委", "各市、县(市、区)人民政府"]],
      [3, ["省发展改革委", "省财政厅", "省国资委"]],
      [4, ["省教育厅"]],
    ]);
    expect(list.tasks[0].text).toBe("完善职业教育标准体系,到2025年建成覆盖主要专业的教学标准");
    expect(list.tasks[0].deadline).toEqual({ kind: "date", date: "2025-12-31", wording: "到2025年" });
    expect(list.tasks[2].deadline.kind).toBe("yearly");
    expect(list.tasks.map((t) => t.section)).toEqual(["一、强化职业教育类型特色", "一、强化职业教育类型特色", "二、完善产教融合办学体制", "二、完善产教融合办学体制"]);
  });

  it("names the paragraph that has no responsibility bracket", () => {
    const bad = SAMPLE.replace("4.落实职业院校教师企业实践制度。(省教育厅负责)", "4.落实职业院校教师企业实践制度。");
    expect(() => parseInlineTaskList(bad)).toThrow(TaskListError);
    expect(() => parseInlineTaskList(bad)).toThrow(/第 7 行/);
  });
});
