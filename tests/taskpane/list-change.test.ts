import { parseTaskList } from "../../src/domain";
import { compareLists } from "../../src/taskpane/list-change";

const list = (rows: string[]) => parseTaskList(["序号\t政策内容\t责任部门", ...rows].join("\n"), { name: "清单" });

describe("what rebuilding with another list would change", () => {
  const own = list(["1\t任务一\t省教育厅、省财政厅", "2\t任务二\t本地专项办", "3\t任务三\t省教育厅"]);

  it("finds nothing to ask about when the list is the tracker's own", () => {
    const change = compareLists(own.units, own, list(["1\t任务一\t省教育厅、省财政厅", "2\t任务二\t本地专项办", "3\t任务三\t省教育厅"]), ["1|省教育厅", "2|本地专项办"]);
    expect(change).toEqual({ same: true, addedUnits: [], removedUnits: [], addedTasks: [], removedTasks: [], changedTasks: [], orphanedReports: [] });
  });

  it("names added and removed units and tasks, changed tasks, and the filled reports that lose their row", () => {
    const next = list(["1\t任务一（修订）\t省教育厅", "2\t任务二\t省外办"]);
    const change = compareLists(own.units, own, next, ["1|省教育厅", "1|省财政厅", "2|本地专项办", "3|省教育厅"]);
    expect(change.same).toBe(false);
    expect(change.addedUnits).toEqual(["省外办"]);
    expect(change.removedUnits).toEqual(["省财政厅", "本地专项办"]);
    expect(change.addedTasks).toEqual([]);
    expect(change.removedTasks).toEqual([3]);
    expect(change.changedTasks).toEqual([1, 2]);
    expect(change.orphanedReports).toEqual([
      { taskId: 1, unit: "省财政厅" },
      { taskId: 2, unit: "本地专项办" },
      { taskId: 3, unit: "省教育厅" },
    ]);
    expect(compareLists(next.units, next, own, []).addedTasks).toEqual([3]);
  });

  it("asks when the tracker kept no list, even if the units match", () => {
    const change = compareLists(own.units, undefined, own, []);
    expect(change.same).toBe(false);
    expect(change.addedUnits).toEqual([]);
  });
});
