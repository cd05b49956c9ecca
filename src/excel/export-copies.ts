import { vocabularyFromMeta } from "../domain/vocabulary-file";
import { AUTHORITY_META_KEY, CopyAuthority, newAuthority, parseAuthority, withExport } from "../blueprint/copy-authority";
import { SHEET } from "../blueprint/layout";
import { metaSheet } from "../blueprint/meta-sheet";
import { META_UNIT_HEADER } from "../blueprint/meta-sheet";
import { gridText } from "../blueprint/read-grid";
import { RETURN_INFO_META_KEY, parseReturnInfo } from "../blueprint/instructions-sheet";
import { periodName } from "../domain/vocabulary";
import { buildUnitCopy, unitCopyFileName } from "../blueprint/unit-copy";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { literalText } from "./cell-input";
import { protectSheet } from "./sheet-writer";
import { queueGrid } from "./read-state";
import { readMasterState } from "./tracker-reports";

export interface UnitCopyFile {
  unit: string;
  fileName: string;
  data: Uint8Array;
}

/** Meta values longer than this continue in the next columns (Excel's cell limit is 32,767). */
const CHUNK = 30_000;

/**
 * Stores the copy key and the export record in the master's metadata, in place: the row
 * of the key if there is one, otherwise a new row above the unit table (rows below are
 * moved down by rewriting them, which is a few dozen cells).
 */
async function storeAuthority(context: Excel.RequestContext, authority: CopyAuthority, password?: string): Promise<void> {
  const read = queueGrid(context, SHEET.meta);
  await context.sync();
  const grid = read().grid;
  const json = JSON.stringify(authority);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
  const ws = context.workbook.worksheets.getItem(SHEET.meta);
  ws.protection.unprotect(password);
  const keyRow = grid.findIndex((r) => gridText(r[0]) === AUTHORITY_META_KEY);
  const width = Math.max(1 + chunks.length, ...grid.map((r) => r.length));
  const row = (cells: unknown[]) => Array.from({ length: width }, (_, c) => {
    const v = cells[c];
    return typeof v === "number" ? v : literalText(gridText(v as string));
  });
  if (keyRow >= 0) {
    ws.getRangeByIndexes(keyRow, 0, 1, width).values = [row([AUTHORITY_META_KEY, ...chunks])];
  } else {
    const header = grid.findIndex((r) => gridText(r[0]) === META_UNIT_HEADER[0] && gridText(r[1]) === META_UNIT_HEADER[1]);
    const at = header >= 0 ? header : grid.length;
    const rest = grid.slice(at);
    ws.getRangeByIndexes(at, 0, 1 + rest.length, width).values = [row([AUTHORITY_META_KEY, ...chunks]), ...rest.map(row)];
  }
  protectSheet(ws, metaSheet({ trackerId: "", schemaVersion: 0, kind: "master", listName: "", listHash: "", generatedAt: "" }, [], password));
  await context.sync();
}

/**
 * Per-unit copies of the open master, with each unit's current reports as the baseline
 * that a later merge compares against, signed with the master's copy key (created here
 * for a tracker that has none yet). The key and the export are stored in the master
 * before the copies are handed out: a copy the master cannot verify is never sent.
 */
export async function makeUnitCopies(
  context: Excel.RequestContext,
  units: readonly string[] | "all",
  exportedAt: string,
  /** By default the tracker's own period (填报说明), else the month of exportedAt. */
  period?: string,
  /** The sheets' protection password, if they have one (see checkSheetPassword): the export is recorded in _meta. */
  password?: string,
): Promise<UnitCopyFile[]> {
  const state = await readMasterState(context);
  const chosen = units === "all" ? state.list.units : units;
  const unknown = chosen.filter((u) => !state.list.units.includes(u));
  if (unknown.length > 0) throw new Error(`跟踪表中没有这些单位：${unknown.join("、")}。`);
  const returnInfo = parseReturnInfo(state.meta.extra[RETURN_INFO_META_KEY]);
  const copyPeriod = period ?? returnInfo.period ?? periodName(exportedAt, vocabularyFromMeta(state.meta.extra).cadence);
  let authority = parseAuthority(state.meta.extra[AUTHORITY_META_KEY]) ?? newAuthority();
  const files: UnitCopyFile[] = [];
  for (const unit of chosen) {
    const bp = buildUnitCopy(state.list, unit, {
      trackerId: state.meta.trackerId,
      exportedAt,
      period: copyPeriod,
      returnInfo,
      copyKey: authority.key,
      reports: state.reports,
      warningDays: Number(state.meta.extra.warning_days) || undefined,
      vocabulary: vocabularyFromMeta(state.meta.extra),
    });
    files.push({ unit, fileName: unitCopyFileName(state.list.name, unit), data: await writeXlsxBuffer(bp) });
    authority = withExport(authority, unit, exportedAt, copyPeriod);
  }
  await storeAuthority(context, authority, password);
  return files;
}

/** Base64 for Excel.createWorkbook, in chunks (String.fromCharCode has an argument limit). */
export function toBase64(data: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}
