import { buildBlueprint } from "../blueprint/build-blueprint";
import { snapshotFromRollup, snapshotRows, upsertPeriod } from "../domain/history";
import { computeRollup } from "../domain/rollup";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { LoadedTracker, carriedOver } from "./loaded-tracker";
import { currentPeriod, localStamp, stampTime, todayIso } from "./stamps";

/**
 * Appends this period's roll-up (from the statuses, not cached formulas) to 历次汇总 and
 * regenerates the tracker; archiving a period again replaces its rows.
 */
export async function archiveTracker(
  tracker: LoadedTracker,
  options: { now: Date; period?: string; today?: string; password?: string },
): Promise<{ data: Uint8Array; period: string; periods: number }> {
  const carried = carriedOver(tracker);
  const period = options.period ?? currentPeriod(options.now, carried.vocabulary?.cadence);
  const rollup = computeRollup(tracker.list, tracker.reports, options.today ?? todayIso(options.now), carried.warningDays);
  const stamp = localStamp(options.now);
  const history = upsertPeriod(tracker.read.history ?? [], snapshotRows(period, stamp, snapshotFromRollup(rollup)));
  const bp = buildBlueprint(tracker.list, { ...carried, generatedAt: stamp, reports: tracker.reports, history, password: options.password });
  return { data: await writeXlsxBuffer(bp, { at: stampTime(options.now) }), period, periods: new Set(history.map((r) => r[0])).size };
}
