import type { Conflict } from "../domain/merge";
import { queueLocatedWrites } from "./merge-into-workbook";
import { readMasterState } from "./tracker-reports";
import { StaleConflictError } from "./stale-conflict";

export { StaleConflictError };

/**
 * Takes the returned value of a conflict the merge recorded: written into the unit's row,
 * found by 序号 in the write's own request (as a merge writes), only if the tracker still holds
 * the value the merge kept. Two requests read the tracker, one writes. The merge log already
 * holds both values, so the tracker's value stays on record.
 */
export async function takeReturnedValue(context: Excel.RequestContext, conflict: Pick<Conflict, "key" | "field" | "master" | "returned">): Promise<void> {
  const state = await readMasterState(context);
  const current = state.reports.get(conflict.key);
  if (!current || !state.cells.has(conflict.key)) throw new StaleConflictError(conflict, undefined);
  if (current[conflict.field] !== conflict.master) throw new StaleConflictError(conflict, current[conflict.field]);
  queueLocatedWrites(context, state, new Map([[conflict.key, { ...current, [conflict.field]: conflict.returned }]]));
  await context.sync();
}
