import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { buildBlueprint } from "../../src/blueprint";
import { AUTHORITY_META_KEY } from "../../src/blueprint/copy-authority";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { readMasterState } from "../../src/excel/tracker-reports";
import { SHEET } from "../../src/blueprint/layout";
import { mergeCommand } from "../../src/cli/merge-command";
import { parseArgs } from "../../src/cli/args";
import { Report, Status, computeRollup, parseTaskList, reportKey } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { mergeReturnFiles } from "../../src/excel/merge-returns";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { reportWith } from "../support/fill";
import { buildOptions, newHost } from "../support/excel-host-helpers";
import { LoEditJob, editInLibreOffice, libreOfficeAvailable, recomputeSheets } from "../support/libreoffice";
import { seedText } from "../support/seed";
import { expectSummaryEqualsRollup } from "../support/summary-figures";

const source = seedText();
const list = parseTaskList(source);
const TRACKER_ID = "e2e-round-trip";
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

/** What three units send back, edited in LibreOffice: typed statuses, a pasted synonym, a sort, an inserted row. */
const EDITS: Array<{ unit: string; statuses: Array<[number, Status, string]>; paste?: [number, string, Status] }> = [
  { unit: "省财政厅", statuses: [[14, "已完成", "资金已下达"], [26, "推进中", "分批拨付"], [21, "滞后", "预算未批"]], paste: [5, "完成", "已完成"] },
  { unit: "省教育厅", statuses: [[1, "推进中", "起草选聘办法"], [26, "已完成", "全部达标"], [13, "长期坚持", "每年培训"]], paste: [23, " 推进中 ", "推进中"] },
  { unit: "省外办", statuses: [[12, "已完成", "已签约"], [46, "未启动", ""]] },
];

function expectedReports(): Map<string, Report> {
  const m = new Map<string, Report>();
  for (const e of EDITS) {
    for (const [id, status, progress] of e.statuses) m.set(reportKey(id, e.unit), reportWith(status, progress));
    if (e.paste) m.set(reportKey(e.paste[0], e.unit), reportWith(e.paste[2]));
  }
  return m;
}

describe("email round trip: copies out, edited in LibreOffice, merged back by the CLI and by the add-in", () => {
  it("merges every edit and shows the same figures everywhere", async () => {
    if (!libreOfficeAvailable()) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), "round-trip-"));
    // The add-in builds the tracker and exports the copies (signed with the key it stores in the
    // master); the CLI's tracker file carries the same key, as a tracker saved from Excel would.
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: TRACKER_ID, listSource: source })));
    const copies = await host.run((ctx) => makeUnitCopies(ctx, EDITS.map((e) => e.unit), "2026-11-28 09:05"));
    const copyAuthority = (await host.run((ctx) => readMasterState(ctx))).meta.extra[AUTHORITY_META_KEY];
    const tracker = path.join(dir, "tracker.xlsx");
    writeFileSync(tracker, await writeXlsxBuffer(buildBlueprint(list, { trackerId: TRACKER_ID, generatedAt: "2026-11-28 09:00", listSource: source, copyAuthority })));

    const jobs: LoEditJob[] = [];
    for (const [i, e] of EDITS.entries()) {
      const copy = path.join(dir, `copy-${i}.xlsx`);
      writeFileSync(copy, copies.find((c) => c.unit === e.unit)!.data);
      jobs.push({
        in: copy,
        out: path.join(dir, `return-${i}.xlsx`),
        sheet: e.unit,
        statuses: e.statuses,
        paste: e.paste ? [e.paste[0], e.paste[1]] : undefined,
        sort: true,
        insertRow: 4,
      });
    }
    await editInLibreOffice(jobs);
    const returns = jobs.map((j) => j.out);

    // The returns really were sorted and had a row inserted: rows no longer follow 序号.
    const back = await readTrackerFile(readFileSync(returns[0]));
    expect(back.assignments.map((a) => a.taskId)).not.toEqual([...back.assignments.map((a) => a.taskId)].sort((a, b) => a - b));

    const expected = computeRollup(list, expectedReports(), today());

    // CLI: merge into a regenerated tracker, then let LibreOffice compute it.
    const merged = path.join(dir, "merged.xlsx");
    const cli = await mergeCommand(parseArgs([tracker, ...returns, "--out", merged]));
    expect(cli.refused).toEqual([]);
    expect(cli.outcome.files.map((f) => [f.updated.length, f.conflicts.length, f.rejected.length])).toEqual([
      [4, 0, 0],
      [4, 0, 0],
      [2, 0, 0],
    ]);
    const sheets = await recomputeSheets(merged);
    const summary = sheets.get(SHEET.summary)!;
    expectSummaryEqualsRollup(summary, expected);
    const log = sheets.get(SHEET.mergeLog)!;
    expect(log.filter((r) => r[3] === "汇总").map((r) => r[4])).toEqual(["4", "4", "2"]);

    // Add-in: the same returns merged into the open workbook through the genuine client.
    const result = await host.run((ctx) => mergeReturnFiles(ctx, returns.map((f) => ({ name: path.basename(f), data: readFileSync(f) })), "2026-12-01 10:00"));
    expect(result.refused).toEqual([]);
    expect(result.figures.overall).toMatchObject({ 已完成分工数: expected.overall.assignmentsDone, 已完成任务数: expected.overall.tasksDone, 逾期分工数: expected.overall.overdueAssignments });
    for (const u of expected.units) {
      const f = result.figures.units.find((x) => x.unit === u.unit)!;
      expect([u.unit, f.done, f.late, f.notReported, f.overdue]).toEqual([u.unit, u.counts.已完成, u.counts.滞后, u.counts.未填报, u.overdue]);
    }
  });
});
