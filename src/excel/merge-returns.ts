import { vocabularyFromMeta } from "../domain/vocabulary-file";
import { AUTHORITY_META_KEY, parseAuthority } from "../blueprint/copy-authority";
import { MergeOutcome, ReturnedFile, mergeReturns } from "../domain/merge";
import { MergeLogRow, fileNoteRow, mergeLogRows, refusedFileRow } from "../domain/merge-log";
import { ReturnRefused, readReturnFile } from "../xlsx/return-files";
import { LIMITS } from "../xlsx/zip-guard";
import { DashboardFigures } from "./dashboard";
import { writeMergeOutcome } from "./merge-into-workbook";
import { readMasterState } from "./tracker-reports";

export interface ReturnUpload {
  name: string;
  /** The file's size when known before reading it (a File's size): a huge file is refused unread. */
  size?: number;
  data: Uint8Array | (() => Promise<Uint8Array>);
}

export interface RefusedReturn {
  source: string;
  reason: string;
  /** A full tracker: merged only if the user confirms this file by name. */
  needsConfirmation?: boolean;
}

export interface MergeResult {
  outcome: MergeOutcome;
  refused: RefusedReturn[];
  figures: DashboardFigures;
  unitOf: Map<string, string>;
}

export interface MergeOptions {
  onProgress?: (s: string) => void;
  /** Names of full trackers the user confirmed for this merge. */
  acceptFullTrackers?: readonly string[];
  requestBudgetBytes?: number;
  /** The sheets' protection password, if they have one (see checkSheetPassword). */
  password?: string;
}

async function uploadBytes(upload: ReturnUpload): Promise<Uint8Array> {
  if (upload.size !== undefined && upload.size > LIMITS.fileBytes) {
    throw new ReturnRefused(upload.name, `文件有 ${(upload.size / 1024 / 1024).toFixed(0)} MB，超过 ${LIMITS.fileBytes / 1024 / 1024} MB 上限，不像是填报表，未读取也未合并。`);
  }
  return typeof upload.data === "function" ? upload.data() : upload.data;
}

/**
 * Merges returned files (unit copies, or full trackers the user confirmed) into the open
 * master: read the master (two requests), read and check each file in the pane (limits
 * first, then ExcelJS), merge purely, then write only what changed plus the merge log —
 * all of it or, if Excel fails, none (see writeMergeOutcome).
 */
export async function mergeReturnFiles(context: Excel.RequestContext, chosen: readonly ReturnUpload[], stamp: string, options: MergeOptions | ((s: string) => void) = {}): Promise<MergeResult> {
  const opts: MergeOptions = typeof options === "function" ? { onProgress: options } : options;
  const onProgress = opts.onProgress ?? (() => undefined);
  onProgress("读取总表");
  const state = await readMasterState(context);
  const identity = {
    trackerId: state.meta.trackerId,
    units: state.list.units,
    taskCount: state.list.tasks.length,
    authority: parseAuthority(state.meta.extra[AUTHORITY_META_KEY]),
  };
  // Saved emails (.eml, .msg) stand for the workbooks attached to them; the reader is loaded
  // only when one is chosen, so the pane's first load does not carry it.
  const { uploads, refused: emailsRefused } = chosen.some((u) => /\.(eml|msg)$/i.test(u.name))
    ? await (await import("../mail/eml-uploads")).expandEmailUploads(chosen)
    : { uploads: chosen, refused: [] };
  const files: ReturnedFile[] = [];
  const refused: RefusedReturn[] = [...emailsRefused];
  const notes: MergeLogRow[] = [];
  const unitOf = new Map<string, string>();
  for (const [i, upload] of uploads.entries()) {
    onProgress(`读取回收文件 ${i + 1}/${uploads.length}:${upload.name}`);
    try {
      const r = await readReturnFile(upload.name, await uploadBytes(upload), identity, { acceptFullTracker: opts.acceptFullTrackers?.includes(upload.name) });
      files.push(r.file);
      unitOf.set(upload.name, r.unit || "（全表）");
      notes.push(...r.notes.map((n) => fileNoteRow(stamp, upload.name, r.unit || "（全表）", n)));
    } catch (e) {
      if (!(e instanceof ReturnRefused)) throw e;
      refused.push({ source: e.source, reason: e.reason, ...(e.needsConfirmation ? { needsConfirmation: true } : {}) });
    }
  }
  // Only reports the master has a row for can be written; the others are not offered to the merge.
  const located = new Map([...state.reports].filter(([key]) => state.cells.has(key)));
  const outcome = mergeReturns(located, files);
  for (const [key, report] of state.reports) if (!outcome.reports.has(key)) outcome.reports.set(key, report);
  for (const f of outcome.files) {
    for (const r of f.rejected) {
      if (!state.reports.has(r.key) || state.cells.has(r.key)) continue;
      r.kind = "总表缺少该行";
      r.reason = `总表中找不到 ${r.key.replace("|", " × ")} 所在的行（可能被删除或序号被改），未写入。请先“重新生成”跟踪表，再合并这份文件。`;
    }
  }
  const log = [...refused.map((r) => refusedFileRow(stamp, r.source, r.reason)), ...mergeLogRows(outcome, stamp, (s) => unitOf.get(s) ?? "", vocabularyFromMeta(state.meta.extra)), ...notes];
  onProgress("写入合并结果");
  const figures = await writeMergeOutcome(context, state, outcome, log, stamp, { requestBudgetBytes: opts.requestBudgetBytes, password: opts.password });
  return { outcome, refused, figures, unitOf };
}
