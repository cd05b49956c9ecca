import { createNodeHost, NodeExcelHost } from "../excel-host/node-host";
import { BuildOptions } from "../../src/excel/build-tracker";
import { Status } from "../../src/domain";

export const ALL_SETS = (): boolean => true;

export function newHost(): NodeExcelHost {
  return createNodeHost();
}

export const buildOptions = (overrides: Partial<BuildOptions> = {}): BuildOptions => ({
  trackerId: "excel-test",
  generatedAt: "2026-11-28 10:00",
  isSetSupported: ALL_SETS,
  ...overrides,
});

/** Round trips of real syncs (not the client's trailing reference cleanup) since the last reset. */
export function roundTrips(host: NodeExcelHost): number {
  return host.stats.snapshot().roundTrips;
}

export interface SheetInfo {
  name: string;
  visibility: string;
  protected: boolean;
  position: number;
}

/** Reads the workbook's sheets through the genuine client, as the add-in would see them. */
export async function sheetInfo(host: NodeExcelHost): Promise<SheetInfo[]> {
  return host.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load("items/name,items/visibility,items/position,items/protection/protected");
    await ctx.sync();
    return sheets.items.map((s) => ({ name: s.name, visibility: s.visibility as string, protected: s.protection.protected, position: s.position }));
  });
}

export async function usedValues(host: NodeExcelHost, sheet: string): Promise<unknown[][]> {
  return host.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getUsedRange(true).load("values");
    await ctx.sync();
    return r.values;
  });
}

/** Types a status into a unit sheet the way a user does: finds the row by 序号, writes into 完成状态 (G). */
export async function typeStatuses(host: Pick<NodeExcelHost, "run">, sheet: string, statuses: Array<[number, Status | string, string?]>): Promise<void> {
  await host.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const ids = ws.getRange("A1:A400").load("values");
    await ctx.sync();
    for (const [id, status, progress] of statuses) {
      const row = ids.values.findIndex((r) => r[0] === id);
      if (row < 0) throw new Error(`task ${id} not on ${sheet}`);
      ws.getRange(`G${row + 1}:H${row + 1}`).values = [[status, progress ?? ""]];
    }
    await ctx.sync();
  });
}
