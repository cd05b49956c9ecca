import { TaskListError, parseTaskList } from "../../src/domain";
import { taskListError } from "../support/task-list-error";

const HEADER = "序号\t政策内容\t责任部门";

const errorOf = (text: string): TaskListError => taskListError(() => parseTaskList(text));

describe("malformed task lists are refused with the line named", () => {
  it("a row without units", () => {
    const e = errorOf([HEADER, "1\t任务一\t省教育厅", "2\t任务二\t"].join("\n"));
    expect(e.line).toBe(3);
    expect(e.message).toContain("第 3 行");
    expect(e.message).toContain("缺少责任部门");
  });

  it("a duplicate 序号", () => {
    const e = errorOf([HEADER, "1\t任务一\t省教育厅", "1\t任务二\t省财政厅"].join("\n"));
    expect(e.line).toBe(3);
    expect(e.message).toContain("序号 1 重复（第 2 行已有）");
  });

  it("a missing 序号", () => {
    const e = errorOf([HEADER, "1\t任务一\t省教育厅", "\t任务二\t省财政厅"].join("\n"));
    expect(e.line).toBe(3);
    expect(e.message).toContain("缺少序号");
  });

  it("a gap in the numbering", () => {
    const e = errorOf([HEADER, "1\t任务一\t省教育厅", "3\t任务三\t省财政厅"].join("\n"));
    expect(e.line).toBe(3);
    expect(e.message).toContain("1 之后是 3（应为 2）");
  });

  it("text that is not a task list at all", () => {
    const e = errorOf("亲爱的同事:\n\n请于周五前报送材料。\n谢谢!");
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/表头/);
  });

  it("an empty file", () => {
    const e = errorOf("   \n\n");
    expect(e.message).toContain("这不是任务清单");
  });

  it("a header with no task rows", () => {
    expect(errorOf(HEADER + "\n\n").message).toContain("没有任何任务行");
  });

  it("reports every bad line at once", () => {
    const e = errorOf([HEADER, "1\t任务一\t", "2\t\t省教育厅", "x\t任务\t省教育厅"].join("\n"));
    expect(e.problems.map((p) => p.line)).toEqual([2, 3, 4]);
  });
});

describe("accepted shapes", () => {
  it("section rows group the tasks that follow", () => {
    const list = parseTaskList([HEADER, "一)完善体系", "1\t任务一\t省教育厅", "(二)强化保障", "2\t任务二\t省财政厅"].join("\n"));
    expect(list.tasks.map((t) => t.section)).toEqual(["一)完善体系", "(二)强化保障"]);
  });

  it("CSV with quoted fields holding commas and line breaks", () => {
    const list = parseTaskList('序号,政策内容,责任部门\n1,"加强建设,提高质量","省教育厅,省财政厅"\n2,"第一句\n第二句",省教育厅\n');
    expect(list.tasks[0].text).toBe("加强建设,提高质量");
    expect(list.tasks[0].units).toEqual(["省教育厅", "省财政厅"]);
    expect(list.tasks[1].text).toBe("第一句 第二句".replace(" ", ""));
    expect(list.tasks[1].line).toBe(3);
  });

  it("separate 牵头单位 / 配合单位 columns", () => {
    const list = parseTaskList("序号\t工作任务\t牵头单位\t配合单位\n1\t任务\t省财政厅\t省教育厅、省人社厅");
    // The list's own spelling stays: the built-in alias only suggests the longer name.
    expect(list.tasks[0].units).toEqual(["省财政厅", "省教育厅", "省人社厅"]);
    expect(list.suggestions).toEqual([{ unit: "省人社厅", target: "省人力资源社会保障厅" }]);
  });

  it("uses the caller's name when the text has no title", () => {
    expect(parseTaskList(`${HEADER}\n1\t任务\t省教育厅`, { name: "我的清单" }).name).toBe("我的清单");
  });
});
