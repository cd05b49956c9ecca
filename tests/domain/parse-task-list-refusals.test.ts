import { TaskListError, parseTaskList } from "../../src/domain";
import { taskListError } from "../support/task-list-error";

const tsv = (rows: string[][]) => rows.map((r) => r.join("\t")).join("\n");
const HEADER = ["序号", "政策内容", "责任部门"];

const errorOf = (text: string): TaskListError => taskListError(() => parseTaskList(text));

describe("text decoded with the wrong encoding", () => {
  it("names the line of the first unreadable character, even in the middle of the text", () => {
    const e = errorOf(["重点任务清单", "序号\t政策内容\t责任部门", "1\t推进\uFFFD\uFFFD改革\t省教育厅", "2\t落实资助政策\t省财政厅"].join("\n"));
    expect(e.problems).toHaveLength(1);
    expect(e.line).toBe(3);
    expect(e.message).toContain("GBK");
  });

  it("refuses text whose very first character is unreadable", () => {
    const e = errorOf("\uFFFD\uFFFD任务清单\n序号\t政策内容\t责任部门\n1\t推进改革\t省教育厅");
    expect(e.line).toBe(1);
    expect(e.message).toContain("另存为 UTF-8");
  });
});

describe("rows above the header", () => {
  it("a numbered row of two cells before the header is data out of place", () => {
    const e = errorOf(tsv([["1", "推进城乡供水一体化"], HEADER, ["1", "推进城乡供水一体化", "省水利厅"]]));
    expect(e.problems).toEqual([{ line: 1, message: expect.stringContaining("在表头之前出现了数据") }]);
  });

  it("numbered rows and no header at all: each row is named, without a second complaint about the missing header", () => {
    const e = errorOf(tsv([["1", "推进城乡供水一体化", "省水利厅"], ["2", "落实资助政策", "省财政厅"]]));
    expect(e.problems.map((p) => p.line)).toEqual([1, 2]);
    expect(e.problems.every((p) => p.message.includes("在表头之前出现了数据"))).toBe(true);
  });
});

describe("bad task rows", () => {
  it("a row without 政策内容 is named by its 序号, and no second “no tasks” complaint is added", () => {
    const e = errorOf(tsv([HEADER, ["1", "", "省教育厅"]]));
    expect(e.problems).toEqual([{ line: 2, message: "序号 1 缺少政策内容。" }]);
  });

  it("a row cut short before the units column lacks units", () => {
    const e = errorOf(tsv([HEADER, ["1", "推进城乡供水一体化", "省水利厅"], ["2", "落实资助政策"]]));
    expect(e.problems).toEqual([{ line: 3, message: expect.stringContaining("序号 2 缺少责任部门") }]);
  });

  it("a row without 序号 whose text begins “（1）” is a task missing its number, not a heading", () => {
    const e = errorOf(tsv([HEADER, ["1", "推进城乡供水一体化", "省水利厅"], ["", "（1）落实资助政策", "省财政厅"]]));
    expect(e.problems).toEqual([{ line: 3, message: expect.stringContaining("缺少序号") }]);
  });

  it("a numbered row without units is a heading only over its own sub-numbers", () => {
    const e = errorOf(
      tsv([
        ["序号", "具体措施", "责任单位"],
        ["1", "建设高水平职业院校和专业群", ""],
        ["1.1", "遴选省级高水平职业院校", "省教育厅"],
        ["2", "推进职业教育数字化", ""],
        ["3.1", "建设市域产教联合体", "省教育厅"],
      ]),
    );
    expect(e.problems).toEqual([{ line: 4, message: expect.stringContaining("序号 2 缺少责任部门") }]);
  });

  it("three-level numbers (1.1.1) are refused line by line, not crashed on", () => {
    const e = errorOf(
      tsv([
        ["序号", "具体措施", "责任单位"],
        ["1", "建设高水平职业院校", ""],
        ["1.1.1", "遴选省级高水平职业院校", "省教育厅"],
      ]),
    );
    expect(e.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(e.problems[0].message).toContain("序号 1 缺少责任部门");
    expect(e.problems[1].message).toContain("缺少序号");
  });
});

describe("at most 20 problems are reported", () => {
  it("25 rows without units: the first 20 are named", () => {
    const rows = Array.from({ length: 25 }, (_, i) => [String(i + 1), `任务${i + 1}`, ""]);
    const e = errorOf(tsv([HEADER, ...rows]));
    expect(e.problems).toHaveLength(20);
    expect(e.problems[19].line).toBe(21);
    expect(e.message).toContain("任务清单有 20 处问题");
  });

  it("25 tasks numbered 1, 3, 5…: the first 20 gaps are named", () => {
    const rows = Array.from({ length: 25 }, (_, i) => [String(2 * i + 1), `任务${i + 1}`, "省教育厅"]);
    const e = errorOf(tsv([HEADER, ...rows]));
    expect(e.problems).toHaveLength(20);
    expect(e.problems[0]).toEqual({ line: 3, message: expect.stringContaining("1 之后是 3（应为 2）") });
    expect(e.problems[19]).toEqual({ line: 22, message: expect.stringContaining("39 之后是 41（应为 40）") });
  });
});
