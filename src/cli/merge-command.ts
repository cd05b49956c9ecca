import { statSync } from "fs";
import path from "path";
import { EML_LIMITS } from "../mail/mime-reader";
import { MergeOutcome } from "../domain/merge";
import { ReturnInput, isSavedEmail, mergeTracker, returnInputsFromBytes } from "../files/merge-tracker-file";
import { ReturnRefused } from "../xlsx/return-files";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { writeFileAtomic } from "./atomic-write";
import { formatTable } from "./text-table";
import { LoadedTracker, loadTracker, readFileOrExplain, readReturnBytes } from "./tracker-file";

export type { ReturnInput };

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

/**
 * The workbooks a path stands for: an .xlsx itself; a saved email (.eml or Outlook .msg) its
 * .xlsx attachments, each named "mail.eml/attachment.xlsx". An email without one is refused.
 */
export function returnInputs(file: string): { inputs: ReturnInput[]; refused: ReturnRefused[] } {
  const source = path.basename(file);
  if (!isSavedEmail(file)) return { inputs: [{ source, data: readReturnBytes(file) }], refused: [] };
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new UsageError(`无法读取 ${file}:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // Stat first: an email too big to be a reply is refused without reading it into memory.
  if (size > EML_LIMITS.messageBytes) return { inputs: [], refused: [new ReturnRefused(source, `邮件有 ${(size / 1024 / 1024).toFixed(0)} MB，超过 ${EML_LIMITS.messageBytes / 1024 / 1024} MB 上限，未读取。`)] };
  return returnInputsFromBytes(source, readFileOrExplain(file));
}

/**
 * Merges returned copies into a new tracker file regenerated from the blueprint (never
 * rewriting a returned or LibreOffice-saved file, whose protection ExcelJS would lose).
 * The file is written whole or not at all.
 */
export async function mergeCommand(args: ParsedArgs): Promise<MergeCommandResult> {
  const [trackerFile, ...returns] = args.positional;
  if (!trackerFile || returns.length === 0) throw new UsageError("用法 / usage: policy-tracker merge TRACKER.xlsx RETURN.xlsx|MAIL.eml|MAIL.msg... --out MERGED.xlsx [--accept-full-tracker FILE]");
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
  const { data, outcome, refused, unitOf } = await mergeTracker(master, inputs, alreadyRefused, { now: new Date(), password: options.password });
  writeFileAtomic(out, data);
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
