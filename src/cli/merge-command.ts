import { writeFileSync } from "fs";
import path from "path";
import { buildBlueprint } from "../blueprint/build-blueprint";
import { MergeOutcome, mergeReturns } from "../domain/merge";
import { MergeLogRow, mergeLogRows, refusedFileRow } from "../domain/merge-log";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { ReturnRefused, readReturnFile } from "../xlsx/return-files";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { localStamp } from "./build-command";
import { formatTable } from "./text-table";
import { carriedOver, loadTracker, readFileOrExplain } from "./tracker-file";

export interface MergeCommandResult {
  out: string;
  outcome: MergeOutcome;
  refused: ReturnRefused[];
  text: string;
}

/**
 * Merges returned copies into a new tracker file regenerated from the blueprint (never
 * rewriting a returned or LibreOffice-saved file, whose protection ExcelJS would lose).
 */
export async function mergeCommand(args: ParsedArgs): Promise<MergeCommandResult> {
  const [trackerFile, ...returns] = args.positional;
  if (!trackerFile || returns.length === 0) throw new UsageError("用法 / usage: policy-tracker merge TRACKER.xlsx RETURN.xlsx... --out MERGED.xlsx");
  const out = path.resolve(stringFlag(args.flags, "out") ?? trackerFile.replace(/(\.xlsx)?$/i, "-合并.xlsx"));
  const master = await loadTracker(trackerFile);
  const identity = { trackerId: master.read.meta.trackerId, units: master.list.units };
  const time = localStamp();
  const files = [];
  const unitOf = new Map<string, string>();
  const refused: ReturnRefused[] = [];
  for (const file of returns) {
    const source = path.basename(file);
    try {
      const r = await readReturnFile(source, readFileOrExplain(file), identity);
      files.push(r.file);
      unitOf.set(source, r.unit || "(全表)");
    } catch (e) {
      if (!(e instanceof ReturnRefused)) throw e;
      refused.push(e);
    }
  }
  const outcome = mergeReturns(master.reports, files);
  const existingLog: MergeLogRow[] = master.read.mergeLog;
  const log = [...existingLog, ...refused.map((r) => refusedFileRow(time, r.source, r.reason)), ...mergeLogRows(outcome, time, (s) => unitOf.get(s) ?? "")];
  const bp = buildBlueprint(master.list, {
    ...carriedOver(master),
    generatedAt: time,
    password: stringFlag(args.flags, "password"),
    reports: outcome.reports,
    mergeLog: log,
  });
  writeFileSync(out, await writeXlsxBuffer(bp));
  const table = formatTable(
    ["文件", "单位", "更新", "未变", "冲突", "拒收"],
    [
      ...outcome.files.map((f) => [f.source, unitOf.get(f.source) ?? "", String(f.updated.length), String(f.unchanged.length), String(f.conflicts.length), String(f.rejected.length)]),
      ...refused.map((r) => [r.source, "拒收文件", "0", "0", "0", "—"]),
    ],
  );
  const lines = [`已合并到 / merged into: ${out}`, "", table, ...refused.map((r) => `拒收 ${r.message}`)];
  return { out, outcome, refused, text: lines.join("\n") };
}
