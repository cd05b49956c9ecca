import { buildBlueprint } from "../../src/blueprint/build-blueprint";
import { SheetBlueprint } from "../../src/blueprint/types";
import { parseTaskList } from "../../src/domain/parse-task-list";
import { copyPlan, layoutAfterRowDelete } from "../../src/excel/copy-plan";
import { formulasSelfContained, layoutKey, protectSheet, rowBlocks, widthRuns, writeSheetAsCopy, writeSheetBody, writeSheetFormulas } from "../../src/excel/sheet-writer";
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

/** A sheet as the host holds it, without its name and ids: what a user would see and print. */
function sheetState(host: ReturnType<typeof createNodeHost>, name: string): unknown {
  const s = host.workbook.findSheet(name)!;
  return {
    rows: s.rows.map((row) => row?.map((cell) => (cell ? { v: cell.v, f: cell.f, s: cell.s } : undefined))),
    colStyles: [...s.colStyles],
    rowStyles: [...s.rowStyles],
    colWidths: [...s.colWidths],
    rowHeights: [...s.rowHeights],
    validations: s.validations,
    conditionalFormats: s.conditionalFormats.map(({ id: _id, ...cf }) => cf),
    freeze: s.freeze,
    tabColor: s.tabColor,
    pageLayout: s.pageLayout,
    protection: s.protection,
  };
}

/**
 * `sheet` written twice after `template` (on 模板): in full on a new sheet, and as a copy of the
 * template (deleting `deleteRows`), each then given its formulas and protection. Returns both
 * hosts and the request bytes each spent on 单位.
 */
async function writtenBothWays(template: SheetBlueprint, sheet: SheetBlueprint, deleteRows?: { from: number; to: number }) {
  const full = createNodeHost();
  const copied = createNodeHost();
  const bytes: number[] = [];
  for (const [host, asCopy] of [[full, false], [copied, true]] as const) {
    await host.run(async (ctx) => {
      const budget = new PayloadBudget(ctx);
      const ws = ctx.workbook.worksheets.add("模板");
      await writeSheetBody(ws, template, budget, { printLayout: true });
      await ctx.sync();
      const before = host.stats.snapshot().requestBytes;
      // The copy writes its own-row formulas with its constants; the full write in a second pass.
      const made = asCopy ? await writeSheetAsCopy({ ws, sheet: template }, "单位", sheet, budget, deleteRows) : undefined;
      const target = made?.ws ?? ctx.workbook.worksheets.add("单位");
      if (!asCopy) await writeSheetBody(target, sheet, budget, { printLayout: true });
      expect(made?.formulasWritten ?? asCopy).toBe(asCopy);
      await writeSheetFormulas(ws, template, budget);
      if (!made?.formulasWritten) await writeSheetFormulas(target, sheet, budget);
      for (const [w, s] of [[ws, template], [target, sheet]] as const) protectSheet(w, s);
      await ctx.sync();
      bytes.push(host.stats.snapshot().requestBytes - before);
    });
  }
  return { full, copied, bytes };
}

describe("a sheet written as a copy of one of the same layout", () => {
  // Two units of one task each: the same layout; the first unit's row has a deadline, the second's none.
  const list = parseTaskList("序号\t政策内容\t责任部门\t完成时限\n1\t甲\t省教育厅\t2026年6月底前\n2\t乙\t省财政厅\t\n");
  const bp = buildBlueprint(list, { trackerId: "copy", generatedAt: "2026-11-28 10:00" });
  const [first, second] = ["省教育厅", "省财政厅"].map((u) => bp.sheets.find((s) => s.role === "unit" && s.unit === u)!);

  it("is the same sheet as one written in full, without the template's constants, for a fraction of the bytes", async () => {
    expect(layoutKey(first)).toBe(layoutKey(second));
    expect(first.cells[2][5]).not.toBeNull();
    expect(second.cells[2][5] ?? null).toBeNull();

    const { full, copied, bytes } = await writtenBothWays(first, second);
    expect(sheetState(copied, "单位")).toEqual(sheetState(full, "单位"));
    expect(sheetState(copied, "模板")).toEqual(sheetState(full, "模板"));
    // The deadline the template carried is gone from the copy.
    expect(copied.values("'单位'!F3")).toEqual([[""]]);
    expect(bytes[1]).toBeLessThan(bytes[0] / 3);
  });
});

describe("a unit sheet written as a copy of a longer one, its surplus rows deleted", () => {
  // 省教育厅 has three tasks, 省财政厅 one: one template serves both (copy-plan.ts).
  const list = parseTaskList("序号\t政策内容\t责任部门\t完成时限\n1\t甲\t省教育厅\t2026年6月底前\n2\t乙\t省教育厅、省财政厅\t\n3\t丙\t省教育厅\t2027年底前\n");
  const bp = buildBlueprint(list, { trackerId: "shrink", generatedAt: "2026-11-28 10:00" });
  const [long, short] = ["省教育厅", "省财政厅"].map((u) => bp.sheets.find((s) => s.role === "unit" && s.unit === u)!);

  it("is planned as such and is the same sheet, cell for cell and rule for rule, as one written in full", async () => {
    expect(long.cells.length).toBe(short.cells.length + 2);
    const plan = copyPlan([long, short]);
    expect(plan.writes[1]).toEqual({ template: 0, deleteRows: { from: short.cells.length + 1, to: long.cells.length } });

    const { full, copied, bytes } = await writtenBothWays(long, short, plan.writes[1].deleteRows);
    expect(sheetState(copied, "单位")).toEqual(sheetState(full, "单位"));
    expect(sheetState(copied, "模板")).toEqual(sheetState(full, "模板"));
    // Nothing of the template's second and third task is left below the table.
    expect(copied.values("'单位'!A3:B5")).toEqual([[2, "乙"], ["", ""], ["", ""]]);
    expect(bytes[1]).toBeLessThan(bytes[0] / 3);
  });

  it("writes formulas with the constants only where they name no other sheet", () => {
    expect(formulasSelfContained(short)).toBe(true);
    expect(short.cells.some((row) => row.some((c) => c !== null && typeof c === "object"))).toBe(true);
    // 任务总表 and 汇总 read the unit sheets: their formulas wait for the final sheet names.
    for (const role of ["master", "summary"]) expect(formulasSelfContained(bp.sheets.find((s) => s.role === role)!)).toBe(false);
    // An exclamation mark inside a text literal names no sheet.
    expect(formulasSelfContained({ ...short, cells: [[{ f: 'IF(A1="注意!","!","")' }]] })).toBe(true);
  });

  it("is not planned when the deletion would leave another layout: a rule reading a deleted row", () => {
    const reading = { ...long, conditionalFormats: [...long.conditionalFormats, { range: "A3:A3", formula: `$A${long.cells.length}>0`, fill: "#FFFFFF" }] };
    const shortReading = { ...short, conditionalFormats: [...short.conditionalFormats, { range: "A3:A3", formula: `$A${long.cells.length}>0`, fill: "#FFFFFF" }] };
    expect(layoutAfterRowDelete(reading, short.cells.length)).toBeNull();
    expect(copyPlan([reading, shortReading]).writes).toEqual([{}, {}]);
    // A range wholly inside the deleted rows would vanish, so the copy would lack it.
    const extra = { ...long, formats: [...long.formats, { range: `A${long.cells.length}:B${long.cells.length}`, style: { bold: true } }] };
    expect(layoutAfterRowDelete(extra, short.cells.length)).toBeNull();
  });
});
