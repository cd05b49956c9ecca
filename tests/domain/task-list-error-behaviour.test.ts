import { parseTaskList } from "../../src/domain";
import { taskListError } from "../support/task-list-error";

/** The whole message is what the coordinator reads (CLI: "错误 / error: …", the pane's error box). */
const errorOf = (text: string) => taskListError(() => parseTaskList(text));
const HEADER = "序号\t政策内容\t责任部门";

describe("the message of a refused task list", () => {
  it("one problem is one sentence led by its line, without a count or a list dash", () => {
    const e = errorOf([HEADER, "1\t推进城乡供水一体化\t省水利厅", "\t开展水质提升行动\t省水利厅"].join("\n"));
    expect(e.message).toBe("第 3 行：这一行缺少序号。请补上序号，或把它并入上一行的政策内容（从 Word 复制合并单元格时常见）。");
    expect(e.line).toBe(3);
    expect(e.problems).toHaveLength(1);
  });

  it("a problem of the whole list has no line prefix", () => {
    const e = errorOf(["城乡供水任务清单", HEADER].join("\n"));
    expect(e.message).toBe("任务清单中没有任何任务行。");
    expect(e.line).toBeUndefined();
  });

  it("several problems are counted and listed one per line, each with its line", () => {
    const e = errorOf([HEADER, "1\t推进城乡供水一体化\t", "2\t\t省水利厅", "2\t开展水质提升行动\t省水利厅"].join("\n"));
    expect(e.message).toBe(
      [
        "任务清单有 3 处问题：",
        "- 第 2 行：序号 1 缺少责任部门。请填写至少一个责任单位（从 Word 复制合并单元格时，请在每一行都填上）。",
        "- 第 3 行：序号 2 缺少政策内容。",
        "- 第 4 行：序号 2 重复（第 3 行已有）。请改正其中一个。",
      ].join("\n"),
    );
    expect(e.line).toBe(2);
    expect(e.problems.map((p) => p.line)).toEqual([2, 3, 4]);
  });

  it("is named TaskListError, so an uncaught one says what kind of failure it is", () => {
    const e = errorOf(["城乡供水任务清单", HEADER].join("\n"));
    expect(e.name).toBe("TaskListError");
    expect(String(e)).toBe("TaskListError: 任务清单中没有任何任务行。");
  });
});
