/**
 * Excel on the web refuses a request over 5 MB. The add-in syncs early once the queued
 * work is estimated to pass this budget, so large lists go out in several requests.
 */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

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

  /** Accounts for `actions` queued operations whose arguments total this JSON size, syncing first if they would not fit. */
  async add(argumentBytes: number, actions = 1): Promise<void> {
    const cost = argumentBytes + ACTION_OVERHEAD * actions;
    if (this.queued > 0 && this.queued + cost > this.limit) await this.flush();
    this.queued += cost;
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
