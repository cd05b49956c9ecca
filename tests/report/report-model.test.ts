import { ALL_UNITS, EMPTY_REPORT, Report, parseTaskList, reportKey } from "../../src/domain";
import { buildProgressReport } from "../../src/report/report-model";
import { reportSourceFrom } from "../../src/report/report-source";

const TEXT = ["序号\t政策内容\t责任部门", "1\t到2020年完成甲\t省教育厅、省财政厅", "2\t推进乙\t省财政厅、省教育厅", "3\t做好丙\t省人社厅"].join("\n");
const report = (status: Report["status"], progress = "", problems = "", nextSteps = ""): Report => ({ ...EMPTY_REPORT, status, progress, problems, nextSteps });

function sample() {
  const list = parseTaskList(TEXT, { name: "测试清单" });
  const reports = new Map<string, Report>([
    [reportKey(1, "省教育厅"), report("已完成")],
    [reportKey(1, "省财政厅"), report("推进中", "已拨付一半", "配套资金不足", "年底前拨付")],
    [reportKey(2, "省财政厅"), report("已完成")],
    // A unit keeps the list's own spelling (省人社厅): the built-in aliases only suggest, never rename.
    [reportKey(3, list.tasks[2].units[0]), report("长期坚持")],
  ]);
  return { list, reports };
}

describe("the progress report model", () => {
  it("ranks units by rate, ties by fewer overdue, units without a rate last, sharing a place on equal rates", () => {
    const { list, reports } = sample();
    const r = buildProgressReport({ trackerId: "t", list, reports, history: [] }, "2026-11-30");
    expect(r.ranking.map((u) => [u.rank, u.unit, u.tasks, u.done, u.standing, u.rate, u.overdue, u.notReported])).toEqual([
      [1, "省教育厅", 2, 1, 0, 0.5, 0, 1],
      [1, "省财政厅", 2, 1, 0, 0.5, 1, 0],
      [3, "省人社厅", 1, 0, 1, null, 0, 0],
    ]);
    expect(r.chart).toEqual([
      { unit: "省教育厅", rate: 0.5 },
      { unit: "省财政厅", rate: 0.5 },
      { unit: "省人社厅", rate: null },
    ]);
  });

  it("lists overdue tasks with lead and supporting units, the units with unreported work, and each task's reports lead first", () => {
    const { list, reports } = sample();
    const r = buildProgressReport({ trackerId: "t", list, reports, history: [] }, "2026-11-30");
    expect(r.overdue).toEqual([{ id: 1, text: "到2020年完成甲", deadline: "到2020年", status: "推进中", lead: "省教育厅", supporting: ["省财政厅"] }]);
    expect(r.silent).toEqual([{ unit: "省教育厅", notReported: 1, tasks: 2 }]);
    expect(r.tasks[0].entries[1]).toEqual({ unit: "省财政厅", role: "配合", status: "推进中", progress: "已拨付一半", problems: "配套资金不足", nextSteps: "年底前拨付" });
    expect(r.tasks[1].entries.map((e) => [e.unit, e.role, e.status])).toEqual([
      ["省财政厅", "牵头", "已完成"],
      ["省教育厅", "配合", ""],
    ]);
    expect(r.title).toBe("测试清单进展情况通报");
    expect([r.period, r.dateText]).toEqual(["2026年11月", "2026年11月30日"]);
    // Before the deadline passes nothing is overdue.
    expect(buildProgressReport({ trackerId: "t", list, reports, history: [] }, "2020-06-30").overdue).toEqual([]);
  });

  it("states the figures in the overview sentence", () => {
    const { list, reports } = sample();
    const r = buildProgressReport({ trackerId: "t", list, reports, history: [] }, "2026-11-30");
    // Tasks: 1 in progress, 2 in progress (one unit silent), 3 standing → 0 done of 2 countable; assignments 2 done of 4 countable.
    expect(r.overview).toContain("任务3项\uff0c已完成0项\uff0c长期坚持1项\uff0c任务完成率0.0%");
    expect(r.overview).toContain("3个责任单位、责任分工5项\uff0c已完成2项\uff0c分工完成率50.0%");
    expect(r.overview).toContain("逾期任务1项\uff0c逾期分工1项");
    expect(r.overview).toContain("1个单位尚有未填报事项\uff08其中0个单位全部未填报\uff09\uff0c未填报分工1项");
  });

  it("takes the trend from the archived overall rows, oldest first", () => {
    const { list, reports } = sample();
    const history = [
      ["2026年9月", "x", ALL_UNITS, 5, 1, 0, 0, 0, 0, 4, 0, 0.25],
      ["2026年9月", "x", "省教育厅", 2, 1, 0, 0, 0, 0, 1, 0, 0.5],
      ["2026年10月", "x", ALL_UNITS, 5, 2, 0, 0, 0, 0, 3, 0, ""],
    ];
    const r = buildProgressReport({ trackerId: "t", list, reports, history }, "2026-11-30");
    expect(r.trend).toEqual([
      { period: "2026年9月", rate: 0.25 },
      { period: "2026年10月", rate: null },
    ]);
  });
});

describe("what the report is computed from", () => {
  const meta = (extra: Record<string, string>) => ({ trackerId: "t", listName: "测试清单", units: [{ unit: "省教育厅" }, { unit: "省财政厅" }], extra });
  const row = (taskId: number, unit: string, role: string, status: Report["status"]) => ({ taskId, unit, role, text: `任务${taskId}`, report: report(status) });

  it("uses the stored list (published order, deadline wording) when it matches the unit sheets' rows", () => {
    const text = ["序号\t政策内容\t责任部门", "1\t到2020年完成甲\t省财政厅、省教育厅"].join("\n");
    const source = reportSourceFrom(meta({ list_source: text }), [row(1, "省教育厅", "配合", "已完成"), row(1, "省财政厅", "牵头", "")]);
    expect(source.list.tasks[0].units).toEqual(["省财政厅", "省教育厅"]);
    expect(source.list.tasks[0].deadline).toMatchObject({ kind: "date", wording: "到2020年" });
    expect(source.reports.get(reportKey(1, "省教育厅"))?.status).toBe("已完成");
  });

  it("rebuilds the list from the unit sheets when the stored list names other units (renamed since) or is missing", () => {
    const text = ["序号\t政策内容\t责任部门", "1\t到2020年完成甲\t省财政厅、省科技厅"].join("\n");
    const rows = [row(1, "省教育厅", "配合", "已完成"), row(1, "省财政厅", "牵头", "")];
    const extras: Array<Record<string, string>> = [{ list_source: text }, {}];
    for (const extra of extras) {
      const source = reportSourceFrom(meta(extra), rows);
      expect(source.list.tasks.map((t) => [t.id, t.units])).toEqual([[1, ["省财政厅", "省教育厅"]]]);
      expect(buildProgressReport(source, "2026-11-30").rollup.overall.assignmentsDone).toBe(1);
    }
  });
});
