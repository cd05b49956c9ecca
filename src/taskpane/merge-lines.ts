import type { MergeResult } from "../excel/merge-returns";
import { REPORT_HEADERS, parseReportKey } from "../domain/reports";
import { Strings } from "./strings";
import type { Conflict } from "../domain/merge";

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

/** Longer lists are cut here: the merge log sheet keeps every line. */
const MAX_LINES = 20;

/** One conflict in the pane's words: where (序号 · unit), which field, and the whole line with both values. */
export function conflictWords(s: Strings, c: Conflict): { where: string; field: string; line: string } {
  const { taskId, unit } = parseReportKey(c.key);
  const where = fill(s.reportLine, { id: taskId, unit });
  const field = s.fieldName[c.field] ?? REPORT_HEADERS[c.field];
  return { where, field, line: fill(s.mergeConflictLine, { where, field, master: c.master || s.emptyValue, returned: c.returned || s.emptyValue }) };
}

/** Identifies a conflict across renders (one per task × unit × field and merge). */
export const conflictKey = (c: Conflict): string => `${c.key}|${c.field}`;

/**
 * A merge's outcome in the coordinator's terms: files first (merged or not, and why), then
 * values (updated, conflicting with both values, not taken).
 */
export function mergeLines(s: Strings, result: MergeResult): string[] {
  const files = result.outcome.files;
  const count = (pick: (f: (typeof files)[number]) => unknown[]) => files.reduce((n, f) => n + pick(f).length, 0);
  const where = (key: string) => {
    const { taskId, unit } = parseReportKey(key);
    return fill(s.reportLine, { id: taskId, unit });
  };
  const conflicts = files.flatMap((f) => f.conflicts).map((c) => conflictWords(s, c).line);
  const rejected = files.flatMap((f) => f.rejected).map((r) => `${where(r.key)}${s.colon}${r.reason}`);
  const refused = result.refused.map((r) => fill(s.mergeRefusedLine, { file: r.source, reason: r.reason }));
  const cut = (lines: string[]) => (lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), fill(s.andMore, { n: lines.length - MAX_LINES })] : lines);
  return [
    fill(s.mergeFilesLine, { merged: files.length, refused: result.refused.length }),
    fill(s.mergeValuesLine, { updated: count((f) => f.updated), conflicts: count((f) => f.conflicts), rejected: count((f) => f.rejected) }),
    ...cut(refused),
    ...cut(conflicts),
    ...cut(rejected),
  ];
}
