import { parseTaskList } from "../../src/domain";
import { cleanCellText, compactHeader } from "../../src/domain/text-cleanup";

/**
 * Cells copied from web pages and converted Word/PDF files carry HTML remnants (<p>, <br/>,
 * &nbsp;, &amp;) and layout spaces. What is left after cleaning is the task text, units and
 * extra columns the workbook shows, so these pin the cleaned text through parseTaskList.
 */
const HEADER = "序号\t政策内容\t责任部门";
const taskText = (cell: string) => parseTaskList(`${HEADER}\n1\t${cell}\t省工业和信息化厅`).tasks[0].text;

describe("cell text copied from web pages and converted documents", () => {
  it("drops HTML tags of any length, leaving a space where they separated Latin words", () => {
    expect(taskText("<p>推进5G<br/>IPv6规模部署</p>")).toBe("推进5G IPv6规模部署");
    expect(taskText('<span style="font-family:仿宋">加快千兆光网建设</span>')).toBe("加快千兆光网建设");
    expect(taskText("推进5G<BR>IPv6规模部署")).toBe("推进5G IPv6规模部署");
  });

  it("turns the common HTML entities back into the characters they stand for", () => {
    expect(taskText("支持Wi-Fi&nbsp;6网络覆盖")).toBe("支持Wi-Fi 6网络覆盖");
    expect(taskText("加大企业R&amp;D投入")).toBe("加大企业R&D投入");
    expect(taskText("PM2.5年均浓度&lt;35微克/立方米")).toBe("PM2.5年均浓度<35微克/立方米");
    expect(taskText("空气质量优良天数比率&gt;90%")).toBe("空气质量优良天数比率>90%");
  });

  it("collapses runs of spaces, no-break and ideographic spaces between Latin words to one space", () => {
    expect(taskText("支持Wi-Fi\u00a0\u00a06与5G协同")).toBe("支持Wi-Fi 6与5G协同");
    expect(taskText("推广BIM   CIM技术应用")).toBe("推广BIM CIM技术应用");
    expect(taskText("推广BIM\u3000CIM技术应用")).toBe("推广BIM CIM技术应用");
  });

  it("removes the spaces conversion puts next to Chinese characters, and the spaces around the cell", () => {
    expect(taskText("到 2025 年 建成 10 个 示范基地")).toBe("到2025年建成10个示范基地");
    expect(taskText("  5G基站建设 ")).toBe("5G基站建设");
    expect(taskText("部署IPv6 ")).toBe("部署IPv6");
  });

  it("cleans the units cell the same way before reading the units", () => {
    const list = parseTaskList(`${HEADER}\n1\t推进数字政府建设\t<p>省政务服务办&nbsp;、 省发展改革委</p>`);
    expect(list.tasks[0].unitsText).toBe("省政务服务办、省发展改革委");
    expect(list.tasks[0].units).toEqual(["省政务服务办", "省发展改革委"]);
  });
});

describe("header cells spaced out for layout", () => {
  it("finds spaced-out headers and names an extra column without its inner spaces", () => {
    const list = parseTaskList(["序 号\t政 策 内 容\t责 任 部 门\t2021 - 2025年 目标值", "1\t提高职业院校毕业生就业率\t省教育厅\t95%"].join("\n"));
    expect(list.tasks[0].text).toBe("提高职业院校毕业生就业率");
    expect(list.tasks[0].units).toEqual(["省教育厅"]);
    expect(list.infoColumns).toEqual(["2021-2025年目标值"]);
    expect(list.tasks[0].info).toEqual({ "2021-2025年目标值": "95%" });
  });

  it("compactHeader keeps no whitespace at all; cleanCellText keeps one space between Latin words", () => {
    expect(compactHeader(" 2021 - 2025年 目标值 ")).toBe("2021-2025年目标值");
    expect(compactHeader("KPI  (A\u00a0B)")).toBe("KPI(AB)");
    expect(cleanCellText(" KPI  (A\u00a0B) ")).toBe("KPI (A B)");
  });
});
