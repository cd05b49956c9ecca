import { parseTaskList } from "../../src/domain";

/** Rows of a table as Word and Excel put them on the clipboard: cells joined by tabs. */
const tsv = (rows: string[][]) => rows.map((r) => r.join("\t")).join("\n");

describe("a table's surroundings: title, notes above and remarks below", () => {
  it("the title names the list; 附件, a two-cell 填报单位 line and the closing remark are ignored lines with their text", () => {
    const list = parseTaskList(
      [
        "附件1",
        "2024年全省教育工作要点任务分解表",
        "填报单位：\t省教育厅",
        "序号\t工作任务\t责任单位",
        "1\t推进中等职业教育与普通高中教育协调发展\t省教育厅",
        "2\t落实家庭经济困难学生资助政策\t省财政厅",
        "（本表由省教育厅负责解释）",
      ].join("\n"),
    );
    expect(list.name).toBe("2024年全省教育工作要点任务分解表");
    expect(list.tasks.map((t) => [t.id, t.text, t.units, t.line])).toEqual([
      [1, "推进中等职业教育与普通高中教育协调发展", ["省教育厅"], 5],
      [2, "落实家庭经济困难学生资助政策", ["省财政厅"], 6],
    ]);
    expect(list.ignored).toEqual([
      { line: 1, text: "附件1" },
      { line: 3, text: "填报单位： 省教育厅" },
      { line: 7, text: "（本表由省教育厅负责解释）" },
    ]);
  });

  it("a bare page number above the title (text copied from a PDF) is an ignored line, not data before the header", () => {
    const list = parseTaskList(["2", "重点任务分工清单", "序号\t政策内容\t责任部门", "1\t推进城乡供水一体化\t省水利厅"].join("\n"));
    expect(list.name).toBe("重点任务分工清单");
    expect(list.tasks.map((t) => [t.id, t.line])).toEqual([[1, 4]]);
    expect(list.ignored).toEqual([{ line: 1, text: "2" }]);
  });

  it("without a title the list is called 任务清单, or the name the caller gives; a plain table has no extra columns", () => {
    const text = tsv([
      ["序号", "政策内容", "责任部门"],
      ["1", "推进城乡供水一体化", "省水利厅"],
    ]);
    const list = parseTaskList(text);
    expect(list.name).toBe("任务清单");
    expect(list.infoColumns).toBeUndefined();
    expect(list.tasks[0].info).toBeUndefined();
    expect(parseTaskList(text, { name: "水利任务" }).name).toBe("水利任务");
  });

  it("a CSV table is read as a table even when a remark below it begins “责任单位：”", () => {
    const list = parseTaskList(
      [
        "序号,政策内容,责任部门",
        "1,推进城乡供水一体化,省水利厅",
        '2,"实施农村人居环境整治提升五年行动,开展村庄清洁行动",省农业农村厅、省住房城乡建设厅',
        "责任单位：排在第一位的为牵头单位，其余为配合单位。",
      ].join("\n"),
    );
    expect(list.tasks.map((t) => [t.id, t.text, t.units])).toEqual([
      [1, "推进城乡供水一体化", ["省水利厅"]],
      [2, "实施农村人居环境整治提升五年行动,开展村庄清洁行动", ["省农业农村厅", "省住房城乡建设厅"]],
    ]);
    expect(list.ignored).toEqual([{ line: 4, text: "责任单位：排在第一位的为牵头单位，其余为配合单位。" }]);
  });
});

describe("headings inside a table", () => {
  const list = parseTaskList(
    tsv([
      ["序号", "工作任务", "责任单位", "时间节点", "牵头领导", "备注"],
      ["一、", "深化职业教育改革", "", "", "", ""],
      ["（一）", "完善现代职业教育体系", "", "", "", ""],
      ["1", "推进中等职业教育与普通高中教育协调发展", "省教育厅、各设区市教育局", "2024年底", "张副厅长", ""],
      ["2", "开展职业教育专业设置调整，压减落后专业", "省教育厅", "长期坚持", "张副厅长", "每季度报送"],
      ["（二）推进产教融合"],
      ["3", "遴选一批省级产教融合型企业", "省发展改革委、省教育厅", "2024年10月底", "李副厅长", ""],
      // A table spanning pages repeats its header.
      ["序号", "工作任务", "责任单位", "时间节点", "牵头领导", "备注"],
      ["二、加强教师队伍建设"],
      ["4", "实施县域普通高中教师培训计划", "省教育厅", "", "", ""],
    ]),
  );

  it("a heading split over the 序号 and text cells, or written in one cell, opens a section at its level", () => {
    expect(list.tasks.map((t) => [t.id, t.section])).toEqual([
      [1, "一、深化职业教育改革 / （一）完善现代职业教育体系"],
      [2, "一、深化职业教育改革 / （一）完善现代职业教育体系"],
      [3, "一、深化职业教育改革 / （二）推进产教融合"],
      [4, "二、加强教师队伍建设"],
    ]);
    expect(list.name).toBe("任务清单");
  });

  it("extra columns are kept once, filled cells only, and a deadline that gives no date is kept as 完成时限", () => {
    expect(list.infoColumns).toEqual(["牵头领导", "备注", "完成时限"]);
    expect(list.tasks.map((t) => t.info)).toEqual([
      { 牵头领导: "张副厅长" },
      { 牵头领导: "张副厅长", 备注: "每季度报送", 完成时限: "长期坚持" },
      { 牵头领导: "李副厅长" },
      undefined,
    ]);
    expect(list.tasks.map((t) => t.deadline)).toEqual([
      { kind: "date", date: "2024-12-31", wording: "2024年底" },
      { kind: "none" },
      { kind: "date", date: "2024-10-31", wording: "2024年10月底" },
      { kind: "none" },
    ]);
  });
});

describe("sub-numbered tables (1 / 1.1 / 1.2)", () => {
  // "1. 2" and "2. 1": the space PDF conversion leaves after the point.
  const list = parseTaskList(
    [
      "职业教育重点改革任务台账",
      tsv([
        ["序号", "具体措施", "责任单位", "完成时间"],
        ["1", "建设高水平职业院校和专业群", "", ""],
        ["1.1", "遴选20所左右省级高水平职业院校", "省教育厅、省财政厅", "2022年12月"],
        ["1. 2", "支持建设一批国家级高水平专业群", "省教育厅", ""],
        ["2", "深化产教融合、校企合作", "", ""],
        ["2. 1", "建设市域产教联合体", "省教育厅", "2023年底"],
        ["2.2", "推行现代学徒制", "省人力资源社会保障厅", ""],
      ]),
    ].join("\n"),
  );

  it("numbered rows without units that head sub-numbers are sections; the tasks are numbered 1…n", () => {
    expect(list.name).toBe("职业教育重点改革任务台账");
    expect(list.tasks.map((t) => [t.id, t.text, t.section, t.line])).toEqual([
      [1, "遴选20所左右省级高水平职业院校", "1.建设高水平职业院校和专业群", 4],
      [2, "支持建设一批国家级高水平专业群", "1.建设高水平职业院校和专业群", 5],
      [3, "建设市域产教联合体", "2.深化产教融合、校企合作", 7],
      [4, "推行现代学徒制", "2.深化产教融合、校企合作", 8],
    ]);
  });

  it("the published number is kept as 原序号, the first extra column", () => {
    expect(list.infoColumns).toEqual(["原序号"]);
    expect(list.tasks.map((t) => t.info)).toEqual([{ 原序号: "1.1" }, { 原序号: "1.2" }, { 原序号: "2.1" }, { 原序号: "2.2" }]);
  });
});

describe("tables without a 序号 column, or with split unit columns", () => {
  it("tasks are numbered in order, 牵头单位 then 配合单位 make the units, and a closing remark is ignored", () => {
    const list = parseTaskList(
      tsv([
        ["重点任务", "牵头单位", "配合单位"],
        ["推进政务服务“一网通办”", "省政务服务办", "省发展改革委"],
        ["优化营商环境评价", "省发展改革委", ""],
        ["推进数据共享", "省大数据中心", "省政务服务办、省公安厅"],
        ["（本表由省发展改革委负责解释）"],
      ]),
    );
    expect(list.tasks.map((t) => [t.id, t.units, t.unitsText])).toEqual([
      [1, ["省政务服务办", "省发展改革委"], "省政务服务办、省发展改革委"],
      [2, ["省发展改革委"], "省发展改革委"],
      [3, ["省大数据中心", "省政务服务办", "省公安厅"], "省大数据中心、省政务服务办、省公安厅"],
    ]);
    expect(list.ignored).toEqual([{ line: 5, text: "（本表由省发展改革委负责解释）" }]);
  });

  it("a table naming only 配合单位 takes its units from that column", () => {
    const list = parseTaskList(
      tsv([
        ["序号", "政策内容", "配合单位"],
        ["1", "落实稳岗返还政策", "省人力资源社会保障厅、省财政厅"],
      ]),
    );
    expect(list.tasks.map((t) => [t.units, t.unitsText])).toEqual([[["省人力资源社会保障厅", "省财政厅"], "省人力资源社会保障厅、省财政厅"]]);
  });

  it("a row that ends before the last columns (Word drops trailing empty cells) has no deadline and no extra information", () => {
    const list = parseTaskList(
      tsv([
        ["序号", "政策内容", "责任部门", "完成时限", "备注"],
        ["1", "推进城乡供水一体化", "省水利厅"],
      ]),
    );
    expect(list.tasks[0].deadline).toEqual({ kind: "none" });
    expect(list.tasks[0].info).toBeUndefined();
    expect(list.infoColumns).toEqual(["备注"]);
  });
});
