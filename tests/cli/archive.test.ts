import { mkdtempSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { SHEET, summaryTrendHeaderRow } from "../../src/blueprint";
import { main } from "../../src/cli/main";
import { displayedNumber, libreOfficeAvailable, recomputeSheets } from "../support/libreoffice";

const run = (args: string[]) => main(args, () => undefined);

async function setStatus(file: string, sheet: string, id: number, status: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet(sheet)!.eachRow((row) => {
    if (row.getCell(1).value === id) row.getCell(7).value = status;
  });
  await wb.xlsx.writeFile(file);
}

describe("policy-tracker archive", () => {
  it("keeps one snapshot per period, replacing a re-archived one, and 汇总 shows the trend", async () => {
    if (!libreOfficeAvailable()) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), "archive-"));
    const file = path.join(dir, "t.xlsx");
    await run(["--out", file, "--tracker-id", "A1"]);
    await run(["archive", file, "--period", "2026年10月"]);
    await setStatus(file, "省外办", 12, "已完成");
    await run(["archive", file, "--period", "2026年11月"]);
    await setStatus(file, "省外办", 46, "已完成");
    await run(["archive", file, "--period", "2026年11月"]);

    const sheets = await recomputeSheets(file);
    const history = sheets.get(SHEET.history)!;
    const overall = history.filter((r) => r[2] === "(全部)").map((r) => [r[0], r[4]]);
    expect(overall).toEqual([
      ["2026年10月", "0"],
      ["2026年11月", "2"],
    ]);
    const summary = sheets.get(SHEET.summary)!;
    const header = summaryTrendHeaderRow(37);
    expect(summary[header - 1].slice(0, 3)).toEqual(["期间", "分工完成率", "逾期分工"]);
    expect(summary[header][0]).toBe("2026年10月");
    expect(summary[header + 1][0]).toBe("2026年11月");
    expect(displayedNumber(summary[header + 1][1])).toBeCloseTo(2 / 171, 3);
    expect(summary[header + 2][0]).toBe("");
  });
});
