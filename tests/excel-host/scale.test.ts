/**
 * Scale: a tracking workbook of 40 unit sheets x 60 rows x 15 columns with a few hundred
 * summary formulas, and a larger 200-unit workbook, built through the genuine client.
 * Correctness at scale only: timings belong to `npm run bench`, not to tests.
 */
import { createNodeHost } from "./node-host";

const STATUSES = ["已完成", "推进中", "滞后", "未启动", "长期坚持"];
const colLetter = (i: number): string => String.fromCharCode(65 + i);

function unitRows(unit: number, rows: number, cols: number): unknown[][] {
  const out: unknown[][] = [["序号", "政策内容", "责任部门", "角色", "期限", "完成状态", ...Array.from({ length: cols - 6 }, (_, i) => `列${i}`)]];
  for (let r = 1; r < rows; r++) {
    out.push([
      r,
      `第${r}项任务：推进职业教育改革的具体措施（单位${unit}）`,
      `单位${unit}`,
      r % 3 === 0 ? "牵头" : "配合",
      "2025-12-31",
      STATUSES[(r + unit) % STATUSES.length],
      ...Array.from({ length: cols - 6 }, (_, i) => (i % 2 ? r * i : `说明${r}`)),
    ]);
  }
  return out;
}

async function buildTracker(ctx: Excel.RequestContext, units: number, rows: number, cols: number): Promise<void> {
  ctx.workbook.application.suspendApiCalculationUntilNextSync();
  const summary = ctx.workbook.worksheets.add("汇总");
  for (let u = 1; u <= units; u++) {
    const ws = ctx.workbook.worksheets.add(`单位${u}`);
    const data = unitRows(u, rows, cols);
    ws.getRangeByIndexes(0, 0, rows, cols).values = data;
    const head = ws.getRangeByIndexes(0, 0, 1, cols);
    head.format.fill.color = "#1F4E79";
    head.format.font.color = "#FFFFFF";
    head.format.font.bold = true;
    ws.getRange(`F2:F${rows}`).dataValidation.rule = { list: { inCellDropDown: true, source: STATUSES.join(",") } };
    ws.getRange(`F2:${colLetter(cols - 1)}${rows}`).format.protection.locked = false;
    ws.freezePanes.freezeRows(1);
    ws.protection.protect({ allowFormatColumns: true });
  }
  await ctx.sync();
  const formulas: string[][] = [];
  for (let u = 1; u <= units; u++) {
    const ref = `'单位${u}'!$F$2:$F$${rows}`;
    formulas.push([
      `单位${u}`,
      `=COUNTIFS(${ref},"已完成")`,
      `=COUNTIFS(${ref},"推进中")`,
      `=COUNTIFS(${ref},"滞后")`,
      `=SUMPRODUCT((${ref}<>"")*(${ref}<>"长期坚持"))`,
      `=IFERROR(B${u + 1}/E${u + 1},0)`,
      `=IF(D${u + 1}>0,"有滞后","正常")`,
    ]);
  }
  summary.getRangeByIndexes(1, 0, units, 7).formulas = formulas;
  summary.getRange(`H2`).formulas = [[`=SUM(B2:B${units + 1})`]];
  await ctx.sync();
}

async function readTotals(ctx: Excel.RequestContext, units: number): Promise<unknown[][]> {
  const r = ctx.workbook.worksheets.getItem("汇总").getRangeByIndexes(1, 0, units, 8).load("values");
  await ctx.sync();
  return r.values;
}

describe("performance", () => {
  it("builds 40 sheets x 60 rows x 15 columns and ~300 summary formulas in well under a second per batch", async () => {
    const host = createNodeHost({ sheets: [] });
    host.stats.reset();
    const t0 = Date.now();
    await host.run((ctx) => buildTracker(ctx, 40, 60, 15));
    const totals = await host.run((ctx) => readTotals(ctx, 40));
    const wall = Date.now() - t0;
    const s = host.stats.snapshot();
    console.log(
      `40x60x15: wall ${wall} ms; host per batch ${s.batches
        .map((b) => `${b.kind}: ${b.hostCpuMs.toFixed(0)} ms cpu (${b.hostMs.toFixed(0)} wall), ${(b.requestBytes / 1024).toFixed(0)} KB`)
        .join("; ")}`,
    );
    expect(s.roundTrips).toBe(3);
    expect(totals[0].slice(0, 7)).toEqual(["单位1", 12, 11, 12, 47, 12 / 47, "有滞后"]);
    expect(totals[0][7]).toBe(totals.reduce((n, row) => n + (row[1] as number), 0));
  });

  it("scales to 200 unit sheets and 5,000 task rows without quadratic costs", async () => {
    const host = createNodeHost({ sheets: [] });
    const t0 = Date.now();
    await host.run((ctx) => buildTracker(ctx, 200, 26, 12));
    const totals = await host.run((ctx) => readTotals(ctx, 200));
    const wall = Date.now() - t0;
    const s = host.stats.snapshot();
    console.log(
      `200 units x 25 tasks: wall ${wall} ms; slowest batch ${s.slowestBatchCpuMs.toFixed(0)} ms cpu; requests ${(s.requestBytes / 1024).toFixed(0)} KB`,
    );
    expect(totals).toHaveLength(200);
  });
});
