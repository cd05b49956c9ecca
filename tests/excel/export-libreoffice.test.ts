import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { buildBlueprint, buildUnitCopy } from "../../src/blueprint";
import { SHEET } from "../../src/blueprint/layout";
import { buildTracker } from "../../src/excel/build-tracker";
import { parseTaskList, parseReportKey } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { exportXlsx } from "../excel-host/xlsx/export";
import { reportWith, sampleStatuses } from "../support/fill";
import { buildOptions, newHost, typeStatuses } from "../support/excel-host-helpers";
import { libreOfficeAvailable, recomputeSheets } from "../support/libreoffice";
import { auditProtection, loadWorkbook } from "../support/protection-audit";
import { seedText } from "../support/seed";

const source = seedText();
const list = parseTaskList(source);
const statuses = sampleStatuses(list, 10);
const reports = new Map([...statuses].map(([k, s]) => [k, reportWith(s)]));

async function addinWorkbook(): Promise<Buffer> {
  const host = newHost();
  await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "X", listSource: source })));
  const byUnit = new Map<string, Array<[number, string]>>();
  for (const [key, status] of statuses) {
    const { taskId, unit } = parseReportKey(key);
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), [taskId, status]]);
  }
  for (const [unit, entries] of byUnit) await typeStatuses(host, unit, entries);
  // The user's own "Sheet1" stays as Excel made it; the audit is about the tracker's sheets.
  await host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").delete();
    await ctx.sync();
  });
  return (await exportXlsx(host.workbook, { protectionSpinCount: 1 })).buffer;
}

describe("the workbook the add-in built, exported from the host", () => {
  it("recomputes in LibreOffice to the same figures as the CLI's file", async () => {
    if (!libreOfficeAvailable()) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), "addin-vs-cli-"));
    const addin = path.join(dir, "addin.xlsx");
    const cli = path.join(dir, "cli.xlsx");
    writeFileSync(addin, await addinWorkbook());
    writeFileSync(cli, await writeXlsxBuffer(buildBlueprint(list, { trackerId: "X", generatedAt: "2026-11-28 10:00", reports })));
    const [a, c] = [await recomputeSheets(addin), await recomputeSheets(cli)];
    // Row 2 holds the build stamp; everything else on 汇总 and 任务总表 must match cell for cell.
    expect(a.get(SHEET.summary)!.filter((_, i) => i !== 1)).toEqual(c.get(SHEET.summary)!.filter((_, i) => i !== 1));
    expect(a.get(SHEET.master)).toEqual(c.get(SHEET.master));
    expect(a.get("省教育厅")).toEqual(c.get("省教育厅"));
  });
});

describe("protection audit of every workbook the project writes", () => {
  const unitSheets = new Set(list.units);
  it.each([
    ["add-in (exported from the host)", addinWorkbook],
    ["CLI tracker", () => writeXlsxBuffer(buildBlueprint(list, { trackerId: "X", generatedAt: "x", reports, password: "pw" }))],
    ["unit copy", () => writeXlsxBuffer(buildUnitCopy(list, "省教育厅", { trackerId: "X", exportedAt: "x", reports }))],
  ])("%s: every sheet protected, exactly the input cells unlocked", async (_, make) => {
    const audit = auditProtection(await loadWorkbook(await make()), unitSheets);
    expect(audit.problems).toEqual([]);
    expect(audit.cells).toBeGreaterThan(500);
    expect(audit.unlocked).toBeGreaterThan(0);
  });
});
