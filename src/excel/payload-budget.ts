/**
 * Excel on the web refuses a request over 5 MB. The add-in syncs early once the queued
 * work is estimated to pass this budget, so large lists go out in several requests. The
 * budget sits a little under 4 MB because the estimate can be off by a few percent.
 */
export const REQUEST_BUDGET_BYTES = 3.85 * 1024 * 1024;

/**
 * What one queued operation costs in the RichApi JSON besides its arguments: the action,
 * its Instantiate action, the object path and the reference kept for it. Measured on the
 * genuine client's requests (~90 bytes a path, ~60 an Instantiate, ~100 a property set).
 */
export const ACTION_OVERHEAD = 300;
/** Office.js splits a 2D write of more than 1,500 cells into several actions. */
const CELLS_PER_WRITE_ACTION = 1500;

export class PayloadBudget {
  private queued = 0;
  syncs = 0;

  constructor(
    private readonly context: { sync(): Promise<void> },
    private readonly limit: number = REQUEST_BUDGET_BYTES,
  ) {}

  /**
   * Reserves room for `actions` operations whose arguments total this JSON size, syncing
   * what is queued first if they would not fit. Call it before queuing the operations.
   */
  async add(argumentBytes: number, actions = 1): Promise<void> {
    const cost = argumentBytes + ACTION_OVERHEAD * actions;
    if (this.queued > 0 && this.queued + cost > this.limit) await this.flush();
    this.queued += cost;
  }

  /** Room left in the current request. */
  get room(): number {
    return this.limit - this.queued;
  }

  /** Below this much room a long write starts a new request instead of sending a sliver. */
  get minChunkBytes(): number {
    return this.limit / 16;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.queued = 0;
  }
}

/** JSON size of a value as it will travel, in UTF-8 bytes (CJK text is 3 bytes a character). */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) bytes += json.charCodeAt(i) > 0x7ff ? 2 : 1;
  return bytes;
}

/** Cost of a 2D write (values, formulas, number formats) as the client will chunk it. */
export function gridWriteCost(grid: unknown[][]): { bytes: number; actions: number } {
  const cells = grid.length * (grid[0]?.length ?? 0);
  return { bytes: jsonBytes(grid), actions: 1 + Math.ceil(cells / CELLS_PER_WRITE_ACTION) * 2 };
}

/**
 * Queues a 2D write of `rows` starting at sheet row index `firstRow`, split into runs of
 * rows small enough for the budget; each run reserves its room before it is queued.
 */
export async function queueGridWrite(
  budget: PayloadBudget,
  rows: unknown[][],
  firstRow: number,
  write: (rowIndex: number, block: unknown[][]) => void,
): Promise<void> {
  // Fill what is left of the current request, then whole requests: as few syncs as fit.
  const width = rows[0]?.length ?? 0;
  const roomFor = () => budget.room - ACTION_OVERHEAD * 4;
  if (rows.length > 0 && roomFor() < budget.minChunkBytes) await budget.flush();
  let room = roomFor();
  let start = 0;
  let bytes = 0;
  const flush = async (end: number) => {
    if (end <= start) return;
    const block = rows.slice(start, end);
    const cost = gridWriteCost(block);
    await budget.add(cost.bytes, cost.actions);
    write(firstRow + start, block);
    start = end;
    bytes = 0;
    if (end < rows.length) {
      if (roomFor() < budget.minChunkBytes) await budget.flush();
      room = roomFor();
    }
  };
  for (let r = 0; r < rows.length; r++) {
    const rowBytes = jsonBytes(rows[r]) + (width * 2 * ACTION_OVERHEAD) / CELLS_PER_WRITE_ACTION;
    if (bytes > 0 && bytes + rowBytes > room) await flush(r);
    bytes += rowBytes;
  }
  await flush(rows.length);
}
