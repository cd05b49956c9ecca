/**
 * A task list that cannot be trusted. Messages are Chinese first (what the coordinator
 * reads) with an English gloss, and always say where and how to fix it.
 */
export class TaskListError extends Error {
  readonly line: number | undefined;
  readonly problems: ReadonlyArray<{ line?: number; message: string }>;

  constructor(problems: Array<{ line?: number; message: string }>) {
    const first = problems[0];
    const where = (p: { line?: number }) => (p.line ? `第 ${p.line} 行：` : "");
    super(
      problems.length === 1
        ? `${where(first)}${first.message}`
        : `任务清单有 ${problems.length} 处问题：\n` + problems.map((p) => `- ${where(p)}${p.message}`).join("\n"),
    );
    this.name = "TaskListError";
    this.line = first.line;
    this.problems = problems;
  }
}
