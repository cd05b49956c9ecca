/**
 * Co-authors for the interleaving tests: the add-in's client with a hook that runs another
 * genuine client's edits before each of the add-in's requests, and the edits units make.
 */
import type { NodeClient } from "../excel-host/client/node-client";
import type { NodeExcelHost } from "../excel-host/node-host";
import { usedValues } from "../support/excel-host-helpers";

export type CoauthorTurn = (index: number) => Promise<void>;

/** The add-in's own client; `turn(i)` runs before its request i (0-based), as if a co-author's edit arrived first. */
export function addinWith(host: NodeExcelHost, turn: CoauthorTurn, options: { officePlatform?: "PC" | "Mac" | "OfficeOnline" } = {}): NodeClient & { requests: () => number } {
  let requests = 0;
  const client = host.connect({
    ...options,
    beforeRequest: async ({ index }) => {
      requests = index + 1;
      await turn(index);
    },
  });
  return Object.assign(client, { requests: () => requests });
}

/** A co-author sorts a unit sheet: the data rows (序号 … 填报日期) in reverse order, as Excel's sort moves whole rows. */
export async function reverseRows(coauthor: Pick<NodeClient, "run">, sheet: string): Promise<void> {
  await coauthor.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const used = ws.getUsedRange(true).load("rowCount");
    await ctx.sync();
    const data = ws.getRange(`A3:M${used.rowCount}`).load("values");
    await ctx.sync();
    ws.protection.unprotect();
    ws.getRange(`A3:M${used.rowCount}`).values = [...data.values].reverse();
    ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    await ctx.sync();
  });
}

/** A unit sheet's rows by 序号: [序号, …, 填报日期] without the formula column. */
export async function rowsById(host: NodeExcelHost, sheet: string): Promise<Map<number, unknown[]>> {
  const values = await usedValues(host, sheet);
  return new Map(values.filter((r) => typeof r[0] === "number").map((r) => [r[0] as number, r.slice(0, 13)]));
}
