import { buildBlueprint } from "../../src/blueprint/build-blueprint";
import { parseTaskList } from "../../src/domain/parse-task-list";
import { rowBlocks, widthRuns, writeSheetBody, writeSheetFormulas } from "../../src/excel/sheet-writer";
import { PayloadBudget } from "../../src/excel/payload-budget";
import { createNodeHost } from "../excel-host/node-host";

describe("sheet-writer request shaping", () => {
  it("sizes neighbouring columns of one width in one run", () => {
    expect(widthRuns([6, 60, 7, 7, 7, 8, 8, 7])).toEqual([
      { from: 0, to: 0, width: 6 },
      { from: 1, to: 1, width: 60 },
      { from: 2, to: 4, width: 7 },
      { from: 5, to: 6, width: 8 },
      { from: 7, to: 7, width: 7 },
    ]);
  });

  it("writes rows over the columns they use, keeps neighbours together while nulls are cheap, skips empty rows", () => {
    const header = Array.from({ length: 14 }, (_, c) => `h${c}`);
    const body = (n: number) => [n, "text", "牵头", null, null, 46000, null, null, null, null, null, null, null, null];
    const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => body(from + i));
    const grid = [["title", ...Array(13).fill(null)], header, ...rows(1, 30), Array(14).fill(null), body(31)];
    expect(rowBlocks(grid)).toEqual([
      // title joins the header (13 nulls are cheaper than a write); 30 rows × 8 nulls are not.
      { row: 0, rows: 2, first: 0, last: 13 },
      { row: 2, rows: 30, first: 0, last: 5 },
      { row: 33, rows: 1, first: 0, last: 5 },
    ]);
    // A few short rows join a wide neighbour.
    expect(rowBlocks([header, body(1), body(2)])).toEqual([{ row: 0, rows: 3, first: 0, last: 13 }]);
    // A one-column formula run (a unit sheet's 时限预警) stays one column wide.
    expect(rowBlocks([[null, null, "=A1"], [null, null, "=A2"]])).toEqual([{ row: 0, rows: 2, first: 2, last: 2 }]);
  });

  it("writes a unit sheet that reads back cell for cell, dates formatted, with no reference kept per range", async () => {
    const list = parseTaskList("序号\t政策内容\t责任部门\n1\t到2026年完成甲\t省教育厅\n2\t乙\t省教育厅、省财政厅\n3\t丙\t省教育厅\n");
    const bp = buildBlueprint(list, { trackerId: "sw", generatedAt: "2026-11-28 10:00" });
    const sheet = bp.sheets.find((s) => s.role === "unit" && s.unit === "省教育厅")!;
    const host = createNodeHost();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("省教育厅");
      const budget = new PayloadBudget(ctx);
      await writeSheetBody(ws, sheet, budget, { printLayout: true });
      await writeSheetFormulas(ws, sheet, budget);
      await ctx.sync();
    });
    const s = host.stats.snapshot();
    // untrack(): Excel.run ends with no _RemoveReference batch for the write-only ranges.
    expect(s.cleanupRequestBytes).toBeLessThan(2000);
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("省教育厅");
      const used = ws.getRange("A1:N5").load(["formulas", "numberFormat"]);
      const widths = ws.getRange("A1:N1").load("columnCount");
      await ctx.sync();
      for (let r = 0; r < sheet.cells.length; r++) {
        for (let c = 0; c < 14; c++) {
          const cell = sheet.cells[r][c];
          const got = used.formulas[r][c];
          if (cell === null || cell === undefined) expect(got).toBe("");
          else if (typeof cell === "object") expect(got).toBe(`=${cell.f}`);
          else expect(String(got).replace(/^'/, "")).toBe(String(cell));
        }
      }
      expect(used.numberFormat.slice(2).map((row) => row[5])).toEqual(["yyyy-mm-dd", "yyyy-mm-dd", "yyyy-mm-dd"]);
      expect(widths.columnCount).toBe(14);
    });
  });
});
