import type { TrackerStatus } from "../excel/tracker-status";
import { parseHistory } from "../domain/history";

/** The coordinator's month, in order: the pane's steps. */
export const STEPS = ["list", "send", "collect", "summary", "archive"] as const;
export type Step = (typeof STEPS)[number];

/** Archived periods named in the tracker's history, newest last; damaged history reads as none. */
export function archivedPeriods(status: TrackerStatus): string[] {
  if (!status.present) return [];
  let rows: ReturnType<typeof parseHistory>;
  try {
    rows = parseHistory(status.meta.extra.history);
  } catch {
    // Damaged history is reported when archiving (which refuses to overwrite it); the
    // suggestion then simply does not count any period as archived.
    return [];
  }
  return [...new Set((rows ?? []).map((r) => String(r[0])))];
}

/**
 * Where the month stands: no tracker → set up the list; nothing reported yet → send the
 * copies; reports missing → collect and merge; everything in → archive the period (or look at
 * the summary once it is archived).
 */
export function suggestStep(status: TrackerStatus | undefined, period: string): Step {
  if (!status?.present) return "list";
  const assignments = status.figures.overall.责任分工总数 ?? 0;
  const missing = status.figures.units.reduce((n, u) => n + u.notReported, 0);
  if (assignments > 0 && missing >= assignments) return "send";
  if (missing > 0) return "collect";
  return archivedPeriods(status).includes(period.trim()) ? "summary" : "archive";
}
