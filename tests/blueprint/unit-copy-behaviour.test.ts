/**
 * What one unit receives: its own sheet, the instructions and the hidden metadata the master
 * needs to take the copy back — who it is for, when it was exported, for which period, what
 * the unit had reported so far, and a checksum only the master can make.
 */
import { WorkbookBlueprint, buildBlueprint, buildUnitCopy, readMetaGrid, unitCopyFileName } from "../../src/blueprint";
import { checksumMatches } from "../../src/blueprint/copy-authority";
import { Grid } from "../../src/blueprint/read-grid";
import { SCHEMA_VERSION, SHEET } from "../../src/blueprint/layout";
import { EMPTY_REPORT, Report, parseTaskList, reportKey } from "../../src/domain";
import { PRESETS } from "../../src/domain/vocabulary";

const LIST = parseTaskList(
  [
    "重点任务分工",
    "序号\t工作任务\t牵头单位\t配合单位\t完成时限",
    "1\t完善职业教育学历认证体系\t省教育厅\t省财政厅\t2026年底",
    "2\t落实教师绩效工资倾斜政策\t省人力资源社会保障厅\t省财政厅、省教育厅\t长期坚持",
    "3\t建立财政投入制度\t省财政厅\t\t2026年6月30日前",
  ].join("\n"),
);
const report = (status: Report["status"], progress: string): Report => ({ ...EMPTY_REPORT, status, progress, reporter: "张三", reportDate: "2026-11-20" });
const REPORTS = new Map<string, Report>([
  [reportKey(1, "省教育厅"), report("推进中", "已起草认证办法。")],
  [reportKey(3, "省财政厅"), report("已完成", "已印发。")],
  [reportKey(1, "省财政厅"), report("推进中", "已安排资金。")],
]);
const KEY = "5a".repeat(32);
const metaOf = (bp: WorkbookBlueprint) => readMetaGrid(bp.sheets.find((s) => s.name === SHEET.meta)!.cells as Grid);

describe("unit copy: what the unit opens", () => {
  it("its own sheet first and active, then the instructions, with the metadata very hidden; titled for the list and unit", () => {
    const copy = buildUnitCopy(LIST, "省财政厅", { trackerId: "JX-01", exportedAt: "2026-12-01 09:00", reports: REPORTS });
    expect(copy.title).toBe("重点任务分工 — 省财政厅 填报表");
    expect(copy.sheets.map((s) => [s.role, s.visibility])).toEqual([["unit", "visible"], ["instructions", "visible"], ["meta", "veryHidden"]]);
    expect(copy.sheets[0].unit).toBe("省财政厅");
    expect(copy.activeSheet).toBe(copy.sheets[0].name);
    expect(copy).toMatchObject({ trackerId: "JX-01", schemaVersion: SCHEMA_VERSION, listName: "重点任务分工" });
  });

  it("refuses a unit the list does not name, saying which", () => {
    expect(() => buildUnitCopy(LIST, "省外办", { trackerId: "JX-01", exportedAt: "2026-12-01 09:00" })).toThrow("“省外办”不是本任务清单中的责任单位。");
  });

  it("file names say list, unit and 填报, with characters no OS allows replaced", () => {
    expect(unitCopyFileName("职业教育重点任务", "省财政厅")).toBe("职业教育重点任务-省财政厅-填报.xlsx");
    expect(unitCopyFileName('关于印发<2026>"任务"的通知/附件:清单?', "省委*办|公厅\\")).toBe("关于印发_2026__任务_的通知_附件_清单_-省委_办_公厅_-填报.xlsx");
  });
});

describe("unit copy: the metadata the master reads back", () => {
  it("names the tracker, the list (same hash as the master's), the export time, the unit and its sheet, as a unit copy", () => {
    const copy = buildUnitCopy(LIST, "省财政厅", { trackerId: "JX-01", exportedAt: "2026-12-01 09:00", reports: REPORTS });
    const master = metaOf(buildBlueprint(LIST, { trackerId: "JX-01", generatedAt: "2026-11-01 09:00" }));
    const meta = metaOf(copy);
    expect(meta).toMatchObject({ trackerId: "JX-01", schemaVersion: SCHEMA_VERSION, kind: "unit-copy", listName: "重点任务分工", listHash: master.listHash, generatedAt: "2026-12-01 09:00" });
    expect(meta.units).toEqual([{ unit: "省财政厅", sheet: copy.sheets[0].name, tasks: 3 }]);
    // The defined name every reader uses to find the tracker id points at the id.
    expect(copy.names).toEqual([{ name: "TRACKER_ID", ref: `'${SHEET.meta}'!$B$1` }]);
    expect(copy.sheets.find((s) => s.name === SHEET.meta)!.cells[0][1]).toBe("JX-01");
  });

  it("keeps the unit, export time, period and the unit's own reports at export — nothing else", () => {
    const meta = metaOf(buildUnitCopy(LIST, "省财政厅", { trackerId: "JX-01", exportedAt: "2026-12-01 09:00", reports: REPORTS }));
    expect(meta.extra).toEqual({ unit: "省财政厅", exported_at: "2026-12-01 09:00", period: "2026年12月", baseline: expect.any(String) });
    expect(JSON.parse(meta.extra.baseline)).toEqual({ [reportKey(1, "省财政厅")]: REPORTS.get(reportKey(1, "省财政厅")), [reportKey(3, "省财政厅")]: REPORTS.get(reportKey(3, "省财政厅")) });
    const none = metaOf(buildUnitCopy(LIST, "省人力资源社会保障厅", { trackerId: "JX-01", exportedAt: "2026-12-01 09:00", reports: REPORTS, period: "2026年11月" }));
    expect(none.extra).toMatchObject({ baseline: "{}", period: "2026年11月" });
  });

  it("with the master's key, carries a checksum over exactly those fields; without it, none", () => {
    const signed = metaOf(buildUnitCopy(LIST, "省教育厅", { trackerId: "JX-01", exportedAt: "2026-12-01 09:00", reports: REPORTS, copyKey: KEY }));
    const { unit, exported_at: exportedAt, period, baseline: baselineJson, checksum } = signed.extra;
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(checksumMatches(KEY, { trackerId: signed.trackerId, unit, exportedAt, period, baselineJson }, checksum)).toBe(true);
    expect(checksumMatches(KEY, { trackerId: signed.trackerId, unit: "省财政厅", exportedAt, period, baselineJson }, checksum)).toBe(false);
    const unsigned = metaOf(buildUnitCopy(LIST, "省教育厅", { trackerId: "JX-01", exportedAt: "2026-12-01 09:00", reports: REPORTS }));
    expect(unsigned.extra.checksum).toBeUndefined();
  });

  it("a tracker with its own words tells the copy so and names the period by its cadence; ours adds nothing", () => {
    const schedule = metaOf(buildUnitCopy(LIST, "省教育厅", { trackerId: "JX-01", exportedAt: "2026-12-01 09:00", vocabulary: PRESETS.schedule }));
    expect(schedule.extra).toMatchObject({ vocabulary: "schedule", period: "2026年第四季度" });
    const ours = metaOf(buildUnitCopy(LIST, "省教育厅", { trackerId: "JX-01", exportedAt: "2026-12-01 09:00", vocabulary: PRESETS.ours }));
    expect(Object.keys(ours.extra).sort()).toEqual(["baseline", "exported_at", "period", "unit"]);
  });
});
