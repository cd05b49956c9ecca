import { parseInlineTaskList, parseTaskList } from "../../src/domain";
import { taskListError } from "../support/task-list-error";

/**
 * The inline style of policy documents: "任务文本。（某某牵头，某某按职责分工负责）". What each
 * task reads as is what the workbook shows, so these pin ids, text, units and the errors.
 */

/** An excerpt keeps its published numbers; the brackets are full-width, some end in "。". */
const EXCERPT = `职业教育实施方案（节选）
5．完善职业教育标准体系。到2025年建成覆盖主要专业的教学标准。（省教育厅牵头，省市场监管局按职责分工负责）。
6．推进中高职一体化培养。（由省教育厅牵头，省财政厅、省人力资源社会保障厅协助配合）
7．建设自由贸易试验区职业技能实训基地。（省商务厅牵头，省自由贸易试验区管委会、各牵头部门配合）`;

/** Unnumbered paragraphs with half-width brackets, as copied from a web page. */
const UNNUMBERED = `就业工作任务分工
组织高校毕业生就业见习。(市人社局牵头,团市委配合)
开展就业服务进校园活动。(市教育局负责)`;

const problemsOf = (parse: () => unknown) => taskListError(parse).problems;

describe("inline task lists (任务文本（某某牵头，某某负责）)", () => {
  it("keeps published numbers, and reads the text without the number, the bracket or the final stop", () => {
    const list = parseTaskList(EXCERPT);
    expect(list.name).toBe("职业教育实施方案（节选）");
    expect(list.tasks.map((t) => [t.id, t.line, t.text])).toEqual([
      [5, 2, "完善职业教育标准体系。到2025年建成覆盖主要专业的教学标准"],
      [6, 3, "推进中高职一体化培养"],
      [7, 4, "建设自由贸易试验区职业技能实训基地"],
    ]);
    expect(list.tasks[0].deadline).toEqual({ kind: "date", date: "2025-12-31", wording: "到2025年" });
    expect(list.tasks[1].unitsText).toBe("由省教育厅牵头，省财政厅、省人力资源社会保障厅协助配合");
  });

  it("reads the units of the bracket: 由 and role words go, names containing 由 or 牵头 stay whole", () => {
    const list = parseTaskList(EXCERPT);
    expect(list.tasks.map((t) => t.units)).toEqual([
      ["省教育厅", "省市场监管局"],
      ["省教育厅", "省财政厅", "省人力资源社会保障厅"],
      ["省商务厅", "省自由贸易试验区管委会", "各牵头部门"],
    ]);
  });

  it("keeps the tasks after a bracket left open by a typo: a numbered line is never joined to it", () => {
    const list = parseTaskList(
      [
        "职业教育重点任务分工",
        "1．制定职业教育发展专项规划（2021—2025年。（省教育厅牵头）",
        "2．推进产教融合。（省发展改革委牵头）",
        "3．扩大招生规模。（省教育厅负责）",
        "4．建设实训基地。（省人社厅牵头）",
        "5．完善资助政策。（省财政厅负责）",
      ].join("\n"),
    );
    expect(list.tasks.map((t) => [t.id, t.line, t.units])).toEqual([
      [1, 2, ["省教育厅"]],
      [2, 3, ["省发展改革委"]],
      [3, 4, ["省教育厅"]],
      [4, 5, ["省人社厅"]],
      [5, 6, ["省财政厅"]],
    ]);
    expect(list.tasks[0].text).toBe("制定职业教育发展专项规划（2021—2025年");
  });

  it("numbers unnumbered paragraphs 1, 2, … in order", () => {
    const list = parseTaskList(UNNUMBERED);
    expect(list.name).toBe("就业工作任务分工");
    expect(list.tasks.map((t) => [t.id, t.text, t.units])).toEqual([
      [1, "组织高校毕业生就业见习", ["市人社局", "团市委"]],
      [2, "开展就业服务进校园活动", ["市教育局"]],
    ]);
  });

  it("numbers (三)-style paragraphs by their Chinese number", () => {
    const text = ["就业工作任务分工", "（三）组织高校毕业生就业见习。（市人社局牵头）", "（四）开展就业服务进校园活动。（市教育局负责）"].join("\n");
    expect(parseTaskList(text).tasks.map((t) => [t.id, t.text])).toEqual([
      [3, "组织高校毕业生就业见习"],
      [4, "开展就业服务进校园活动"],
    ]);
  });

  it("a bracket inside the sentence does not end the task; the bracket on the next line does", () => {
    const text = [
      "任务分工",
      "1．建立职业教育联席会议制度（由省教育厅负责召集），定期研究重大问题。",
      "（省教育厅牵头，省财政厅配合）",
      "2．推进产教融合。（省发展改革委牵头）",
    ].join("\n");
    const list = parseTaskList(text);
    expect(list.tasks.map((t) => [t.id, t.line, t.text, t.units])).toEqual([
      [1, 2, "建立职业教育联席会议制度（由省教育厅负责召集），定期研究重大问题", ["省教育厅", "省财政厅"]],
      [2, 4, "推进产教融合", ["省发展改革委"]],
    ]);
  });

  it("a doubled stop after the bracket (a typing slip) still closes the task", () => {
    const text = ["任务分工", "1．完善职业教育标准体系。（省教育厅负责）。。", "2．推进产教融合。（省发展改革委牵头）"].join("\n");
    expect(parseTaskList(text).tasks.map((t) => [t.id, t.text, t.units])).toEqual([
      [1, "完善职业教育标准体系", ["省教育厅"]],
      [2, "推进产教融合", ["省发展改革委"]],
    ]);
  });

  it("names a bracket with no task text before it and a bracket that names no unit", () => {
    const text = [
      "任务分工",
      "1．完善职业教育标准体系。（省教育厅牵头）",
      "（省财政厅负责）",
      "2．推进产教融合。（按职责分工负责）",
      "3．扩大职业教育招生规模。（省教育厅负责）",
    ].join("\n");
    expect(problemsOf(() => parseTaskList(text))).toEqual([
      { line: 3, message: "括号前没有任务文本。" },
      { line: 4, message: "括号中没有识别出责任单位。" },
    ]);
  });

  it("is chosen when at least a quarter of the paragraphs end in a responsibility bracket", () => {
    const quarter = ["职业教育工作要点", "附件", "一、总体要求", "1．完善职业教育标准体系。（省教育厅牵头）"].join("\n");
    const list = parseTaskList(quarter);
    expect(list.tasks.map((t) => [t.id, t.section, t.units])).toEqual([[1, "一、总体要求", ["省教育厅"]]]);

    const prose = [
      "关于做好职业教育工作的通知",
      "各设区市教育局：",
      "现将有关事项通知如下。",
      "一、提高认识",
      "二、加强领导",
      "请各地认真落实。（省教育厅负责解释）",
    ].join("\n");
    const problems = problemsOf(() => parseTaskList(prose));
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^这不是任务清单/);
  });

  it("says which style it looked for when the text has no task at all", () => {
    expect(problemsOf(() => parseInlineTaskList("职业教育工作要点\n附件"))).toEqual([
      { line: 1, message: "没有找到“任务文本（某某牵头……）”形式的任务。" },
    ]);
  });
});
