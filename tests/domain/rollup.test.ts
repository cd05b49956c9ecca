import { Report, computeRollup, deriveTaskStatus, parseTaskList, reportKey } from "../../src/domain";

const list = parseTaskList(
  ["序号\t政策内容\t责任部门", "1\t到2020年完成甲\t甲、乙", "2\t乙任务\t乙", "3\t丙任务\t甲、乙、丙"].join("\n"),
);
const report = (status: Report["status"]): Report => ({ status, progress: "", problems: "", nextSteps: "", evidence: "", reporter: "", reportDate: "" });

describe("computeRollup", () => {
  const reports = new Map([
    [reportKey(1, "甲"), report("已完成")],
    [reportKey(1, "乙"), report("推进中")],
    [reportKey(2, "乙"), report("长期坚持")],
    [reportKey(3, "甲"), report("已完成")],
    [reportKey(3, "乙"), report("已完成")],
    [reportKey(3, "丙"), report("已完成")],
  ]);
  const r = computeRollup(list, reports, "2026-01-01");

  it("counts per unit, excluding standing tasks from the rate's denominator", () => {
    const b = r.units.find((u) => u.unit === "乙")!;
    expect(b).toMatchObject({ tasks: 3, leads: 1, overdue: 1 });
    expect(b.counts).toMatchObject({ 已完成: 1, 推进中: 1, 长期坚持: 1, 未填报: 0 });
    expect(b.rate).toBeCloseTo(1 / 2);
    expect(r.units.find((u) => u.unit === "丙")!.rate).toBe(1);
  });

  it("derives each task's status from its units", () => {
    expect(r.tasks.map((t) => t.status)).toEqual(["推进中", "长期坚持", "已完成"]);
    expect(r.tasks[0].overdue).toBe(true);
  });

  it("gives the overall figures", () => {
    expect(r.overall).toEqual({
      tasks: 3,
      tasksDone: 1,
      tasksStanding: 1,
      taskRate: 0.5,
      assignments: 6,
      assignmentsDone: 4,
      assignmentRate: 0.8,
      overdueTasks: 1,
      overdueAssignments: 1,
      dueSoonTasks: 0,
    });
  });

  it("deriveTaskStatus: late beats progress, all done is done", () => {
    const c = { 未启动: 0, 推进中: 1, 已完成: 0, 滞后: 1, 长期坚持: 0, 未填报: 0 };
    expect(deriveTaskStatus(c, 2)).toBe("滞后");
    expect(deriveTaskStatus({ ...c, 推进中: 0, 滞后: 0, 未填报: 2 }, 2)).toBe("未启动");
  });
});
