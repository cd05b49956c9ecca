import { mkdirSync } from "fs";
import path from "path";
import { buildBlueprint } from "../blueprint/build-blueprint";
import { AUTHORITY_META_KEY, newAuthority, parseAuthority, withExport } from "../blueprint/copy-authority";
import { TrackerFileError } from "../blueprint/read-grid";
import { buildUnitCopy, periodOf, unitCopyFileName } from "../blueprint/unit-copy";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { localStamp } from "./build-command";
import { writeFileAtomic } from "./atomic-write";
import { LoadedTracker, carriedOver, loadTracker } from "./tracker-file";

export interface SignedCopy {
  unit: string;
  fileName: string;
  data: Uint8Array;
}

/**
 * One signed copy per unit and the master that records their export (see exportCommand);
 * nothing is written: the caller writes the master first, then the copies.
 */
export async function signCopies(
  tracker: LoadedTracker,
  units: readonly string[],
  options: { period?: string; password?: string },
): Promise<{ exportedAt: string; period: string; copies: SignedCopy[]; master: Uint8Array }> {
  const { read, list, reports } = tracker;
  let authority;
  try {
    authority = parseAuthority(read.meta.extra[AUTHORITY_META_KEY]) ?? newAuthority();
  } catch (e) {
    throw new TrackerFileError((e as Error).message);
  }
  const exportedAt = localStamp();
  const { returnInfo } = carriedOver(tracker);
  const period = options.period ?? returnInfo?.period ?? periodOf(exportedAt);
  const copies: SignedCopy[] = [];
  for (const unit of units) {
    const bp = buildUnitCopy(list, unit, {
      trackerId: read.meta.trackerId,
      exportedAt,
      period,
      returnInfo,
      copyKey: authority.key,
      reports,
      password: options.password,
      warningDays: Number(read.meta.extra.warning_days) || undefined,
    });
    copies.push({ unit, fileName: unitCopyFileName(list.name, unit), data: await writeXlsxBuffer(bp) });
    authority = withExport(authority, unit, exportedAt, period);
  }
  const master = buildBlueprint(list, { ...carriedOver(tracker), generatedAt: exportedAt, reports, copyAuthority: JSON.stringify(authority), password: options.password });
  return { exportedAt, period, copies, master: await writeXlsxBuffer(master) };
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
  if (wanted.length === 0) throw new UsageError("请用 --unit 单位名称(可重复)或 --all 指定要导出的单位。");
  const unknown = wanted.filter((u) => !list.units.includes(u));
  if (unknown.length > 0) throw new UsageError(`跟踪表中没有这些单位:${unknown.join("、")}。可选:${list.units.join("、")}`);
  const outDir = path.resolve(stringFlag(args.flags, "out") ?? "out");
  mkdirSync(outDir, { recursive: true });
  const signed = await signCopies(tracker, wanted, { period: stringFlag(args.flags, "period"), password: stringFlag(args.flags, "password") });
  // The master first: a copy the master does not know of could never be merged.
  writeFileAtomic(path.resolve(trackerFile), signed.master);
  const files = signed.copies.map((c) => ({ file: path.join(outDir, c.fileName), data: c.data }));
  for (const c of files) writeFileAtomic(c.file, c.data);
  return files.map((c) => c.file);
}
