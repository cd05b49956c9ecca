/**
 * What units and the coordinator feel in the spreadsheet itself: LibreOffice Calc (headless,
 * UNO, bench/lo-recalc.py) opens a tracker, recalculates it fully, then takes one status
 * change at a time in the busiest unit's sheet and recalculates what it made dirty.
 */
import { execFile } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import { SHEET, SUMMARY_OVERALL_FIRST_ROW, SUMMARY_OVERALL_LABELS, UNIT_FIRST_ROW, unitCol } from "../src/blueprint/layout";
import { readTrackerFile } from "../src/xlsx/read-tracker";

const run = promisify(execFile);
export const SOFFICE = "/usr/bin/soffice";

export interface RecalcResult {
  list: string;
  file: string;
  sheet: string;
  unitTasks: number;
  loadMs: number;
  fullRecalcMs: number[];
  editRecalcMs: number[];
  /** 汇总's 已完成分工数 before and after the edits: must rise by the number of edits. */
  checkBefore: number;
  checkAfter: number;
  edits: number;
}

/** Times LibreOffice on each tracker (one soffice for all); undefined when LibreOffice is missing. */
export async function recalcInLibreOffice(trackers: Array<{ list: string; file: string }>, repeats = 3): Promise<RecalcResult[] | undefined> {
  if (!existsSync(SOFFICE) || !existsSync("/usr/bin/python3")) return undefined;
  const files = [];
  const meta: Array<{ list: string; sheet: string; unitTasks: number; edits: number }> = [];
  for (const t of trackers) {
    const read = await readTrackerFile(readFileSync(t.file));
    const perUnit = new Map<string, number>();
    for (const a of read.assignments) perUnit.set(a.unit, (perUnit.get(a.unit) ?? 0) + 1);
    const [unit, tasks] = [...perUnit].sort((a, b) => b[1] - a[1])[0];
    const sheet = read.meta.units.find((u) => u.unit === unit)!.sheet;
    const first = UNIT_FIRST_ROW - 1;
    const rows = [...new Set([first, first + Math.floor(tasks / 2), first + tasks - 1])];
    meta.push({ list: t.list, sheet, unitTasks: tasks, edits: rows.length });
    files.push({
      file: t.file,
      sheet,
      statusColumn: unitCol("完成状态"),
      rows,
      check: { sheet: SHEET.summary, column: 1, row: SUMMARY_OVERALL_FIRST_ROW - 1 + SUMMARY_OVERALL_LABELS.indexOf("已完成分工数") },
    });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-lo-"));
  try {
    const spec = path.join(dir, "spec.json");
    writeFileSync(spec, JSON.stringify({ profile: path.join(dir, "profile"), files, repeats }));
    const { stdout } = await run("/usr/bin/python3", [path.join(__dirname, "lo-recalc.py"), spec], { timeout: 3_600_000, maxBuffer: 16 * 1024 * 1024 });
    const { results } = JSON.parse(stdout) as { results: Array<Omit<RecalcResult, "list" | "sheet" | "unitTasks" | "edits">> };
    return results.map((r, i) => ({ ...meta[i], ...r }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
