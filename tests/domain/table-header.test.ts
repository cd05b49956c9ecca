import { TaskListError, parseTaskList } from "../../src/domain";

const rowsFor = (header: string[], row: string[]) => [header.join("\t"), row.join("\t")].join("\n");

describe("header synonyms offices use", () => {
  it.each([
    ["序号", "政策内容", "责任部门"],
    ["编号", "重点任务", "责任单位"],
    ["序 号", "工 作 任 务", "牵头单位"],
    ["序号", "任务内容", "责任单位(牵头单位列第一)"],
    ["序号", "具体措施", "责任单位"],
    ["编号", "工作内容", "责任部门"],
    ["序号", "工作任务", "责任领导"],
  ])("%s / %s / %s", (id, text, units) => {
    const list = parseTaskList(rowsFor([id, text, units], ["1", "推进达标建设", "省教育厅、省财政厅"]));
    expect(list.tasks.map((t) => [t.id, t.text, t.units])).toEqual([[1, "推进达标建设", ["省教育厅", "省财政厅"]]]);
  });

  it.each([["配合单位"], ["协办单位"], ["参与单位"]])("牵头单位 with %s: the lead first, then the others", (support) => {
    const list = parseTaskList(rowsFor(["序号", "重点任务", "牵头单位", support], ["1", "任务", "省教育厅", "省财政厅，省科技厅"]));
    expect(list.tasks[0].units).toEqual(["省教育厅", "省财政厅", "省科技厅"]);
  });

  it.each([["完成时限"], ["时间节点"], ["完成时间"]])("%s gives the deadline", (deadline) => {
    const list = parseTaskList(rowsFor(["序号", "重点任务", "责任单位", deadline], ["1", "任务", "省教育厅", "2024年6月底前"]));
    expect(list.tasks[0].deadline).toEqual({ kind: "date", date: "2024-06-30", wording: "2024年6月底前" });
  });

  it("责任领导 beside a unit column is information, not a unit", () => {
    const list = parseTaskList(rowsFor(["序号", "重点任务", "责任单位", "责任领导", "备注"], ["1", "任务", "省教育厅", "张三", "按季度报送"]));
    expect(list.tasks[0].units).toEqual(["省教育厅"]);
    expect(list.tasks[0].info).toEqual({ 责任领导: "张三", 备注: "按季度报送" });
    expect(list.infoColumns).toEqual(["责任领导", "备注"]);
  });

  it("a data row above the first header is still an error, named by its line", () => {
    const text = ["任务清单", "1\t推进达标建设\t省教育厅", "序号\t政策内容\t责任部门", "2\t落实资助\t省财政厅"].join("\n");
    expect(() => parseTaskList(text)).toThrow(TaskListError);
    expect(() => parseTaskList(text)).toThrow(/第 2 行：在表头之前出现了数据/);
  });

  it("a row without 序号 between tasks is still an error; after the last task it is a skipped line", () => {
    const between = ["序号\t政策内容\t责任部门", "1\t甲\t省教育厅", "江西省教育厅", "2\t乙\t省财政厅"].join("\n");
    expect(() => parseTaskList(between)).toThrow(/第 3 行：这一行缺少序号/);
    const after = ["序号\t政策内容\t责任部门", "1\t甲\t省教育厅", "2\t乙\t省财政厅", "江西省教育厅", "2024年1月5日"].join("\n");
    expect(parseTaskList(after).ignored).toEqual([
      { line: 4, text: "江西省教育厅" },
      { line: 5, text: "2024年1月5日" },
    ]);
    const taskLike = ["序号\t政策内容\t责任部门", "1\t甲\t省教育厅", "\t乙\t省财政厅"].join("\n");
    expect(() => parseTaskList(taskLike)).toThrow(/第 3 行：这一行缺少序号/);
  });
});

describe("aliases merge only spellings that occur in the same list", () => {
  it("各设区市人民政府 stays itself, even beside 各市人民政府, and is only suggested", () => {
    const list = parseTaskList(["序号\t政策内容\t责任部门", "1\t甲\t各设区市人民政府", "2\t乙\t各市人民政府"].join("\n"));
    expect(list.units).toEqual(["各设区市人民政府", "各市人民政府"]);
    expect(list.suggestions).toEqual([{ unit: "各设区市人民政府", target: "各市人民政府" }]);
  });

  it("two spellings in one list become the one the table names, whichever comes first", () => {
    const list = parseTaskList(["序号\t政策内容\t责任部门", "1\t甲\t省发改委", "2\t乙\t省发展改革委、省财政厅"].join("\n"));
    expect(list.units).toEqual(["省发展改革委", "省财政厅"]);
    expect(list.tasks[0].units).toEqual(["省发展改革委"]);
  });

  it("a full-width and a half-width spelling are one unit, shown as first written", () => {
    const list = parseTaskList(["序号\t政策内容\t责任部门", "1\t甲\t各县（市、区）人民政府", "2\t乙\t各县(市、区)人民政府"].join("\n"));
    expect(list.units).toEqual(["各县（市、区）人民政府"]);
    expect(list.tasks[1].units).toEqual(["各县（市、区）人民政府"]);
  });
});
