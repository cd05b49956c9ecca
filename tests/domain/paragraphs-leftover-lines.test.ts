import { parseInlineTaskList, parseTaskList } from "../../src/domain";
import { taskListError } from "../support/task-list-error";

/**
 * The lines of a paragraph-style list that are not tasks: what stands above the first task
 * and below the last is shown as ignored, headings become sections, and a paragraph that
 * never reaches its responsibility bracket is refused on its own line.
 */
const UNFINISHED = "这一段末尾没有“（某某牵头，某某按职责分工负责）”，无法确定责任单位。请补上，或与上一段/下一段合并。";
const problemsOf = (parse: () => unknown) => taskListError(parse).problems;

describe("paragraph lists: lines above, between and below the tasks", () => {
  it("takes the title from above the tasks and lists 附件, 文号, signature, date and remark as ignored, in order", () => {
    const text = [
      "附件2",
      "赣教职字〔2022〕3号",
      "职业教育重点任务分工",
      "1．完善职业教育标准体系。（省教育厅牵头）",
      "2．推进产教融合。（省发展改革委牵头，省教育厅配合）",
      "注：本分工方案中未列明配合单位的，由牵头单位商有关部门确定。",
      "江西省教育厅",
      "2022年3月1日",
    ].join("\n");
    const list = parseTaskList(text);
    expect(list.name).toBe("职业教育重点任务分工");
    expect(list.tasks.map((t) => t.id)).toEqual([1, 2]);
    expect(list.ignored).toEqual([
      { line: 1, text: "附件2" },
      { line: 2, text: "赣教职字〔2022〕3号" },
      { line: 6, text: "注：本分工方案中未列明配合单位的，由牵头单位商有关部门确定。" },
      { line: 7, text: "江西省教育厅" },
      { line: 8, text: "2022年3月1日" },
    ]);
  });

  it("names a list with no title 任务清单, or the caller's name, and ignores nothing", () => {
    const text = ["1．完善职业教育标准体系。（省教育厅牵头）", "2．推进产教融合。（省发展改革委牵头）"].join("\n");
    expect(parseTaskList(text)).toMatchObject({ name: "任务清单", ignored: [] });
    expect(parseTaskList(text, { name: "职教任务" }).name).toBe("职教任务");
  });

  it("makes a 一、 line of up to 60 characters a section; a longer one above the tasks is an ignored paragraph", () => {
    const intro = "一、为贯彻落实《国家职业教育改革实施方案》和全国职业教育大会精神，推动我省职业教育高质量发展，现将2022年重点任务分工如下";
    const heading = "二、坚持立德树人，深化产教融合、校企合作，推动职业教育高质量发展，加快建设技能型社会和技能强省，服务全省经济社会发展大局";
    const text = [
      "职业教育重点任务分工",
      intro,
      "1．完善职业教育标准体系。（省教育厅牵头）",
      heading,
      "2．推进产教融合。（省发展改革委牵头）",
    ].join("\n");
    const list = parseTaskList(text);
    expect(list.tasks.map((t) => [t.id, t.section])).toEqual([
      [1, undefined],
      [2, heading],
    ]);
    expect(list.ignored).toEqual([{ line: 2, text: intro }]);
  });

  it("refuses a paragraph without a bracket before the first task or between tasks, on its own line, sorted by line", () => {
    const text = [
      "职业教育重点任务分工",
      "1．完善职业教育标准体系。",
      "2．推进产教融合。（省发展改革委牵头）",
      "加强职业教育宣传",
      "3．扩大职业教育招生规模。（省教育厅负责）",
      "4．加强宣传引导。（按职责分工负责）",
    ].join("\n");
    expect(problemsOf(() => parseTaskList(text))).toEqual([
      { line: 2, message: UNFINISHED },
      { line: 4, message: UNFINISHED },
      { line: 6, message: "括号中没有识别出责任单位。" },
    ]);
  });

  it("refuses a paragraph of 30 or more characters after the last task, even one that mentions 说明", () => {
    const text = [
      "职业教育重点任务分工",
      "1．完善职业教育标准体系。（省教育厅牵头）",
      "各地要于每年底前报送职业教育工作情况说明和下一年度工作计划。",
      "江西省教育厅",
    ].join("\n");
    expect(problemsOf(() => parseTaskList(text))).toEqual([{ line: 3, message: UNFINISHED }]);
  });

  it("refuses a number used twice, naming both lines, among the other problems in line order", () => {
    const text = [
      "职业教育重点任务分工",
      "1．完善职业教育标准体系。（省教育厅牵头）",
      "2．推进产教融合。（省发展改革委牵头）",
      "2．扩大职业教育招生规模。（省教育厅负责）",
      "建立健全职业教育质量年度报告制度，每年向社会发布质量年度报告",
    ].join("\n");
    expect(problemsOf(() => parseTaskList(text))).toEqual([
      { line: 4, message: "序号 2 重复（第 3 行已有）。请改正其中一个。" },
      { line: 5, message: UNFINISHED },
    ]);
  });

  it("says which style it looked for when nothing is a task, but not when a paragraph is refused instead", () => {
    const prose = ["职业教育工作要点", "为深入贯彻落实全国职业教育大会精神，现就做好2022年全省职业教育工作提出如下要点"].join("\n");
    expect(problemsOf(() => parseInlineTaskList(prose))).toEqual([
      { line: 1, message: "没有找到“任务文本（某某牵头……）”形式的任务。" },
    ]);
    expect(problemsOf(() => parseInlineTaskList("职业教育工作要点\n1．完善职业教育标准体系。"))).toEqual([{ line: 2, message: UNFINISHED }]);
  });
});
