import { parseTaskList } from "../../src/domain";
import { taskListError } from "../support/task-list-error";

/**
 * Paragraph lists copied from PDFs and web pages: line ends of any system, blank lines, and
 * paragraphs broken where the page ended. Which lines make one task decides each task's
 * id and text, so these pin where a task starts and where the lines above it stop.
 */
const UNFINISHED = "这一段末尾没有“（某某牵头，某某按职责分工负责）”，无法确定责任单位。请补上，或与上一段/下一段合并。";
const read = (lines: string[]) => parseTaskList(lines.join("\n"));
const tasksOf = (lines: string[]) => read(lines).tasks.map((t) => [t.id, t.line, t.text]);

describe("paragraph lists: lines and broken paragraphs", () => {
  it("reads a byte-order mark, CRLF, lone CR and blank lines as nothing but line ends", () => {
    const crlf = "\uFEFF职业教育重点任务分工\r\n1．完善职业教育标准体系。（省教育厅牵头）\r\n\r\n 　\r\n2．推进产教融合。（省发展改革委牵头）\r\n";
    const list = parseTaskList(crlf);
    expect(list.name).toBe("职业教育重点任务分工");
    expect(list.ignored).toEqual([]);
    expect(list.tasks.map((t) => [t.id, t.line, t.text])).toEqual([
      [1, 2, "完善职业教育标准体系"],
      [2, 5, "推进产教融合"],
    ]);

    const cr = "职业教育重点任务分工\r1．完善职业教育标准体系。（省教育厅牵头）\r2．推进产教融合。（省发展改革委牵头）";
    expect(parseTaskList(cr).tasks.map((t) => [t.id, t.line, t.units])).toEqual([
      [1, 2, ["省教育厅"]],
      [2, 3, ["省发展改革委"]],
    ]);
  });

  it("joins an unnumbered paragraph broken after 16 or more characters, but not the short title above it", () => {
    const list = read(["就业工作任务分工", "深化产教融合推动职业院校和行业企", "共建实训基地。（市教育局牵头，市人社局配合）"]);
    expect(list.name).toBe("就业工作任务分工");
    expect(list.tasks.map((t) => [t.id, t.line, t.text])).toEqual([[1, 2, "深化产教融合推动职业院校和行业企共建实训基地"]]);
  });

  it("stops a paragraph at a line above ending in ：or 。 and at a 主送 line, but not at a 。 inside the line", () => {
    expect(
      tasksOf(["就业工作任务分工", "根据省政府工作部署，现将有关任务分工明确如下：", "到2025年建成标准体系。推动职业本科教育发展，", "加快建设技能型社会。（市教育局牵头）"]),
    ).toEqual([[1, 3, "到2025年建成标准体系。推动职业本科教育发展，加快建设技能型社会"]]);
    const list = read([
      "就业工作任务分工",
      "主送：各设区市人民政府，省政府各部门",
      "为深入贯彻落实全国职业教育大会精神，现将任务分工如下。",
      "深化产教融合推动职业院校和行业企",
      "共建实训基地。（市教育局牵头）",
      "开展就业服务进校园活动。（市教育局负责）",
    ]);
    expect(list.tasks.map((t) => [t.id, t.line, t.text])).toEqual([
      [1, 4, "深化产教融合推动职业院校和行业企共建实训基地"],
      [2, 6, "开展就业服务进校园活动"],
    ]);
    expect(list.ignored!.map((l) => l.line)).toEqual([2, 3]);
  });

  it("does not join a short 一、 or （二） heading to the paragraph below it: it becomes the section", () => {
    const list = read([
      "就业工作任务分工",
      "一、深入推进职业教育产教融合校企合作",
      "深化产教融合推动职业院校和行业企",
      "共建实训基地。（市教育局牵头）",
      "（二）健全职业教育教师培养培训体系建设",
      "实施职业院校教师素质提高计划，推进",
      "双师型教师队伍建设。（市教育局负责）",
    ]);
    expect(list.tasks.map((t) => [t.id, t.line, t.text, t.section])).toEqual([
      [1, 3, "深化产教融合推动职业院校和行业企共建实训基地", "一、深入推进职业教育产教融合校企合作"],
      [2, 6, "实施职业院校教师素质提高计划，推进双师型教师队伍建设", "一、深入推进职业教育产教融合校企合作 / （二）健全职业教育教师培养培训体系建设"],
    ]);
  });

  it("reads a （三） line of 25 or more characters that runs on as the task's start, and nothing above it", () => {
    const preamble = "根据国务院关于深化产教融合的若干意见，结合我省实际，现就有关工作作出部署";
    const list = read(["就业工作任务分工", preamble, "（三）组织开展职业院校技能大赛和职业技能等级认定，", "完善以赛促教机制。（市教育局牵头）"]);
    expect(list.tasks.map((t) => [t.id, t.line, t.text, t.section])).toEqual([[3, 3, "组织开展职业院校技能大赛和职业技能等级认定，完善以赛促教机制", undefined]]);
    expect(list.ignored).toEqual([{ line: 2, text: preamble }]);
  });

  it("starts a broken numbered paragraph at its number, leaving the title out", () => {
    expect(
      tasksOf([
        "职业教育重点任务分工",
        "1．建立职业教育联席会议制度，",
        "定期研究重大问题。（省教育厅牵头）",
        "2．推进产教融合。（省发展改革委牵头）",
        "3．扩大职业教育招生规模，",
        "提高中职毕业生升学比例。（省教育厅负责）",
      ]),
    ).toEqual([
      [1, 2, "建立职业教育联席会议制度，定期研究重大问题"],
      [2, 4, "推进产教融合"],
      [3, 5, "扩大职业教育招生规模，提高中职毕业生升学比例"],
    ]);
  });

  it("reads a responsibility bracket broken across lines, even one holding a bracket, as the task's units", () => {
    const list = read([
      "语言文字工作任务分工",
      "1．推广国家通用语言文字。（省教育厅（省语委）牵头，",
      "省民族宗教事务委员会配合）",
      "2．加强语言文字规范化建设。（省教育厅负责）",
    ]);
    expect(list.tasks.map((t) => [t.id, t.line, t.text, t.units])).toEqual([
      [1, 2, "推广国家通用语言文字", ["省教育厅（省语委）", "省民族宗教事务委员会"]],
      [2, 4, "加强语言文字规范化建设", ["省教育厅"]],
    ]);
  });

  it("joins a bracket over at most four lines, and refuses a bracket left open on the last line", () => {
    const fiveLines = [
      "职业教育重点任务分工",
      "1．深化职业教育改革。（省教育厅牵头，省发展改革委、",
      "省财政厅、",
      "省人力资源社会保障厅、",
      "省自然资源厅、",
      "省住房城乡建设厅按职责分工负责）",
      "2．推进产教融合。（省发展改革委牵头）",
    ];
    expect(taskListError(() => read(fiveLines)).problems).toEqual([{ line: 2, message: UNFINISHED }]);
    expect(read([...fiveLines.slice(0, 4), fiveLines[5], fiveLines[6]]).tasks.map((t) => t.units)).toEqual([
      ["省教育厅", "省发展改革委", "省财政厅", "省人力资源社会保障厅", "省住房城乡建设厅"],
      ["省发展改革委"],
    ]);

    const openAtEnd = ["职业教育重点任务分工", "1．完善职业教育标准体系。（省教育厅牵头）", "2．推进产教融合。（省发展改革委牵头，"];
    expect(taskListError(() => read(openAtEnd)).problems).toEqual([{ line: 3, message: UNFINISHED }]);
  });

  it("keeps the space where a line break fell between two Latin words", () => {
    const list = read(["来华留学工作任务分工", "1．打造“Study in", "Jiangxi”来华留学品牌。", "牵头单位：省教育厅"]);
    expect(list.tasks.map((t) => [t.id, t.line, t.text])).toEqual([[1, 2, "打造“Study in Jiangxi”来华留学品牌"]]);
  });
});
