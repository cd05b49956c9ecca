/**
 * Round trips and bytes seen by the host. Excel.run ends with a batch of `_RemoveReference`
 * calls sent after the add-in's code finished: it is counted apart (cleanupTrips) so tests
 * can bound the add-in's own syncs; office.js's own batches (start-up handshake, telemetry) are
 * counted apart too.
 */

export type BatchKind = "operation" | "cleanup" | "internal";

export interface BatchRecord {
  kind: BatchKind;
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Wall time the host spent on the batch (parse, execute, serialise), in milliseconds. */
  hostMs: number;
  /** CPU time of that work, in milliseconds: steadier than wall time on a busy machine. */
  hostCpuMs: number;
  /** Error code the batch ended with, if any. */
  error?: string;
}

export interface StatsSnapshot {
  /** Batches sent by `context.sync()` (the add-in's round trips). */
  roundTrips: number;
  requestBytes: number;
  responseBytes: number;
  largestRequest: number;
  largestResponse: number;
  /** Trailing `_RemoveReference` batches sent by Excel.run after the add-in's code returned. */
  cleanupTrips: number;
  cleanupRequestBytes: number;
  cleanupResponseBytes: number;
  /** office.js's own batches: the start-up handshake, telemetry probes. */
  internalTrips: number;
  /** Operation batches that ended with an error. */
  failedTrips: number;
  /** Host wall time of the slowest operation batch, in milliseconds. */
  slowestBatchMs: number;
  /** Host CPU time of the most expensive operation batch, in milliseconds. */
  slowestBatchCpuMs: number;
  batches: BatchRecord[];
}

export class HostStats {
  private batches: BatchRecord[] = [];

  record(batch: BatchRecord): void {
    this.batches.push(batch);
  }

  reset(): void {
    this.batches = [];
  }

  snapshot(): StatsSnapshot {
    const ops = this.batches.filter((b) => b.kind === "operation");
    const cleanup = this.batches.filter((b) => b.kind === "cleanup");
    const sum = (list: BatchRecord[], f: (b: BatchRecord) => number): number => list.reduce((n, b) => n + f(b), 0);
    return {
      roundTrips: ops.length,
      requestBytes: sum(ops, (b) => b.requestBytes),
      responseBytes: sum(ops, (b) => b.responseBytes),
      largestRequest: Math.max(0, ...ops.map((b) => b.requestBytes)),
      largestResponse: Math.max(0, ...ops.map((b) => b.responseBytes)),
      cleanupTrips: cleanup.length,
      cleanupRequestBytes: sum(cleanup, (b) => b.requestBytes),
      cleanupResponseBytes: sum(cleanup, (b) => b.responseBytes),
      internalTrips: this.batches.filter((b) => b.kind === "internal").length,
      failedTrips: ops.filter((b) => b.error !== undefined).length,
      slowestBatchMs: Math.max(0, ...ops.map((b) => b.hostMs)),
      slowestBatchCpuMs: Math.max(0, ...ops.map((b) => b.hostCpuMs)),
      batches: this.batches.map((b) => ({ ...b })),
    };
  }
}
