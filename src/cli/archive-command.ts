import { writeFileSync } from "fs";
import path from "path";
import { buildBlueprint } from "../blueprint/build-blueprint";
import { snapshotFromRollup, snapshotRows, upsertPeriod } from "../domain/history";
import { computeRollup } from "../domain/rollup";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { localStamp } from "./build-command";
import { todayIso } from "./report-command";
import { carriedOver, loadTracker } from "./tracker-file";

/** The current period in the coordinator's words, e.g. 2026年11月. */
export function currentPeriod(date = new Date()): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月`;
}

/**
 * Appends this period's roll-up (from the statuses, not cached formulas) to 历次汇总 and
 * writes the regenerated tracker; archiving a period again replaces its rows.
 */
export async function archiveCommand(args: ParsedArgs): Promise<{ out: string; period: string; periods: number }> {
  const file = args.positional[0];
  if (!file) throw new UsageError("用法 / usage: policy-tracker archive TRACKER.xlsx [--period 2026年11月] [--out FILE]");
  const period = stringFlag(args.flags, "period") ?? currentPeriod();
  const out = path.resolve(stringFlag(args.flags, "out") ?? file);
  const tracker = await loadTracker(file);
  const carried = carriedOver(tracker);
  const rollup = computeRollup(tracker.list, tracker.reports, stringFlag(args.flags, "today") ?? todayIso(), carried.warningDays);
  const stamp = localStamp();
  const history = upsertPeriod(tracker.read.history ?? [], snapshotRows(period, stamp, snapshotFromRollup(rollup)));
  const bp = buildBlueprint(tracker.list, { ...carried, generatedAt: stamp, reports: tracker.reports, history, password: stringFlag(args.flags, "password") });
  writeFileSync(out, await writeXlsxBuffer(bp));
  return { out, period, periods: new Set(history.map((r) => r[0])).size };
}
