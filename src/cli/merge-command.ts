import path from "path";
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
import { carriedOver, loadTracker, readReturnBytes } from "./tracker-file";

export interface MergeCommandResult {
  out: string;
  outcome: MergeOutcome;
  refused: ReturnRefused[];
  text: string;
}

/** The files named by --accept-full-tracker (repeatable), by path or by file name. */
function acceptedFullTrackers(args: ParsedArgs): Set<string> {
  const names = (stringFlag(args.flags, "accept-full-tracker") ?? "").split("\n").filter(Boolean);
  return new Set(names.flatMap((n) => [n, path.resolve(n), path.basename(n)]));
}

/**
 * Merges returned copies into a new tracker file regenerated from the blueprint (never
 * rewriting a returned or LibreOffice-saved file, whose protection ExcelJS would lose).
 * The file is written whole or not at all.
 */
export async function mergeCommand(args: ParsedArgs): Promise<MergeCommandResult> {
  const [trackerFile, ...returns] = args.positional;
  if (!trackerFile || returns.length === 0) throw new UsageError("用法 / usage: policy-tracker merge TRACKER.xlsx RETURN.xlsx... --out MERGED.xlsx [--accept-full-tracker FILE]");
  const out = path.resolve(stringFlag(args.flags, "out") ?? trackerFile.replace(/(\.xlsx)?$/i, "-合并.xlsx"));
  const accepted = acceptedFullTrackers(args);
  const master = await loadTracker(trackerFile);
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
  const refused: ReturnRefused[] = [];
  for (const file of returns) {
    const source = path.basename(file);
    try {
      const acceptFullTracker = accepted.has(file) || accepted.has(path.resolve(file)) || accepted.has(source);
      const r = await readReturnFile(source, readReturnBytes(file), identity, { acceptFullTracker });
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
    password: stringFlag(args.flags, "password"),
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
  return { out, outcome, refused, text: lines.join("\n") };
}
