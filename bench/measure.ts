/** Measuring one phase of work against the test Excel host: round trips, bytes, time, memory. */
import type { NodeExcelHost } from "../tests/excel-host/node-host";
import type { StatsSnapshot } from "../tests/excel-host/stats";
import { INTERNAL_OBJECTS } from "../tests/excel-host/wire/protocol";
import { WireBytes, addWireBytes, emptyWireBytes, wireBytes } from "./wire-bytes";

export const MB = 1024 * 1024;
/** Excel on the web refuses a request, or loses a response, above this. */
export const EXCEL_WEB_CAP = 5 * MB;
/** The add-in's own request budget (src/excel/payload-budget.ts) and the target. */
export const TARGET_REQUEST = 4 * MB;

export interface PhaseResult {
  phase: string;
  ok: boolean;
  /** Error code and message when the phase threw (then the figures cover the batches sent until then). */
  error?: { code?: string; message: string };
  roundTrips: number;
  cleanupTrips: number;
  failedTrips: number;
  requestBytes: number;
  responseBytes: number;
  cleanupRequestBytes: number;
  largestRequest: number;
  largestResponse: number;
  /** Requests at or above 4 MB, and requests/responses above Excel on the web's 5 MB cap. */
  requestsOver4MB: number;
  requestsOverCap: number;
  responsesOverCap: number;
  /** Each batch: kind, request bytes, response bytes, actions, error (the first MAX_BATCHES only). */
  batches: Array<[string, number, number, number, string | null]>;
  batchesLeftOut: number;
  wallMs: number;
  /** User + system CPU time of this process during the phase: less sensitive than wall time to a busy machine. */
  cpuMs: number;
  /** Time spent inside the host answering requests (the "Excel" side); the rest is client + add-in code. */
  hostMs: number;
  /** Highest process RSS seen during the phase (sampled every 20 ms and around every request). */
  peakRssMB: number;
  /** Highest heapUsed seen during the phase minus heapUsed when it started. */
  heapGrowthMB: number;
  /** Request bytes by what they carry, and the cell content they write (bench/wire-bytes.ts). */
  wire: WireBytes;
  notes: string[];
}

/** Batches kept per phase in the JSON (the naive build has ~19,000). */
const MAX_BATCHES = 100;

const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

/**
 * Wraps the host so that every request is timed and memory is sampled around it; the host's
 * own statistics (round trips, bytes) stay the source of truth for traffic.
 */
export class HostMeter {
  private hostMs = 0;
  private peakRss = 0;
  private peakHeap = 0;
  private wire = emptyWireBytes();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly host: NodeExcelHost) {
    const original = host.processRequestText.bind(host);
    host.processRequestText = (text: string): string => {
      this.sample();
      if (isOperation(text)) addWireBytes(this.wire, wireBytes(text));
      const t0 = performance.now();
      const answer = original(text);
      this.hostMs += performance.now() - t0;
      this.sample();
      return answer;
    };
    // Between requests the event loop is free, so an interval catches the add-in's own peaks.
    this.timer = setInterval(() => this.sample(), 20);
    this.timer.unref();
  }

  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.peakRss) this.peakRss = m.rss;
    if (m.heapUsed > this.peakHeap) this.peakHeap = m.heapUsed;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Runs one phase from a reset of the host's statistics and memory peaks. */
  async phase<T>(phase: string, work: () => Promise<T>): Promise<{ result?: T; measured: PhaseResult }> {
    this.host.stats.reset();
    this.hostMs = 0;
    this.wire = emptyWireBytes();
    const heapStart = process.memoryUsage().heapUsed;
    this.peakRss = 0;
    this.peakHeap = 0;
    this.sample();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let result: T | undefined;
    let error: PhaseResult["error"];
    try {
      result = await work();
    } catch (e) {
      // A refused request or a failing phase is a finding to record, not a reason to stop the run.
      error = { code: (e as { code?: string }).code, message: (e as Error).message ?? String(e) };
    }
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    this.sample();
    const s = this.host.stats.snapshot();
    return {
      result,
      measured: {
        phase,
        ok: error === undefined,
        ...(error ? { error } : {}),
        ...traffic(s),
        wallMs: Math.round(wallMs),
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        hostMs: Math.round(this.hostMs),
        peakRssMB: mb(this.peakRss),
        heapGrowthMB: mb(Math.max(0, this.peakHeap - heapStart)),
        wire: this.wire,
        notes: [],
      },
    };
  }
}

/** The add-in's own batches: not Excel.run's trailing reference cleanup, not office.js's internal calls. */
function isOperation(text: string): boolean {
  if (INTERNAL_OBJECTS.some((name) => text.includes(`"${name}"`))) return false;
  return !/^\{"Actions":\[(\{[^{}]*"Name":"_RemoveReference"[^{}]*\},?)+\]/.test(text);
}

function traffic(s: StatsSnapshot): Omit<PhaseResult, "phase" | "ok" | "error" | "wallMs" | "cpuMs" | "hostMs" | "peakRssMB" | "heapGrowthMB" | "wire" | "notes"> {
  const ops = s.batches.filter((b) => b.kind === "operation");
  return {
    roundTrips: s.roundTrips,
    cleanupTrips: s.cleanupTrips,
    failedTrips: s.failedTrips,
    requestBytes: s.requestBytes,
    responseBytes: s.responseBytes,
    cleanupRequestBytes: s.cleanupRequestBytes,
    largestRequest: s.largestRequest,
    largestResponse: s.largestResponse,
    requestsOver4MB: ops.filter((b) => b.requestBytes >= TARGET_REQUEST).length,
    requestsOverCap: ops.filter((b) => b.requestBytes > EXCEL_WEB_CAP).length,
    responsesOverCap: ops.filter((b) => b.responseBytes > EXCEL_WEB_CAP).length,
    batches: s.batches.slice(0, MAX_BATCHES).map((b) => [b.kind, b.requestBytes, b.responseBytes, b.actions, b.error ?? null]),
    batchesLeftOut: Math.max(0, s.batches.length - MAX_BATCHES),
  };
}

export function progress(label: string, message: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${label}: ${message}\n`);
}
