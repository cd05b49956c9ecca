import JSZip from "jszip";
import { SHEET } from "../blueprint/layout";

/**
 * Limits checked before any workbook parser sees a returned file. ExcelJS expands merged
 * cell and validation ranges cell by cell and builds every row it is given, so an 11 KB
 * file whose merge covers A1:XFD1048576, or 7 MB of deflate inflating to 1 GB, takes the
 * whole merge down. Everything here works on the zip's central directory and the raw
 * sheet XML, with sizes bounded before anything is inflated.
 */
export const LIMITS = {
  /** Compressed size: a unit copy is tens of KB, a full tracker of 5,000 tasks a few MB. */
  fileBytes: 20 * 1024 * 1024,
  /** Inflated size of all parts together (a 5,000-task full tracker is ~25 MB). */
  uncompressedBytes: 48 * 1024 * 1024,
  /** An .xlsx written by Excel, WPS or LibreOffice has 10–60 parts; 40 units' sheets ~100. */
  entries: 1000,
  entryNameLength: 255,
  /** Excel's own cell limit; longer text cannot come from Excel and cannot go back into it. */
  cellChars: 32_767,
  /** Cells per row a sheet may average (a unit sheet has 14 columns). */
  cellsPerRow: 64,
} as const;

/** Rows a sheet may hold: twice the tracker's tasks (inserted rows, notes) plus slack. */
export const maxRowsFor = (taskCount: number): number => 2 * taskCount + 1000;

export class GuardRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GuardRefusal";
  }
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** UTF-16LE bytes of a name, as it appears in a compound file's directory. */
function utf16(name: string): number[] {
  return [...name].flatMap((ch) => [ch.charCodeAt(0), 0]);
}

function indexOfBytes(data: Uint8Array, pattern: number[]): number {
  outer: for (let i = 0; i + pattern.length <= data.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (data[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

/** What the first bytes say the file is, with the message for anything that is not an .xlsx. */
export function sniff(data: Uint8Array): void {
  const starts = (magic: number[]) => magic.every((b, i) => data[i] === b);
  if (starts(OLE_MAGIC)) {
    // A password-protected .xlsx is an OLE compound file holding an "EncryptedPackage" stream.
    if (indexOfBytes(data, utf16("EncryptedPackage")) >= 0 || indexOfBytes(data, utf16("EncryptionInfo")) >= 0) {
      throw new GuardRefusal("文件设置了打开密码（已加密），无法读取。请让填报单位在 Excel/WPS 中取消“用密码进行加密”后另存为 .xlsx 再报送。");
    }
    throw new GuardRefusal("这是旧版 .xls 文件。请在 Excel/WPS 中另存为 .xlsx 后再合并。");
  }
  if (!starts(ZIP_MAGIC)) throw new GuardRefusal("不是 .xlsx 工作簿（可能是改了扩展名的 .csv 或其他文件）。请让填报单位另存为 .xlsx。");
}

interface Entry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** The zip's central directory, read by hand so that a million-entry directory costs nothing. */
function centralDirectory(data: Uint8Array): Entry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new GuardRefusal("文件已损坏（找不到压缩包目录），无法读取。请让填报单位重新发送。");
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new GuardRefusal(`压缩包使用 ZIP64 格式（条目或大小超出普通 .xlsx 的范围），不像是填报表，未合并。`);
  if (count > LIMITS.entries) throw new GuardRefusal(`压缩包内有 ${count} 个部件，超过上限 ${LIMITS.entries} 个，不像是填报表，未合并。`);
  const entries: Entry[] = [];
  let p = offset;
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || view.getUint32(p, true) !== 0x02014b50) throw new GuardRefusal("文件已损坏（压缩包目录不完整），无法读取。请让填报单位重新发送。");
    const nameLength = view.getUint16(p + 28, true);
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, compressed: view.getUint32(p + 20, true), uncompressed: view.getUint32(p + 24, true) });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

function checkEntries(entries: Entry[]): void {
  const names = new Set<string>();
  for (const e of entries) {
    if (e.name.length > LIMITS.entryNameLength || /[\x00-\x1f\\]|^\/|(^|\/)\.\.(\/|$)/.test(e.name) || names.has(e.name)) {
      throw new GuardRefusal(`压缩包内有不合规的部件名“${e.name.slice(0, 80)}”，不是正常保存的 .xlsx，未合并。`);
    }
    names.add(e.name);
  }
  if (names.has("mimetype") && [...names].some((n) => n === "content.xml")) {
    throw new GuardRefusal("这是 OpenDocument 表格（.ods，可能被改成了 .xlsx 扩展名）。请在 WPS/LibreOffice 中“另存为”Excel 2007-365 (.xlsx) 格式后再报送。");
  }
  if (names.has("xl/workbook.bin")) throw new GuardRefusal("这是 Excel 二进制工作簿（.xlsb）。请在 Excel 中另存为“Excel 工作簿”（.xlsx）后再报送。");
  if (!names.has("xl/workbook.xml")) throw new GuardRefusal("不是 .xlsx 工作簿（压缩包中没有工作簿部件）。请让填报单位用 Excel、WPS 或 LibreOffice 另存为 .xlsx。");
  const declared = entries.reduce((n, e) => n + e.uncompressed, 0);
  if (declared > LIMITS.uncompressedBytes) {
    throw new GuardRefusal(`文件解压后有 ${MB(declared)}，超过上限 ${MB(LIMITS.uncompressedBytes)}（填报表通常不到 1 MB），未合并。请删除多余的内容后重新报送。`);
  }
}

type Stream = { on(ev: "data", f: (chunk: Uint8Array) => void): Stream; on(ev: "end", f: () => void): Stream; on(ev: "error", f: (e: Error) => void): Stream; resume(): Stream; pause(): Stream };

/** Inflates one part, stopping as soon as it passes what the directory declared or what is left of the budget. */
function inflate(file: JSZip.JSZipObject, declared: number, budget: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const stream = (file as unknown as { internalStream(t: "uint8array"): Stream }).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        size += chunk.length;
        if (size > declared || size > budget) {
          stream.pause();
          chunks.length = 0;
          reject(
            new GuardRefusal(
              size > budget
                ? `文件解压后超过上限 ${MB(LIMITS.uncompressedBytes)}（压缩炸弹或异常大的内容），未合并。`
                : `压缩包内部件“${file.name}”的实际大小超过其声明的大小（文件被篡改或损坏），未合并。`,
            ),
          );
          return;
        }
        chunks.push(chunk);
      })
      .on("error", (e) => reject(new GuardRefusal(`文件已损坏，无法解压（${e.message}）。请让填报单位重新发送。`)))
      .on("end", () => {
        const out = new Uint8Array(size);
        let p = 0;
        for (const c of chunks) {
          out.set(c, p);
          p += c.length;
        }
        resolve(out);
      })
      .resume();
  });
}

/** Parts the returns reader never looks at: emptied so that their size and shape cannot matter. */
const UNREAD_SHEETS: readonly string[] = [SHEET.summary, SHEET.master, SHEET.instructions, SHEET.mergeLog, SHEET.history];

/** Sheet name → part path, from workbook.xml and its relationships. */
function sheetParts(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id && targets.get(id);
    if (name !== undefined && part) out.set(unescapeXml(name), part);
  }
  return out;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/**
 * Elements the reader does not need: ranges ExcelJS would expand cell by cell, and
 * references to parts that are not passed on (drawings, comments, tables...).
 */
const EXPANDING = [
  "mergeCells",
  "dataValidations",
  "conditionalFormatting",
  "hyperlinks",
  "extLst",
  "cols",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "tableParts",
];

/** The parts the reader needs; everything else (media, drawings, comments, tables, macros...) is dropped unread. */
const KEPT_PART = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/worksheets\/[^/]+\.xml)$/;

/**
 * A sheet's XML without the elements that ExcelJS expands per cell, refused when it holds
 * more rows or cells than a tracker's sheet can. Only rows that hold a value count: a
 * formatted empty row costs ExcelJS next to nothing.
 */
export function sanitizeSheetXml(xml: string, sheet: string, maxRows: number): string {
  let rows = 0;
  let lastRow = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(\/?)>/g)) {
    if (m[2] === "/") continue;
    rows++;
    const r = Number(/\br="(\d+)"/.exec(m[1])?.[1] ?? 0);
    if (r > lastRow) lastRow = r;
  }
  if (rows > maxRows) throw new GuardRefusal(`工作表“${sheet}”有 ${rows} 行内容，超过上限 ${maxRows} 行（跟踪表的任务数决定），未合并。请删除多余的行后重新报送。`);
  const cells = (xml.match(/<(?:\w+:)?c\b/g) ?? []).length;
  if (cells > maxRows * LIMITS.cellsPerRow) {
    throw new GuardRefusal(`工作表“${sheet}”有 ${cells} 个单元格，超过上限 ${maxRows * LIMITS.cellsPerRow} 个，未合并。请删除多余的内容后重新报送。`);
  }
  // A row number far past the content would make every reader walk a million empty rows.
  if (lastRow > maxRows * 4) throw new GuardRefusal(`工作表“${sheet}”第 ${lastRow} 行有内容，远超填报表的范围（上限第 ${maxRows * 4} 行），未合并。请删除该行后重新报送。`);
  let out = xml;
  for (const el of EXPANDING) {
    out = out.replace(new RegExp(`<(?:\\w+:)?${el}\\b[^>]*/>|<((?:\\w+:)?)${el}\\b[\\s\\S]*?</\\1${el}>`, "g"), "");
  }
  return out;
}

/**
 * Checks a returned .xlsx against every limit and returns a rewritten copy that ExcelJS
 * can load safely, or throws GuardRefusal with a message for the coordinator.
 */
export async function guardXlsx(data: Uint8Array, maxRows: number): Promise<Uint8Array> {
  if (data.length > LIMITS.fileBytes) throw new GuardRefusal(`文件有 ${MB(data.length)}，超过 ${MB(LIMITS.fileBytes)} 上限，不像是填报表，未合并。`);
  sniff(data);
  const entries = centralDirectory(data);
  checkEntries(entries);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (e) {
    throw new GuardRefusal(`文件已损坏，无法读取（${(e as Error).message}）。请让填报单位重新发送。`);
  }
  const declared = new Map(entries.map((e) => [e.name, e.uncompressed]));
  const parts = new Map<string, Uint8Array>();
  let used = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir || !KEPT_PART.test(file.name)) continue;
    const bytes = await inflate(file, declared.get(file.name) ?? 0, LIMITS.uncompressedBytes - used);
    used += bytes.length;
    parts.set(file.name, bytes);
  }
  const decoder = new TextDecoder("utf-8");
  const text = (name: string) => decoder.decode(parts.get(name) ?? new Uint8Array());
  const sheets = sheetParts(text("xl/workbook.xml"), text("xl/_rels/workbook.xml.rels"));
  const out = new JSZip();
  const encoder = new TextEncoder();
  const sheetOfPart = new Map([...sheets].map(([name, part]) => [part, name]));
  for (const [name, bytes] of parts) {
    // Every worksheet part is sanitised, whether or not workbook.xml points at it: ExcelJS loads them by name.
    if (!name.startsWith("xl/worksheets/")) {
      out.file(name, bytes);
      continue;
    }
    const sheet = sheetOfPart.get(name) ?? name;
    const xml = decoder.decode(bytes);
    const kept = UNREAD_SHEETS.includes(sheet) ? xml.replace(/<((?:\w+:)?)sheetData\b[\s\S]*<\/\1sheetData>/, "<$1sheetData/>") : xml;
    out.file(name, encoder.encode(sanitizeSheetXml(kept, sheet, maxRows)));
  }
  parts.clear();
  return out.generateAsync({ type: "uint8array", compression: "STORE" });
}
