import ExcelJS from "exceljs";
import { buildBlueprint } from "../../src/blueprint";
import { buildTracker } from "../../src/excel/build-tracker";
import { Report, parseTaskList, reportKey } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { buildOptions, newHost, usedValues } from "../support/excel-host-helpers";

const RISKY = ["=HYPERLINK(\"http://evil\",\"点我\")", "+1+1", "-2", "@SUM(A1)", "2026-11-30", "0012", "TRUE"];
const text = ["序号\t政策内容\t责任部门", ...RISKY.map((t, i) => `${i + 1}\t${t}\t省教育厅`)].join("\n");
const list = parseTaskList(text);
const report = (progress: string): Report => ({ status: "推进中", progress, problems: progress, nextSteps: "", evidence: "", reporter: "", reportDate: "" });
const reports = new Map(RISKY.map((t, i) => [reportKey(i + 1, "省教育厅"), report(t)]));

describe("text that looks like a formula, number or date is written as text", () => {
  it("by the Office.js renderer (task texts and carried-over reports)", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions()));
    // Reports arrive in the add-in through a rebuild that carries them over; type them as a unit would, then rebuild.
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("省教育厅");
      RISKY.forEach((t, i) => (ws.getRange(`G${i + 3}:I${i + 3}`).values = [["推进中", `'${t}`, `'${t}`]]));
      await ctx.sync();
    });
    await host.run((ctx) => buildTracker(ctx, list, buildOptions()));
    const values = await usedValues(host, "省教育厅");
    // Values are the text itself: a formula would read back as its result ("点我", 2, -2...).
    RISKY.forEach((t, i) => expect([values[i + 2][1], values[i + 2][7], values[i + 2][8]]).toEqual([t, t, t]));
  });

  it("by the ExcelJS renderer", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsxBuffer(buildBlueprint(list, { trackerId: "s", generatedAt: "x", reports }))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("省教育厅")!;
    RISKY.forEach((t, i) => {
      for (const col of [2, 8, 9]) {
        const cell = ws.getRow(i + 3).getCell(col);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(t);
      }
    });
  });
});
