import { parseTaskList } from "../../src/domain";
import { taskListError } from "../support/task-list-error";

/** Which columns of a table make a task's units, deadline and extra information. */
const tsv = (rows: string[][]) => rows.map((r) => r.join("\t")).join("\n");
const unitsOf = (text: string) => parseTaskList(text).tasks.map((t) => [t.id, t.units]);

describe("unit columns side by side", () => {
  it("责任单位 beside 牵头单位 is one more supporting column after the lead, not extra information", () => {
    const text = tsv([
      ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"],
      ["1", "推进政务服务“一网通办”", "省政务服务办", "省发展改革委、省公安厅", "2024年6月底前"],
      ["2", "优化营商环境评价", "省发展改革委", "", "2024年12月"],
    ]);
    expect(unitsOf(text)).toEqual([
      [1, ["省政务服务办", "省发展改革委", "省公安厅"]],
      [2, ["省发展改革委"]],
    ]);
    const list = parseTaskList(text);
    expect(list.infoColumns).toBeUndefined();
    expect(list.tasks.map((t) => t.info)).toEqual([undefined, undefined]);
  });

  it("责任单位 beside 配合单位 is the lead, and neither column is extra information", () => {
    const text = tsv([
      ["序号", "工作任务", "责任单位", "配合单位"],
      ["1", "建设全省一体化数据平台", "省大数据中心", "省发展改革委、省财政厅"],
      ["2", "推进公共数据开放", "省大数据中心", ""],
    ]);
    expect(unitsOf(text)).toEqual([
      [1, ["省大数据中心", "省发展改革委", "省财政厅"]],
      [2, ["省大数据中心"]],
    ]);
    expect(parseTaskList(text).infoColumns).toBeUndefined();
  });

  it("with 牵头单位 / 配合单位, every other titled column is information, the second column too", () => {
    const list = parseTaskList(
      tsv([
        ["序号", "牵头领导", "重点任务", "牵头单位", "配合单位"],
        ["1", "王副省长", "深化商事制度改革", "省市场监管局", "省政务服务办"],
      ]),
    );
    expect(list.tasks[0].units).toEqual(["省市场监管局", "省政务服务办"]);
    expect(list.infoColumns).toEqual(["牵头领导"]);
    expect(list.tasks[0].info).toEqual({ 牵头领导: "王副省长" });
  });

  it("牵头单位 and 配合单位 make the units and are not repeated as extra information", () => {
    const list = parseTaskList(
      tsv([
        ["序号", "重点任务", "牵头单位", "配合单位", "备注"],
        ["1", "深化商事制度改革", "省市场监管局", "省政务服务办", "按季度报送"],
      ]),
    );
    expect(list.tasks[0].units).toEqual(["省市场监管局", "省政务服务办"]);
    expect(list.infoColumns).toEqual(["备注"]);
    expect(list.tasks[0].info).toEqual({ 备注: "按季度报送" });
  });

  it("without any unit column, 责任领导 gives the units; with neither, the row is no header and the task rows are refused", () => {
    const leaders = parseTaskList(tsv([["序号", "工作任务", "责任领导"], ["1", "推进城乡供水一体化", "省水利厅"]]));
    expect(leaders.tasks.map((t) => t.units)).toEqual([["省水利厅"]]);
    expect(leaders.infoColumns).toBeUndefined();
    const e = taskListError(() =>
      parseTaskList(tsv([["序号", "重点任务", "完成时限"], ["1", "推进城乡供水一体化", "2024年底"], ["2", "实施农村供水保障工程", "2025年底"]])),
    );
    // Named once, at the header, with the fix: not "data before a header" for every row below it.
    expect(e.message).toBe("第 1 行：表头“序号 / 重点任务 / 完成时限”中没有责任单位列。请加上“责任部门”列（或“牵头单位”“配合单位”列）并填写每项任务的单位。");
    expect(e.problems).toHaveLength(1);
    // A row with only 序号 and numbers is no header: a data row there is still "data before a header".
    const noHeader = taskListError(() => parseTaskList(tsv([["序号", "说明"], ["1", "推进城乡供水一体化", "省水利厅"]])));
    expect(noHeader.message).toBe("第 2 行：在表头之前出现了数据。请在任务行之前加上表头（如“序号 / 政策内容 / 责任部门”）。");
  });
});

describe("columns in any order", () => {
  it("责任单位 may be the first column (lists grouped by unit)", () => {
    const text = tsv([
      ["责任单位", "重点任务", "完成时限"],
      ["省水利厅", "推进城乡供水一体化", "2024年底"],
      ["省卫生健康委", "开展农村供水水质监测", "2025年6月"],
    ]);
    expect(parseTaskList(text).tasks.map((t) => [t.id, t.text, t.units, t.deadline.kind])).toEqual([
      [1, "推进城乡供水一体化", ["省水利厅"], "date"],
      [2, "开展农村供水水质监测", ["省卫生健康委"], "date"],
    ]);
  });

  it("牵头单位 may be the first column, alone or followed later by 责任单位 as a supporting column", () => {
    const alone = tsv([
      ["牵头单位", "重点任务", "完成时限"],
      ["省水利厅", "推进城乡供水一体化", "2024年底"],
    ]);
    expect(unitsOf(alone)).toEqual([[1, ["省水利厅"]]]);
    const withSupport = tsv([
      ["牵头单位", "重点任务", "责任单位"],
      ["省水利厅", "推进城乡供水一体化", "省财政厅、省农业农村厅"],
    ]);
    expect(unitsOf(withSupport)).toEqual([[1, ["省水利厅", "省财政厅", "省农业农村厅"]]]);
    expect(parseTaskList(withSupport).infoColumns).toBeUndefined();
  });

  it("完成时限 may be the first column and still gives the deadline", () => {
    const list = parseTaskList(
      tsv([
        ["完成时限", "重点任务", "责任单位"],
        ["2024年6月底前", "推进城乡供水一体化", "省水利厅"],
      ]),
    );
    expect(list.tasks[0].deadline).toEqual({ kind: "date", date: "2024-06-30", wording: "2024年6月底前" });
    expect(list.infoColumns).toBeUndefined();
  });
});

describe("what is and is not a header", () => {
  it("a remark in brackets at the end of a header is ignored; one at the start makes it another column", () => {
    const list = parseTaskList(
      tsv([
        ["序号", "政策内容", "责任单位（牵头单位列第一）", "（原）完成时限", "完成时限（调整后）"],
        ["1", "推进城乡供水一体化", "省水利厅、省财政厅", "2023年底", "2024年6月底前"],
      ]),
    );
    expect(list.tasks[0].units).toEqual(["省水利厅", "省财政厅"]);
    expect(list.tasks[0].deadline).toEqual({ kind: "date", date: "2024-06-30", wording: "2024年6月底前" });
    expect(list.infoColumns).toEqual(["（原）完成时限"]);
    expect(list.tasks[0].info).toEqual({ "（原）完成时限": "2023年底" });
  });

  it("a line above the table naming the lead unit is an ignored line, not a header", () => {
    const list = parseTaskList(
      [
        "城乡供水重点任务清单",
        "牵头单位\t省水利厅",
        tsv([
          ["序号", "政策内容", "责任部门"],
          ["1", "推进城乡供水一体化", "省水利厅"],
        ]),
      ].join("\n"),
    );
    expect(list.name).toBe("城乡供水重点任务清单");
    expect(list.ignored).toEqual([{ line: 2, text: "牵头单位 省水利厅" }]);
    expect(list.infoColumns).toBeUndefined();
    expect(list.tasks.map((t) => [t.id, t.units, t.line])).toEqual([[1, ["省水利厅"], 4]]);
  });
});
