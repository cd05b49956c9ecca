import { parseTaskList } from "../../src/domain";

/** CSV as spreadsheet programs save it, read through the public parser. */
const summary = (text: string) => parseTaskList(text).tasks.map((t) => [t.id, t.text, t.units, t.line]);

describe("CSV files as spreadsheet programs save them", () => {
  it("a UTF-8 CSV with a byte-order mark, Windows line ends and every field quoted keeps its title and lines", () => {
    const text =
      "\uFEFF" +
      [
        '"2024年数字政府建设任务分解表","",""',
        '"序号","重点任务","责任单位"',
        '"1","推进政务服务“一网通办”","省政务服务办"',
        '"2","建设全省一体化数据平台","省大数据中心、省发展改革委"',
        "",
      ].join("\r\n");
    const list = parseTaskList(text);
    expect(list.name).toBe("2024年数字政府建设任务分解表");
    expect(summary(text)).toEqual([
      [1, "推进政务服务“一网通办”", ["省政务服务办"], 3],
      [2, "建设全省一体化数据平台", ["省大数据中心", "省发展改革委"], 4],
    ]);
    expect(list.infoColumns).toBeUndefined();
  });

  it("two saved CSVs pasted one after the other: the second byte-order mark does not spoil its quoted fields", () => {
    const first = "\uFEFF" + ['"序号","重点任务","责任单位"', '"1","推进政务服务“一网通办”","省政务服务办"'].join("\r\n");
    // The second file's first field is quoted because it holds a comma: behind a mark it would split.
    const second = "\uFEFF" + ['"序号（2024年,2025年）","重点任务","责任单位"', '"2","建设数据平台，打通部门系统","省大数据中心、省发展改革委"'].join("\r\n");
    expect(summary(`${first}\r\n${second}\r\n`)).toEqual([
      [1, "推进政务服务“一网通办”", ["省政务服务办"], 2],
      [2, "建设数据平台，打通部门系统", ["省大数据中心", "省发展改革委"], 4],
    ]);
  });

  it("a CSV with old Macintosh line ends (a carriage return alone) is read line by line", () => {
    const text = ["农村供水任务清单", "序号,政策内容,责任部门", "1,推进城乡供水一体化,省水利厅", "2,开展农村供水水质提升专项行动,省卫生健康委"].join("\r");
    const list = parseTaskList(text);
    expect(list.name).toBe("农村供水任务清单");
    expect(summary(text)).toEqual([
      [1, "推进城乡供水一体化", ["省水利厅"], 3],
      [2, "开展农村供水水质提升专项行动", ["省卫生健康委"], 4],
    ]);
  });

  it("doubled quotes inside a quoted field are one quote, and a comma after them stays in the text", () => {
    const text = ["序号,政策内容,责任部门", '1,"推行""一件事一次办"",压缩办理时限",省政务服务办', '2,"""双随机、一公开""监管全覆盖",省市场监管局'].join("\n");
    expect(summary(text)).toEqual([
      [1, '推行"一件事一次办",压缩办理时限', ["省政务服务办"], 2],
      [2, '"双随机、一公开"监管全覆盖', ["省市场监管局"], 3],
    ]);
  });

  it("quotes in the middle of an unquoted field are part of the text", () => {
    const text = ["序号,政策内容,责任部门", '1,开展"双随机、一公开"监管,省市场监管局'].join("\n");
    expect(summary(text)).toEqual([[1, '开展"双随机、一公开"监管', ["省市场监管局"], 2]]);
  });

  it("a line break inside a quoted cell joins the cell, and the rows after it keep their true line numbers", () => {
    const text = [
      "序号,政策内容,责任部门",
      '1,"推进城乡供水一体化',
      '（含农村供水工程）",省水利厅',
      "2,开展水质提升行动,省卫生健康委",
      "3,完善供水价格机制,",
    ].join("\n");
    expect(() => parseTaskList(text)).toThrow(/^第 5 行：序号 3 缺少责任部门/);
    expect(summary(text.split("\n").slice(0, 4).join("\n"))).toEqual([
      [1, "推进城乡供水一体化（含农村供水工程）", ["省水利厅"], 2],
      [2, "开展水质提升行动", ["省卫生健康委"], 4],
    ]);
  });
});

describe("tab-separated text pasted from Word on Windows", () => {
  it("carriage returns before the line ends are not part of the cells", () => {
    const text = ["重点任务清单", "序号\t政策内容\t责任部门", "1\t推进城乡供水一体化\t省水利厅", "2\t开展水质提升行动\t省卫生健康委", ""].join("\r\n");
    const list = parseTaskList(text);
    expect(list.name).toBe("重点任务清单");
    expect(summary(text)).toEqual([
      [1, "推进城乡供水一体化", ["省水利厅"], 3],
      [2, "开展水质提升行动", ["省卫生健康委"], 4],
    ]);
  });
});
