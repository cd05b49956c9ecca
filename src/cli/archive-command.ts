import { writeFileSync } from "fs";
import path from "path";
import { archiveTracker } from "../files/archive-tracker-file";
import { currentPeriod as periodOn } from "../files/stamps";
import { Cadence } from "../domain/vocabulary";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { loadTracker } from "./tracker-file";

/** The current period in the coordinator's words for the tracker's cadence, e.g. 2026年11月 or 2026年第四季度. */
export function currentPeriod(date = new Date(), cadence: Cadence = "月"): string {
  return periodOn(date, cadence);
}

/**
 * Appends this period's roll-up (from the statuses, not cached formulas) to 历次汇总 and
 * writes the regenerated tracker; archiving a period again replaces its rows.
 */
export async function archiveCommand(args: ParsedArgs): Promise<{ out: string; period: string; periods: number }> {
  const file = args.positional[0];
  if (!file) throw new UsageError("用法 / usage: policy-tracker archive TRACKER.xlsx [--period 2026年11月] [--out FILE]");
  const now = new Date();
  const out = path.resolve(stringFlag(args.flags, "out") ?? file);
  const tracker = await loadTracker(file);
  const archived = await archiveTracker(tracker, { now, period: stringFlag(args.flags, "period"), today: stringFlag(args.flags, "today"), password: stringFlag(args.flags, "password") });
  writeFileSync(out, archived.data);
  return { out, period: archived.period, periods: archived.periods };
}
