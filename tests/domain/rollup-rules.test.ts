import { Report, Status, computeRollup, deriveTaskStatus, isDueSoon, isOverdue, parseTaskList, reportKey } from "../../src/domain";
import type { StatusCounts } from "../../src/domain/rollup";

const report = (status: Report["status"]): Report => ({ status, progress: "", problems: "", nextSteps: "", evidence: "", reporter: "", reportDate: "" });
const counts = (c: Partial<StatusCounts>): StatusCounts => ({ 未启动: 0, 推进中: 0, 已完成: 0, 滞后: 0, 长期坚持: 0, 未填报: 0, ...c });

describe("即将到期: the warning window", () => {
  // today 2026-01-01, window 30 days: 2026-01-31 is the last day inside it
  const list = parseTaskList(
    [
      "序号\t政策内容\t责任部门",
      "1\t于2026年1月31日前完成甲\t甲、乙",
      "2\t于2026年2月1日前完成乙\t甲",
      "3\t于2026年1月1日前完成丙\t甲",
      "4\t于2025年12月31日前完成丁\t乙",
      "5\t于2026年1月10日前完成戊\t甲、乙",
    ].join("\n"),
  );
  const today = "2026-01-01";

  it("counts a deadline on the window's last day and on today, not one a day beyond", () => {
    const r = computeRollup(list, new Map(), today, 30);
    expect(r.tasks.map((t) => [t.id, t.dueSoon, t.overdue])).toEqual([
      [1, true, false],
      [2, false, false],
      [3, true, false],
      [4, false, true],
      [5, true, false],
    ]);
    expect(r.overall.dueSoonTasks).toBe(3);
    expect(r.overall.overdueTasks).toBe(1);
    const unit = (u: string) => r.units.find((x) => x.unit === u)!;
    expect([unit("甲").dueSoon, unit("乙").dueSoon]).toEqual([3, 2]);
    expect([unit("甲").overdue, unit("乙").overdue]).toEqual([0, 1]);
  });

  it("a wider window takes in the later deadline; a narrower one leaves out the later ones", () => {
    expect(computeRollup(list, new Map(), today, 31).overall.dueSoonTasks).toBe(4);
    expect(computeRollup(list, new Map(), today, 9).overall.dueSoonTasks).toBe(2);
    expect(computeRollup(list, new Map(), today, 0).tasks.filter((t) => t.dueSoon).map((t) => t.id)).toEqual([3]);
  });

  it("the default window is 30 days", () => {
    expect(computeRollup(list, new Map(), today).overall.dueSoonTasks).toBe(3);
  });

  it("a unit that finished (or reports a standing task) is no longer warned; the task stays due soon until all are done", () => {
    const reports = new Map([
      [reportKey(1, "甲"), report("已完成")],
      [reportKey(5, "甲"), report("已完成")],
      [reportKey(5, "乙"), report("长期坚持")],
      [reportKey(3, "甲"), report("推进中")],
    ]);
    const r = computeRollup(list, reports, today, 30);
    expect(r.tasks.map((t) => [t.id, t.status, t.dueSoon])).toEqual([
      [1, "推进中", true],
      [2, "未启动", false],
      [3, "推进中", true],
      [4, "未启动", false],
      [5, "长期坚持", false],
    ]);
    const unit = (u: string) => r.units.find((x) => x.unit === u)!;
    // 甲: task 3 only (1 and 5 done); 乙: task 1 (5 is standing)
    expect([unit("甲").dueSoon, unit("乙").dueSoon]).toEqual([1, 1]);
    expect(r.overall.dueSoonTasks).toBe(2);
  });

  it("isDueSoon and isOverdue: a future deadline is never overdue; a past one is never due soon", () => {
    const [t1, , t3, t4] = list.tasks;
    expect(isOverdue(t1, "推进中", today)).toBe(false);
    expect(isOverdue(t3, "未启动", today)).toBe(false); // due today: not yet late
    expect(isOverdue(t4, "未启动", today)).toBe(true);
    expect(isOverdue(t4, "", today)).toBe(true);
    expect(isOverdue(t4, "已完成", today)).toBe(false);
    expect(isOverdue(t4, "长期坚持", today)).toBe(false);
    expect(isDueSoon(t4, "未启动", today, 30)).toBe(false);
    expect(isDueSoon(t1, "", today, 30)).toBe(true);
    expect(isDueSoon(t1, "已完成", today, 30)).toBe(false);
    expect(isDueSoon(t1, "长期坚持", today, 30)).toBe(false);
    expect(isDueSoon(t1, "滞后", today, 30)).toBe(true);
    expect(isDueSoon(t1, "推进中", today, 29)).toBe(false);
  });

  it("a task without a date is neither overdue nor due soon", () => {
    const none = parseTaskList("序号\t政策内容\t责任部门\n1\t每年开展评估\t甲\n2\t完善制度\t甲").tasks;
    for (const t of none) {
      expect(isOverdue(t, "未启动", "2099-01-01")).toBe(false);
      expect(isDueSoon(t, "未启动", "1999-01-01", 100_000)).toBe(false);
    }
  });
});

describe("rates and derived task status", () => {
  it("a unit whose only tasks are standing has no rate (null, not NaN); the overall rates follow", () => {
    const list = parseTaskList("序号\t政策内容\t责任部门\n1\t长期任务\t甲\n2\t另一长期任务\t甲");
    const r = computeRollup(list, new Map([[reportKey(1, "甲"), report("长期坚持")], [reportKey(2, "甲"), report("长期坚持")]]), "2026-01-01");
    expect(r.units[0].rate).toBeNull();
    expect(r.units[0].counts).toEqual(counts({ 长期坚持: 2 }));
    expect(r.overall.taskRate).toBeNull();
    expect(r.overall.assignmentRate).toBeNull();
    expect(r.overall.tasksStanding).toBe(2);
  });

  it("nothing reported yet: rates are 0, every assignment counts as not reported", () => {
    const list = parseTaskList("序号\t政策内容\t责任部门\n1\t任务\t甲");
    const r = computeRollup(list, new Map(), "2026-01-01");
    expect(r.units[0]).toMatchObject({ tasks: 1, leads: 1, rate: 0, counts: counts({ 未填报: 1 }) });
    expect(r.overall).toMatchObject({ taskRate: 0, assignmentRate: 0, tasksDone: 0, assignments: 1 });
  });

  it("counts leads only for the first unit of a task", () => {
    const list = parseTaskList("序号\t政策内容\t责任部门\n1\t任务一\t甲、乙\n2\t任务二\t乙、甲\n3\t任务三\t乙");
    const r = computeRollup(list, new Map(), "2026-01-01");
    expect(r.units.map((u) => [u.unit, u.tasks, u.leads])).toEqual([
      ["甲", 2, 1],
      ["乙", 3, 2],
    ]);
  });

  const cases: Array<[string, Partial<StatusCounts>, number, Status]> = [
    ["all done", { 已完成: 3 }, 3, "已完成"],
    ["one late among done ones", { 已完成: 2, 滞后: 1 }, 3, "滞后"],
    ["late beats standing", { 长期坚持: 2, 滞后: 1 }, 3, "滞后"],
    ["standing with the rest done", { 长期坚持: 1, 已完成: 2 }, 3, "长期坚持"],
    ["all standing", { 长期坚持: 3 }, 3, "长期坚持"],
    ["standing with one not reported: in progress", { 长期坚持: 2, 未填报: 1 }, 3, "推进中"],
    ["standing with one not started: in progress", { 长期坚持: 1, 未启动: 2 }, 3, "推进中"],
    ["one in progress", { 推进中: 1, 未启动: 2 }, 3, "推进中"],
    ["some done, rest not started", { 已完成: 1, 未启动: 2 }, 3, "推进中"],
    ["some done, rest not reported", { 已完成: 2, 未填报: 1 }, 3, "推进中"],
    ["nothing reported", { 未填报: 3 }, 3, "未启动"],
    ["all not started", { 未启动: 3 }, 3, "未启动"],
  ];
  it.each(cases)("deriveTaskStatus: %s", (_, c, units, status) => {
    expect(deriveTaskStatus(counts(c), units)).toBe(status);
  });

  it("computeRollup derives the same status the rules give, per task", () => {
    const list = parseTaskList("序号\t政策内容\t责任部门\n1\t任务一\t甲、乙\n2\t任务二\t甲、乙\n3\t任务三\t甲、乙");
    const reports = new Map([
      [reportKey(1, "甲"), report("长期坚持")],
      [reportKey(2, "甲"), report("已完成")],
      [reportKey(2, "乙"), report("未启动")],
      [reportKey(3, "乙"), report("滞后")],
    ]);
    const r = computeRollup(list, reports, "2026-01-01");
    expect(r.tasks.map((t) => [t.status, t.done, t.units])).toEqual([
      ["推进中", 0, 2],
      ["推进中", 1, 2],
      ["滞后", 0, 2],
    ]);
    expect(r.units.map((u) => u.counts)).toEqual([counts({ 长期坚持: 1, 已完成: 1, 未填报: 1 }), counts({ 未启动: 1, 滞后: 1, 未填报: 1 })]);
    expect(r.units.map((u) => u.rate)).toEqual([1 / 2, 0]);
  });
});
