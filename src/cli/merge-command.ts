import { statSync } from "fs";
import path from "path";
import { EML_LIMITS, EmailRefused, readEmail, workbookAttachments } from "../mail/mime-reader";
import { buildBlueprint } from "../blueprint/build-blueprint";
import { AUTHORITY_META_KEY, parseAuthority } from "../blueprint/copy-authority";
import { TrackerFileError } from "../blueprint/read-grid";
import { MergeOutcome, ReturnedFile, mergeReturns } from "../domain/merge";
import { MergeLogRow, fileNoteRow, mergeLogRows, refusedFileRow } from "../domain/merge-log";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { ReturnRefused, readReturnFile } from "../xlsx/return-files";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { writeFileAtomic } from "./atomic-write";
import { localStamp } from "./build-command";
import { formatTable } from "./text-table";
import { LoadedTracker, carriedOver, loadTracker, readFileOrExplain, readReturnBytes } from "./tracker-file";

export interface MergeCommandResult {
  out: string;
  outcome: MergeOutcome;
  refused: ReturnRefused[];
  /** The unit each merged source spoke for ("(全表)" for a full tracker). */
  unitOf: Map<string, string>;
  text: string;
}

/** The files named by --accept-full-tracker (repeatable), by path or by file name. */
function acceptedFullTrackers(args: ParsedArgs): Set<string> {
  const names = (stringFlag(args.flags, "accept-full-tracker") ?? "").split("\n").filter(Boolean);
  return new Set(names.flatMap((n) => [n, path.resolve(n), path.basename(n)]));
}

/** One returned workbook, from a file or an email's attachment. */
export interface ReturnInput {
  source: string;
  data: Uint8Array;
}

/**
 * The workbooks a path stands for: an .xlsx itself; a saved email (.eml) its .xlsx
 * attachments, each named "mail.eml/attachment.xlsx". An email without one is refused.
 */
export function returnInputs(file: string): { inputs: ReturnInput[]; refused: ReturnRefused[] } {
  const source = path.basename(file);
  if (!/\.eml$/i.test(file)) return { inputs: [{ source, data: readReturnBytes(file) }], refused: [] };
  try {
    const size = statSync(file).size;
    if (size > EML_LIMITS.messageBytes) throw new EmailRefused(`邮件有 ${(size / 1024 / 1024).toFixed(0)} MB,超过 ${EML_LIMITS.messageBytes / 1024 / 1024} MB 上限,未读取。`);
    const books = workbookAttachments(readEmail(readFileOrExplain(file)));
    if (books.length === 0) return { inputs: [], refused: [new ReturnRefused(source, "邮件中没有 .xlsx 附件,未合并。请确认对方回复时附上了填好的填报表。")] };
    return { inputs: books.map((b) => ({ source: `${source}/${b.filename}`, data: b.data })), refused: [] };
  } catch (e) {
    if (e instanceof EmailRefused) return { inputs: [], refused: [new ReturnRefused(source, e.message)] };
    if ((e as NodeJS.ErrnoException).code) throw new UsageError(`无法读取 ${file}:${(e as NodeJS.ErrnoException).code}`);
    throw e;
  }
}

/**
 * Merges returned copies into a new tracker file regenerated from the blueprint (never
 * rewriting a returned or LibreOffice-saved file, whose protection ExcelJS would lose).
 * The file is written whole or not at all.
 */
export async function mergeCommand(args: ParsedArgs): Promise<MergeCommandResult> {
  const [trackerFile, ...returns] = args.positional;
  if (!trackerFile || returns.length === 0) throw new UsageError("用法 / usage: policy-tracker merge TRACKER.xlsx RETURN.xlsx|MAIL.eml... --out MERGED.xlsx [--accept-full-tracker FILE]");
  const out = path.resolve(stringFlag(args.flags, "out") ?? trackerFile.replace(/(\.xlsx)?$/i, "-合并.xlsx"));
  const accepted = acceptedFullTrackers(args);
  const master = await loadTracker(trackerFile);
  const inputs: Array<ReturnInput & { accept: boolean }> = [];
  const refused: ReturnRefused[] = [];
  for (const file of returns) {
    try {
      const r = returnInputs(file);
      const accept = accepted.has(file) || accepted.has(path.resolve(file)) || accepted.has(path.basename(file));
      inputs.push(...r.inputs.map((i) => ({ ...i, accept })));
      refused.push(...r.refused);
    } catch (e) {
      if (!(e instanceof ReturnRefused)) throw e;
      refused.push(e);
    }
  }
  return mergeInputs(master, inputs, refused, { out, password: stringFlag(args.flags, "password") });
}

/** Reads every input against the master, merges what passes and writes the result to `out`. */
export async function mergeInputs(
  master: LoadedTracker,
  inputs: ReadonlyArray<ReturnInput & { accept?: boolean }>,
  alreadyRefused: readonly ReturnRefused[],
  options: { out: string; password?: string },
): Promise<MergeCommandResult> {
  const { out } = options;
  let authority;
  try {
    authority = parseAuthority(master.read.meta.extra[AUTHORITY_META_KEY]);
  } catch (e) {
    throw new TrackerFileError((e as Error).message);
  }
  const identity = { trackerId: master.read.meta.trackerId, units: master.list.units, taskCount: master.list.tasks.length, authority };
  const time = localStamp();
  const files: ReturnedFile[] = [];
  const unitOf = new Map<string, string>();
  const notes: MergeLogRow[] = [];
  const refused: ReturnRefused[] = [...alreadyRefused];
  for (const input of inputs) {
    const { source } = input;
    try {
      const r = await readReturnFile(source, input.data, identity, { acceptFullTracker: input.accept === true });
      files.push(r.file);
      unitOf.set(source, r.unit || "(全表)");
      notes.push(...r.notes.map((n) => fileNoteRow(time, source, r.unit || "(全表)", n)));
    } catch (e) {
      if (!(e instanceof ReturnRefused)) throw e;
      refused.push(e);
    }
  }
  const outcome = mergeReturns(master.reports, files);
  const existingLog: MergeLogRow[] = master.read.mergeLog;
  const log = [...existingLog, ...refused.map((r) => refusedFileRow(time, r.source, r.reason)), ...mergeLogRows(outcome, time, (s) => unitOf.get(s) ?? ""), ...notes];
  const bp = buildBlueprint(master.list, {
    ...carriedOver(master),
    generatedAt: time,
    password: options.password,
    reports: outcome.reports,
    mergeLog: log,
  });
  writeFileAtomic(out, await writeXlsxBuffer(bp));
  const table = formatTable(
    ["文件", "单位", "更新", "未变", "冲突", "拒收"],
    [
      ...outcome.files.map((f) => [f.source, unitOf.get(f.source) ?? "", String(f.updated.length), String(f.unchanged.length), String(f.conflicts.length), String(f.rejected.length)]),
      ...refused.map((r) => [r.source, "拒收文件", "0", "0", "0", "—"]),
    ],
  );
  const lines = [`已合并到 / merged into: ${out}`, "", table, ...refused.map((r) => `拒收 ${r.message}`)];
  return { out, outcome, refused, unitOf, text: lines.join("\n") };
}
