import { parseTaskList } from "../../src/domain";

/**
 * Headings in a table (一、 / （一） / 1. / （1） and 第X部分, the number in any count of
 * digits) give each task its section: the workbook groups and labels tasks by it. A remark
 * below the table that merely mentions a part or item stays an ignored line.
 */
const HEADER = "序号\t政策内容\t责任部门";
const list = (...rows: string[]) => parseTaskList([HEADER, ...rows].join("\n"));

describe("section headings in a table", () => {
  it("nest 一、 and （一） headings; a new heading closes those at its level and below", () => {
    const parsed = list(
      "一、总体要求",
      "（一）完善职业教育体系",
      "1\t推进中高职贯通培养\t省教育厅",
      "（二）深化产教融合",
      "2\t建设产教融合实训基地\t省发展改革委、省教育厅",
      "二、保障措施",
      "3\t落实职业教育经费投入\t省财政厅",
    );
    expect(parsed.tasks.map((t) => [t.id, t.section])).toEqual([
      [1, "一、总体要求 / （一）完善职业教育体系"],
      [2, "一、总体要求 / （二）深化产教融合"],
      [3, "二、保障措施"],
    ]);
    expect(parsed.ignored).toEqual([]);
  });

  it("reads four levels and numbers of more than one character or digit", () => {
    const parsed = list("十二、组织领导", "（十三）加强统筹", "10、督查考核", "（12）定期通报", "1\t建立重点任务月调度机制\t省政府办公厅");
    expect(parsed.tasks[0].section).toBe("十二、组织领导 / （十三）加强统筹 / 10、督查考核 / （12）定期通报");
    const deeper = list("一、主要任务", "1.提升办学能力", "（1）改善办学条件", "1\t实施职业院校办学条件达标工程\t省教育厅");
    expect(deeper.tasks[0].section).toBe("一、主要任务 / 1.提升办学能力 / （1）改善办学条件");
  });

  it("reads 第X部分 as an outermost heading", () => {
    const parsed = list("第十一部分保障措施", "（一）加强组织领导", "1\t建立联席会议制度\t省政府办公厅");
    expect(parsed.tasks[0].section).toBe("第十一部分保障措施 / （一）加强组织领导");
    expect(list("第二部分重点任务", "1\t建立联席会议制度\t省政府办公厅").tasks[0].section).toBe("第二部分重点任务");
  });

  it("keeps remarks below the table that mention a part, item or annex number as ignored lines", () => {
    const remarks = [
      "说明：第二部分任务由各设区市参照执行",
      "备注：分三、四季度推进",
      "备注：相关标准见附表（二）",
      "备注：上述第1、第2项任务按季度报送进展",
      "备注：资金安排详见附表（2）",
    ];
    const parsed = list("一、重点任务", "1\t推进中高职贯通培养\t省教育厅", "2\t建设产教融合实训基地\t省发展改革委", ...remarks);
    expect(parsed.ignored).toEqual(remarks.map((text, i) => ({ line: i + 5, text })));
    expect(parsed.tasks.map((t) => t.section)).toEqual(["一、重点任务", "一、重点任务"]);
  });
});
