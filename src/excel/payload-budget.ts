/**
 * Excel on the web refuses a request over 5 MB. The add-in syncs early once the queued
 * work is estimated to pass this budget, so large lists go out in several requests.
 */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** Fixed cost of one queued action in the RichApi JSON, on top of its arguments. */
const ACTION_OVERHEAD = 160;

export class PayloadBudget {
  private queued = 0;
  syncs = 0;

  constructor(
    private readonly context: { sync(): Promise<void> },
    private readonly limit: number = REQUEST_BUDGET_BYTES,
  ) {}

  /** Accounts for one action with an argument of this JSON size, syncing first if it would not fit. */
  async add(argumentBytes: number): Promise<void> {
    const cost = argumentBytes + ACTION_OVERHEAD;
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
