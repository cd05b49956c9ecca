import ExcelJS from "exceljs";
import JSZip from "jszip";

/**
 * Returned files as a hostile or careless unit makes them, generated from a genuine copy
 * (never committed binaries). Each helper takes the copy's bytes and returns new bytes.
 */

export async function editWorkbook(data: Uint8Array, fn: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  fn(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function setMeta(wb: ExcelJS.Workbook, key: string, value: string): void {
  let found = false;
  // Only the first match: the unit table's header row also starts with "unit".
  wb.getWorksheet("_meta")!.eachRow((row) => {
    if (!found && row.getCell(1).value === key) {
      row.getCell(2).value = value;
      found = true;
    }
  });
  if (!found) throw new Error(`no meta key ${key}`);
}

export function getMeta(wb: ExcelJS.Workbook, key: string): string {
  let out = "";
  wb.getWorksheet("_meta")!.eachRow((row) => {
    if (!out && row.getCell(1).value === key) out = String(row.getCell(2).value);
  });
  return out;
}

/** The row of a unit sheet holding 序号 `id` (column A). */
export function rowOf(ws: ExcelJS.Worksheet, id: number): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === id) found = row;
  });
  if (!found) throw new Error(`task ${id} not on ${ws.name}`);
  return found;
}

/** Column numbers (1-based) of the unit sheet's input columns, as exported. */
export const COL = { status: 7, progress: 8, problems: 9, nextSteps: 10, evidence: 11, reporter: 12, reportDate: 13 } as const;

/** Types into a unit copy's only unit sheet: [序号, column, value]. */
export function typeInto(data: Uint8Array, edits: Array<[number, keyof typeof COL, ExcelJS.CellValue]>): Promise<Uint8Array> {
  return editWorkbook(data, (wb) => {
    const ws = wb.worksheets[0];
    for (const [id, col, value] of edits) rowOf(ws, id).getCell(COL[col]).value = value;
  });
}

/** Rewrites one part of the zip as text. */
export async function rewritePart(data: Uint8Array, part: string, fn: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file(part)!.async("string");
  const next = fn(xml);
  if (next === xml) throw new Error(`rewrite of ${part} changed nothing`);
  zip.file(part, next);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const WHOLE_SHEET = "A1:XFD1048576";

/** A merged range over the whole sheet (11 KB on disk; ExcelJS would expand it cell by cell). */
export const wholeSheetMerge = (data: Uint8Array) =>
  rewritePart(data, "xl/worksheets/sheet1.xml", (xml) => xml.replace("</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ref="${WHOLE_SHEET}"/></mergeCells>`));

/** The status dropdown stretched over the whole sheet. */
export const wholeSheetValidation = (data: Uint8Array) =>
  rewritePart(data, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/sqref="[^"]*"/, `sqref="${WHOLE_SHEET}"`));

/** An extra worksheet part of `megabytes` of zeros (a part ExcelJS would load): a few hundred KB compressed. */
export async function inflatingEntry(data: Uint8Array, megabytes: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  zip.file("xl/worksheets/sheet9.xml", new Uint8Array(megabytes * 1024 * 1024));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

/** The same, with the zip's directory and local header claiming the part is `claimed` bytes (1 KB by default). */
export async function lyingEntry(data: Uint8Array, megabytes: number, claimed = 1024): Promise<Uint8Array> {
  return claimSize(await inflatingEntry(data, megabytes), claimed);
}

/** Patches the sizes recorded for the part added by inflatingEntry (on a copy of the bytes). */
export function claimSize(zipBytes: Uint8Array, claimed: number, part = "xl/worksheets/sheet9.xml"): Uint8Array {
  const bytes = zipBytes.slice();
  const name = new TextEncoder().encode(part);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = (i: number) => name.every((b, j) => bytes[i + j] === b);
  let patched = 0;
  for (let i = 0; i + 46 < bytes.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && at(i + 30)) {
      view.setUint32(i + 22, claimed, true);
      patched++;
    } else if (sig === 0x02014b50 && at(i + 46)) {
      view.setUint32(i + 24, claimed, true);
      patched++;
    }
  }
  if (patched !== 2) throw new Error("could not patch the sizes");
  return bytes;
}

/** What Excel writes for a workbook with an open password: an OLE compound file holding EncryptedPackage. */
export function encryptedWorkbook(): Uint8Array {
  const out = new Uint8Array(4096);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const names = ["EncryptionInfo", "EncryptedPackage"];
  names.forEach((n, k) => [...n].forEach((ch, i) => (out[1024 + k * 128 + i * 2] = ch.charCodeAt(0))));
  return out;
}

export async function odsFile(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  zip.file("content.xml", "<office:document-content/>");
  zip.file("META-INF/manifest.xml", "<manifest/>");
  return zip.generateAsync({ type: "uint8array" });
}

export async function xlsbFile(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("xl/workbook.bin", new Uint8Array([0x83, 0x01, 0x00]));
  return zip.generateAsync({ type: "uint8array" });
}
