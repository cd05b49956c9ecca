/**
 * The dashboard's change feed: bursts of edits (a unit typing through another genuine client
 * on the same host) lead to one read of the figures per burst. The host does not model
 * Office.js events (worksheet onChanged), so the test fires the change notes itself, one per
 * co-author batch, with manual timers standing in for the quiet period.
 */
import { parseTaskList } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { readTrackerStatus } from "../../src/excel/tracker-status";
import { ChangeNote, Timers, burstReader } from "../../src/taskpane/change-bursts";
import { buildOptions, newHost, typeStatuses } from "../support/excel-host-helpers";
import { seedText } from "../support/seed";

const list = parseTaskList(seedText());

function manualTimers() {
  let next: { fn: () => void; ms: number } | undefined;
  const timers: Timers = {
    set: (fn, ms) => (next = { fn, ms }),
    clear: (h) => {
      if (h === next) next = undefined;
    },
  };
  return { timers, pending: () => next, elapse: () => {
    const t = next;
    next = undefined;
    t?.fn();
  } };
}

const flush = () => new Promise((r) => setTimeout(r, 50));

describe("dashboard follows changes: one read per burst", () => {
  it("reads the figures once after a burst of a unit's edits, and they show the new statuses", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: seedText() })));
    const unit = host.connect();
    const clock = manualTimers();
    const reads: Array<{ done: number; notes: ChangeNote[] }> = [];
    const reader = burstReader(async (notes) => {
      const status = await host.run((ctx) => readTrackerStatus(ctx));
      reads.push({ done: status.present ? (status.figures.overall.已完成分工数 ?? -1) : -1, notes });
    }, 800, clock.timers);
    // What one status read costs, to compare the burst's reading with.
    host.stats.reset();
    await host.run((ctx) => readTrackerStatus(ctx));
    const oneRead = host.stats.snapshot().roundTrips;
    host.stats.reset();
    for (const [id, n] of [[26, 1], [12, 2], [1, 3]] as const) {
      await typeStatuses(unit, id === 12 ? "省外办" : "省教育厅", [[id, "已完成", `第${n}条`]]);
      reader.changed({ address: `G${id}`, source: "Remote" });
    }
    const unitTrips = host.stats.snapshot().roundTrips;
    expect(clock.pending()?.ms).toBe(800);
    clock.elapse();
    // The read goes through the genuine client: wait for it (a busy machine takes a while).
    for (let i = 0; i < 200 && reads.length === 0; i++) await flush();
    await flush();
    expect(reads).toHaveLength(1);
    expect(reads[0].done).toBe(3);
    expect(reads[0].notes.map((n) => n.address)).toEqual(["G26", "G12", "G1"]);
    // One status read for the whole burst of three edits.
    expect(host.stats.snapshot().roundTrips - unitTrips).toBe(oneRead);
    expect(clock.pending()).toBeUndefined();
  });

  it("changes during a read lead to exactly one more read after it", async () => {
    const clock = manualTimers();
    let release: () => void = () => undefined;
    let reads = 0;
    const reader = burstReader(() => {
      reads++;
      return new Promise<void>((r) => (release = r));
    }, 500, clock.timers);
    reader.changed({ address: "A1" });
    clock.elapse();
    expect(reads).toBe(1);
    reader.changed({ address: "A2" });
    reader.changed({ address: "A3" });
    expect(clock.pending()).toBeUndefined();
    release();
    await flush();
    expect(clock.pending()?.ms).toBe(500);
    clock.elapse();
    expect(reads).toBe(2);
    release();
    await flush();
    expect(clock.pending()).toBeUndefined();
    reader.dispose();
    reader.changed({ address: "A4" });
    expect(clock.pending()).toBeUndefined();
  });
});
