import JSZip from "jszip";
import { EMPTY_REPORT, PRESETS, Report, parseTaskList, reportKey } from "../../src/domain";
import { buildProgressReport } from "../../src/report/report-model";
import { renderReportDocx } from "../../src/report/render-docx";

const TEXT = ["序号\t政策内容\t责任部门", "1\t到2020年完成甲\t省教育厅、省财政厅", "2\t推进乙\t省财政厅", "3\t做好丙\t省人社厅"].join("\n");
const report = (status: Report["status"]): Report => ({ ...EMPTY_REPORT, status });

describe("the progress report speaks the tracker's vocabulary", () => {
  const list = parseTaskList(TEXT, { name: "测试清单" });
  const reports = new Map<string, Report>([
    [reportKey(1, "省教育厅"), report("已完成")],
    [reportKey(1, "省财政厅"), report("推进中")],
    [reportKey(2, "省财政厅"), report("已完成")],
    [reportKey(3, list.tasks[2].units[0]), report("长期坚持")],
  ]);

  it("names figures, statuses and the period in the office's words and cadence", async () => {
    const r = buildProgressReport({ trackerId: "t", list, reports, history: [], vocabulary: PRESETS.handling }, "2026-11-30");
    expect(r.period).toBe("2026年11—12月");
    expect(r.overview).toContain("已办结1项，持续推进1项");
    const doc = await (await JSZip.loadAsync(await renderReportDocx(r))).file("word/document.xml")!.async("string");
    const text = doc.replace(/<[^>]+>/g, "");
    for (const phrase of ["已办结任务数", "持续推进任务数", "任务状态：正在办理", "省财政厅（配合）：正在办理。", "省人社厅（牵头）：持续推进。"]) expect(text).toContain(phrase);
    expect(text).not.toMatch(/已完成|推进中|长期坚持/);
  });

  it("keeps our words when the tracker has no vocabulary of its own", () => {
    const r = buildProgressReport({ trackerId: "t", list, reports, history: [] }, "2026-11-30");
    expect(r.period).toBe("2026年11月");
    expect(r.overview).toContain("已完成1项，长期坚持1项");
  });
});
