import { mkdirSync, writeFileSync } from "fs";
import path from "path";
import { buildUnitCopy, unitCopyFileName } from "../blueprint/unit-copy";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { localStamp } from "./build-command";
import { loadTracker } from "./tracker-file";

/** Writes one copy per chosen unit: its sheet, the instructions and the metadata to merge it back. */
export async function exportCommand(args: ParsedArgs): Promise<string[]> {
  const trackerFile = args.positional[0];
  if (!trackerFile) throw new UsageError("请指定总跟踪表 / give the tracker: policy-tracker export TRACKER.xlsx --all --out DIR");
  const { read, list, reports } = await loadTracker(trackerFile);
  const wanted = args.flags.all === true ? list.units : (stringFlag(args.flags, "unit") ?? "").split("\n").filter(Boolean);
  if (wanted.length === 0) throw new UsageError("请用 --unit 单位名称(可重复)或 --all 指定要导出的单位。");
  const unknown = wanted.filter((u) => !list.units.includes(u));
  if (unknown.length > 0) throw new UsageError(`跟踪表中没有这些单位:${unknown.join("、")}。可选:${list.units.join("、")}`);
  const outDir = path.resolve(stringFlag(args.flags, "out") ?? "out");
  mkdirSync(outDir, { recursive: true });
  const exportedAt = localStamp();
  const written: string[] = [];
  for (const unit of wanted) {
    const bp = buildUnitCopy(list, unit, {
      trackerId: read.meta.trackerId,
      exportedAt,
      reports,
      password: stringFlag(args.flags, "password"),
      warningDays: Number(read.meta.extra.warning_days) || undefined,
    });
    const file = path.join(outDir, unitCopyFileName(list.name, unit));
    writeFileSync(file, await writeXlsxBuffer(bp));
    written.push(file);
  }
  return written;
}
