import { buildBlueprint } from "../blueprint/build-blueprint";
import { AUTHORITY_META_KEY, parseAuthority } from "../blueprint/copy-authority";
import { TrackerFileError } from "../blueprint/read-grid";
import { MergeOutcome, ReturnedFile, mergeReturns } from "../domain/merge";
import { MergeLogRow, fileNoteRow, mergeLogRows, refusedFileRow } from "../domain/merge-log";
import { EML_LIMITS, EmailRefused, readEmail, workbookAttachments } from "../mail/mime-reader";
import { readMsg } from "../mail/msg-reader";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { ReturnRefused, readReturnFile } from "../xlsx/return-files";
import { LIMITS } from "../xlsx/zip-guard";
import { LoadedTracker, carriedOver } from "./loaded-tracker";
import { localStamp, stampTime } from "./stamps";

/** One returned workbook, from a file or an email's attachment. */
export interface ReturnInput {
  source: string;
  data: Uint8Array;
  /** The user confirmed this very file may be merged as a full tracker. */
  accept?: boolean;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** Refuses a file bigger than any return can be, before anything reads it. */
export function oversizeReturn(source: string, size: number): ReturnRefused | undefined {
  return size > LIMITS.fileBytes ? new ReturnRefused(source, `文件有 ${mb(size)} MB，超过 ${LIMITS.fileBytes / 1024 / 1024} MB 上限，不像是填报表，未读取也未合并。`) : undefined;
}

/** Saved emails: .eml (MIME) and Outlook's .msg. */
export const isSavedEmail = (name: string) => /\.(eml|msg)$/i.test(name);

/**
 * The workbooks one chosen file stands for: an .xlsx itself; a saved email (.eml or Outlook
 * .msg) its .xlsx attachments, each named "mail.eml/attachment.xlsx". An email without one is refused.
 */
export function returnInputsFromBytes(source: string, data: Uint8Array): { inputs: ReturnInput[]; refused: ReturnRefused[] } {
  if (!isSavedEmail(source)) {
    const tooBig = oversizeReturn(source, data.length);
    return tooBig ? { inputs: [], refused: [tooBig] } : { inputs: [{ source, data }], refused: [] };
  }
  try {
    if (data.length > EML_LIMITS.messageBytes) throw new EmailRefused(`邮件有 ${mb(data.length)} MB，超过 ${EML_LIMITS.messageBytes / 1024 / 1024} MB 上限，未读取。`);
    const books = workbookAttachments(/\.msg$/i.test(source) ? readMsg(data) : readEmail(data));
    if (books.length === 0) return { inputs: [], refused: [new ReturnRefused(source, "邮件中没有 .xlsx 附件，未合并。请确认对方回复时附上了填好的填报表。")] };
    return { inputs: books.map((b) => ({ source: `${source}/${b.filename}`, data: b.data })), refused: [] };
  } catch (e) {
    if (e instanceof EmailRefused) return { inputs: [], refused: [new ReturnRefused(source, e.message)] };
    throw e;
  }
}

export interface MergedTracker {
  data: Uint8Array;
  outcome: MergeOutcome;
  refused: ReturnRefused[];
  /** The unit each merged source spoke for ("(全表)" for a full tracker). */
  unitOf: Map<string, string>;
}

/**
 * Reads every input against the master and merges what passes into a tracker regenerated
 * from the blueprint (never rewriting a returned or LibreOffice-saved file, whose
 * protection ExcelJS would lose); 合并记录 gains a row per file, refusal and note.
 */
export async function mergeTracker(
  master: LoadedTracker,
  inputs: readonly ReturnInput[],
  alreadyRefused: readonly ReturnRefused[],
  options: { now: Date; password?: string; onFile?: (done: number, total: number, source: string) => void },
): Promise<MergedTracker> {
  let authority;
  try {
    authority = parseAuthority(master.read.meta.extra[AUTHORITY_META_KEY]);
  } catch (e) {
    throw new TrackerFileError((e as Error).message);
  }
  const identity = { trackerId: master.read.meta.trackerId, units: master.list.units, taskCount: master.list.tasks.length, authority };
  const time = localStamp(options.now);
  const files: ReturnedFile[] = [];
  const unitOf = new Map<string, string>();
  const notes: MergeLogRow[] = [];
  const refused: ReturnRefused[] = [...alreadyRefused];
  for (const [i, input] of inputs.entries()) {
    const { source } = input;
    try {
      const r = await readReturnFile(source, input.data, identity, { acceptFullTracker: input.accept === true });
      files.push(r.file);
      unitOf.set(source, r.unit || "（全表）");
      notes.push(...r.notes.map((n) => fileNoteRow(time, source, r.unit || "（全表）", n)));
    } catch (e) {
      if (!(e instanceof ReturnRefused)) throw e;
      refused.push(e);
    }
    options.onFile?.(i + 1, inputs.length, source);
  }
  const outcome = mergeReturns(master.reports, files);
  const kept = carriedOver(master);
  const log = [
    ...master.read.mergeLog,
    ...refused.map((r) => refusedFileRow(time, r.source, r.reason)),
    ...mergeLogRows(outcome, time, (s) => unitOf.get(s) ?? "", kept.vocabulary),
    ...notes,
  ];
  const bp = buildBlueprint(master.list, { ...kept, generatedAt: time, password: options.password, reports: outcome.reports, mergeLog: log });
  return { data: await writeXlsxBuffer(bp, { at: stampTime(options.now) }), outcome, refused, unitOf };
}
