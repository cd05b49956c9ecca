import { MergeOutcome, ReturnedFile, mergeReturns } from "../domain/merge";
import { mergeLogRows, refusedFileRow } from "../domain/merge-log";
import { ReturnRefused, readReturnFile } from "../xlsx/return-files";
import { DashboardFigures } from "./dashboard";
import { writeMergeOutcome } from "./merge-into-workbook";
import { readMasterState } from "./tracker-reports";

export interface ReturnUpload {
  name: string;
  data: Uint8Array;
}

export interface MergeResult {
  outcome: MergeOutcome;
  refused: Array<{ source: string; reason: string }>;
  figures: DashboardFigures;
  unitOf: Map<string, string>;
}

/**
 * Merges returned files (unit copies or full trackers) into the open master: read the
 * master (two requests), read and check each file in the pane (ExcelJS), merge purely,
 * then write only what changed plus the merge log (one request), and read the figures (one more).
 */
export async function mergeReturnFiles(
  context: Excel.RequestContext,
  uploads: readonly ReturnUpload[],
  stamp: string,
  onProgress: (s: string) => void = () => undefined,
  options: { password?: string } = {},
): Promise<MergeResult> {
  onProgress("读取总表");
  const state = await readMasterState(context);
  const identity = { trackerId: state.meta.trackerId, units: state.list.units };
  const files: ReturnedFile[] = [];
  const refused: Array<{ source: string; reason: string }> = [];
  const unitOf = new Map<string, string>();
  for (const [i, upload] of uploads.entries()) {
    onProgress(`读取回收文件 ${i + 1}/${uploads.length}:${upload.name}`);
    try {
      const r = await readReturnFile(upload.name, upload.data, identity);
      files.push(r.file);
      unitOf.set(upload.name, r.unit || "(全表)");
    } catch (e) {
      if (!(e instanceof ReturnRefused)) throw e;
      refused.push({ source: e.source, reason: e.reason });
    }
  }
  const outcome = mergeReturns(state.reports, files);
  const log = [...refused.map((r) => refusedFileRow(stamp, r.source, r.reason)), ...mergeLogRows(outcome, stamp, (s) => unitOf.get(s) ?? "")];
  onProgress("写入合并结果");
  const figures = await writeMergeOutcome(context, state, outcome, log, stamp, options.password);
  return { outcome, refused, figures, unitOf };
}
