import JSZip from "jszip";
import { buildBlueprint } from "../blueprint/build-blueprint";
import { AUTHORITY_META_KEY, newAuthority, parseAuthority, withExport } from "../blueprint/copy-authority";
import { TrackerFileError } from "../blueprint/read-grid";
import { buildUnitCopy, unitCopyFileName } from "../blueprint/unit-copy";
import { periodName } from "../domain/vocabulary";
import { vocabularyFromMeta } from "../domain/vocabulary-file";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { LoadedTracker, carriedOver } from "./loaded-tracker";
import { localStamp, stampTime } from "./stamps";

export interface SignedCopy {
  unit: string;
  fileName: string;
  data: Uint8Array;
}

export interface SignedCopies {
  exportedAt: string;
  period: string;
  copies: SignedCopy[];
  /** The tracker that records these exports: keep it, or the copies cannot be merged back. */
  master: Uint8Array;
}

export interface ExportOptions {
  now: Date;
  period?: string;
  password?: string;
  /** Called after each copy, for progress. */
  onCopy?: (done: number, total: number, unit: string) => void;
}

/** The chosen units that the tracker does not have, in the words both the CLI and the page show. */
export function unknownUnitsMessage(tracker: LoadedTracker, wanted: readonly string[]): string | undefined {
  const unknown = wanted.filter((u) => !tracker.list.units.includes(u));
  return unknown.length > 0 ? `跟踪表中没有这些单位：${unknown.join("、")}。可选：${tracker.list.units.join("、")}` : undefined;
}

/**
 * One signed copy per unit and the master that records their export; nothing is written.
 * A caller saves the master before sending the copies: a copy the master does not know
 * of could never be merged. A tracker made before copies were signed gets its key here,
 * and a copy exported earlier is thereby recognised as stale.
 */
export async function signCopies(tracker: LoadedTracker, units: readonly string[], options: ExportOptions): Promise<SignedCopies> {
  const { read, list, reports } = tracker;
  let authority;
  try {
    authority = parseAuthority(read.meta.extra[AUTHORITY_META_KEY]) ?? newAuthority();
  } catch (e) {
    throw new TrackerFileError((e as Error).message);
  }
  const exportedAt = localStamp(options.now);
  const at = stampTime(options.now);
  const vocabulary = vocabularyFromMeta(read.meta.extra);
  const { returnInfo } = carriedOver(tracker);
  const period = options.period ?? returnInfo?.period ?? periodName(exportedAt, vocabulary.cadence);
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
      vocabulary,
    });
    copies.push({ unit, fileName: unitCopyFileName(list.name, unit), data: await writeXlsxBuffer(bp, { at }) });
    authority = withExport(authority, unit, exportedAt, period);
    options.onCopy?.(copies.length, units.length, unit);
  }
  const master = buildBlueprint(list, { ...carriedOver(tracker), generatedAt: exportedAt, reports, copyAuthority: JSON.stringify(authority), password: options.password });
  return { exportedAt, period, copies, master: await writeXlsxBuffer(master, { at }) };
}

/** The copies as one .zip (stored: .xlsx files are deflated already), every entry dated `now`. */
export async function copiesZip(copies: readonly SignedCopy[], now: Date): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = stampTime(now);
  for (const c of copies) zip.file(c.fileName, c.data, { date, createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: "STORE", platform: "DOS" });
}

/** The .zip's name: the list and the period, e.g. 江西省…-单位填报表-2026年12月.zip. */
export function copiesZipName(listName: string, period: string): string {
  return `${listName}-单位填报表-${period}.zip`;
}
