import { parseTaskList } from "../../src/domain";

/**
 * The list's name is the title above its table. Above it offices print 附件 labels, 文号,
 * dates, page numbers of a PDF and 主送/抄送 lines: never the name. Of the rest, the nearest
 * line reading like a list title (清单, 任务, 方案…) wins, else the nearest short line.
 */
const TABLE = ["序号\t政策内容\t责任部门", "1\t推进中高职贯通培养\t省教育厅"];
const parse = (above: string[]) => parseTaskList([...above, ...TABLE].join("\n"), { name: "未命名清单" });
const nameOf = (...above: string[]) => parse(above).name;

/** A notice title without a list word: the name only while nothing nearer reads like a title. */
const NOTICE = "江西省人民政府办公厅关于深化职业教育改革的意见";

describe("the list's name", () => {
  it("skips 附件, 文号, dates, page numbers and 主送/抄送 lines printed below the title", () => {
    const formalities = [
      "附件",
      "附件2",
      "附件1：",
      "赣府办字〔2021〕15号",
      "赣府厅发[2022]3号",
      "2021年12月15日",
      "— 12 —",
      "- 3 -",
      "12",
      "第3页",
      "主送：各设区市人民政府，省政府各部门",
      "抄送：省委办公厅",
      "联系人：张三，电话：0791-86281234",
    ];
    for (const line of formalities) {
      const parsed = parse([NOTICE, line]);
      expect([line, parsed.name]).toEqual([line, NOTICE]);
      expect(parsed.ignored).toEqual([{ line: 2, text: line }]);
    }
  });

  it("is the nearest line reading like a list title, without its 附件 label", () => {
    const parsed = parse(["江西省人民政府办公厅关于印发职业教育改革实施方案的通知", "附件1：", "江西省职业教育重点任务分工", "单位：万元"]);
    expect(parsed.name).toBe("江西省职业教育重点任务分工");
    expect(parsed.ignored?.map((l) => l.text)).toEqual(["江西省人民政府办公厅关于印发职业教育改革实施方案的通知", "附件1：", "单位：万元"]);
    expect(nameOf("附件1：江西省职业教育重点任务清单")).toBe("江西省职业教育重点任务清单");
    expect(nameOf("附件1 江西省职业教育重点任务清单")).toContain("江西省职业教育重点任务清单");
    expect(nameOf(NOTICE)).toBe(NOTICE);
  });

  it("may start with a year or date, or carry a year range, brackets, a colon or 印发", () => {
    const titles = [
      "2023年重点工作任务清单",
      "2023年6月30日前完成的重点任务清单",
      "江西省重点任务推进计划2021-2025",
      "江西省职业教育重点任务台账 截至2023年6月30日",
      "江西省职业教育重点任务清单（2021—2025年）",
      "江西省“十四五”职业教育规划：重点任务分工",
      "关于印发《江西省职业教育改革实施方案》的通知",
      "省政府关于深化职业教育改革的意见及附件",
    ];
    expect(titles.map((t) => nameOf(t))).toEqual(titles.map((t) => t.replace(" ", "")));
  });

  it("is not a body line of more than 60 characters, but may be a title of exactly 60", () => {
    const body = "为深入贯彻全国职业教育大会精神，加快构建现代职业教育体系，经省政府同意，现就深化职业教育改革提出如下意见，请各地各部门结合实际认真贯彻落实";
    expect([...body].length).toBeGreaterThan(60);
    expect(nameOf(NOTICE, body)).toBe(NOTICE);
    const sixty = "江西省人民政府办公厅关于深化现代职业教育体系建设改革推动职业教育高质量发展促进产教融合校企合作的实施意见及其配套政策文件";
    expect([...sixty].length).toBe(60);
    expect(nameOf(sixty)).toBe(sixty);
  });

  it("drops 附件 labels numbered in Chinese or without a colon, and skips them as lines", () => {
    const title = "江西省职业教育重点任务清单";
    expect(nameOf(NOTICE, "附件一")).toBe(NOTICE);
    expect(nameOf("附件二：" + title)).toBe(title);
    expect(nameOf("附件1 " + title)).toBe(title);
    expect(nameOf("附件：" + title)).toBe(title);
    // A title that merely starts with the word keeps it.
    expect(nameOf("附件清单")).toBe("附件清单");
  });
});
