import { readFileSync } from "fs";
import path from "path";
import { buildBlueprint } from "../../src/blueprint";
import { main } from "../../src/cli/main";
import { EMPTY_REPORT, Report, parseTaskList, reportKey } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { readReportSource } from "../../src/excel/report-source";
import { progressReportFile } from "../../src/report/report-file";
import { excelActions } from "../../src/taskpane/excel-actions";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { ALL_SETS, buildOptions, newHost, typeStatuses } from "../support/excel-host-helpers";
import { seedText } from "../support/seed";
import { mkdtempSync, writeFileSync } from "fs";
import os from "os";

const DATE = "2026-11-30";
const TYPED: Array<[string, number, Report["status"], string]> = [
  ["省教育厅", 26, "已完成", "全部达标"],
  ["省教育厅", 27, "推进中", ""],
  ["省外办", 12, "滞后", "受疫情影响"],
  ["省财政厅", 21, "已完成", ""],
];

describe("生成进展报告 in the pane", () => {
  it("reads the open workbook and writes the same bytes as the CLI for the same tracker and date", async () => {
    const source = seedText();
    const list = parseTaskList(source);
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: source })));
    for (const [unit, id, status, progress] of TYPED) await typeStatuses(host, unit, [[id, status, progress]]);

    const actions = excelActions((fn) => host.run(fn), ALL_SETS);
    const pane = await actions.progressReport(DATE);
    expect(pane.fileName).toBe(`${list.name}进展情况通报-${DATE}.docx`);

    // The same tracker as a file, reports typed into the same cells, through the CLI.
    const reports = new Map(TYPED.map(([unit, id, status, progress]) => [reportKey(id, unit), { ...EMPTY_REPORT, status, progress }]));
    const bp = buildBlueprint(list, { trackerId: "cli", generatedAt: "2026-11-28 09:00", listSource: source, reports });
    const dir = mkdtempSync(path.join(os.tmpdir(), "pane-report-"));
    writeFileSync(path.join(dir, "t.xlsx"), await writeXlsxBuffer(bp));
    await main(["report", path.join(dir, "t.xlsx"), "--docx", path.join(dir, "r.docx"), "--date", DATE], () => undefined);
    expect(Buffer.compare(Buffer.from(pane.data), readFileSync(path.join(dir, "r.docx")))).toBe(0);

    // And the source it read holds what was typed.
    const read = await host.run((ctx) => readReportSource(ctx));
    expect(read.reports.get(reportKey(12, "省外办"))).toMatchObject({ status: "滞后", progress: "受疫情影响" });
    expect((await progressReportFile(read, DATE)).data).toEqual(pane.data);
  });

  it("explains that a workbook without a tracker has nothing to report", async () => {
    const host = newHost();
    await expect(host.run((ctx) => readReportSource(ctx))).rejects.toThrow(/没有跟踪表.*请先生成跟踪表/);
  });
});
