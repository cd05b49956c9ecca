import { mkdirSync } from "fs";
import path from "path";
import { SignedCopies, SignedCopy, signCopies as signWith, unknownUnitsMessage } from "../files/export-copies";
import { LoadedTracker } from "../files/loaded-tracker";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { writeFileAtomic } from "./atomic-write";
import { loadTracker } from "./tracker-file";

export type { SignedCopy };

/** One signed copy per unit and the master that records their export, signed now (see src/files/export-copies). */
export async function signCopies(tracker: LoadedTracker, units: readonly string[], options: { period?: string; password?: string }): Promise<SignedCopies> {
  return signWith(tracker, units, { ...options, now: new Date() });
}

/**
 * Writes one copy per chosen unit: its sheet, the instructions and the metadata to merge
 * it back, signed with the master's copy key. The tracker is then regenerated in place
 * (as archive does) to record the exports — and, for a tracker made before copies were
 * signed, to hold its new key; a copy exported earlier is thereby recognised as stale.
 */
export async function exportCommand(args: ParsedArgs): Promise<string[]> {
  const trackerFile = args.positional[0];
  if (!trackerFile) throw new UsageError("请指定总跟踪表 / give the tracker: policy-tracker export TRACKER.xlsx --all --out DIR");
  const tracker = await loadTracker(trackerFile);
  const { list } = tracker;
  const wanted = args.flags.all === true ? list.units : (stringFlag(args.flags, "unit") ?? "").split("\n").filter(Boolean);
  if (wanted.length === 0) throw new UsageError("请用 --unit 单位名称（可重复）或 --all 指定要导出的单位。");
  const unknown = unknownUnitsMessage(tracker, wanted);
  if (unknown) throw new UsageError(unknown);
  const outDir = path.resolve(stringFlag(args.flags, "out") ?? "out");
  mkdirSync(outDir, { recursive: true });
  const signed = await signCopies(tracker, wanted, { period: stringFlag(args.flags, "period"), password: stringFlag(args.flags, "password") });
  // The master first: a copy the master does not know of could never be merged.
  writeFileAtomic(path.resolve(trackerFile), signed.master);
  const files = signed.copies.map((c) => ({ file: path.join(outDir, c.fileName), data: c.data }));
  for (const c of files) writeFileAtomic(c.file, c.data);
  return files.map((c) => c.file);
}
