import { SourceRow } from "../domain/table-rows";

/** Decodes the few XML entities Word writes in text runs. */
const decode = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The text of runs, one line per paragraph (a line break inside a units cell separates units). */
function paragraphsText(xml: string): string[] {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(br|tab)\b[^>]*\/>/g)].map((m) => (m[2] === "tab" ? "\t" : m[2] ? "\n" : decode(m[1]))).join(""))
    .filter((t) => t !== "");
}

async function documentXml(data: Uint8Array): Promise<string> {
  try {
    // Loaded on demand: most lists are pasted text, and JSZip is ~95 KB of the pane's first load.
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(data);
    const doc = zip.file("word/document.xml");
    if (!doc) throw new Error("缺少 word/document.xml");
    return await doc.async("string");
  } catch (e) {
    throw new Error(`无法读取 Word 文件：${(e as Error).message}。请确认是 .docx 格式（不是旧版 .doc）。`);
  }
}

/**
 * Rows of one table. A vertically merged cell (w:vMerge without "restart") repeats the
 * text above it, which is what the table shows; a horizontally merged cell (w:gridSpan)
 * keeps its text in its first grid column so later cells stay under their headers.
 */
function tableRows(table: string, firstLine: number): SourceRow[] {
  const rows: SourceRow[] = [];
  let above: string[] = [];
  for (const tr of table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []) {
    const cells: string[] = [];
    for (const tc of tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []) {
      const continues = /<w:vMerge(?![^>]*w:val="restart")[^>]*\/>/.test(tc);
      const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1);
      const at = cells.length;
      cells.push(continues ? (above[at] ?? "") : paragraphsText(tc).join("\n"));
      for (let i = 1; i < span; i++) cells.push(continues ? (above[at + i] ?? "") : "");
    }
    above = cells;
    rows.push({ line: firstLine + rows.length, cells });
  }
  return rows;
}

/** The tables of a .docx as source rows (no conversion service). */
export async function readDocxTableRows(data: Uint8Array): Promise<SourceRow[]> {
  const read = await readDocx(data);
  if (!read.hasTable) throw new Error("Word 文件中没有表格。请把任务清单放在表格中（序号、政策内容、责任部门）。");
  return read.rows.filter((r) => r.cells.length > 1 || read.tableLines.has(r.line));
}

export interface DocxContent {
  /** Paragraphs outside tables (one cell each) and table rows, in document order. */
  rows: SourceRow[];
  hasTable: boolean;
  tableLines: ReadonlySet<number>;
  /** The paragraphs as plain text lines, for lists written as paragraphs. */
  text: string;
}

/**
 * The whole body in order: a title, "附件" or notes above the table and signatures below
 * become one-cell rows (the parser shows them as ignored lines); a document with no table
 * is read as text (block or inline style).
 */
export async function readDocx(data: Uint8Array): Promise<DocxContent> {
  const xml = await documentXml(data);
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? xml;
  const rows: SourceRow[] = [];
  const tableLines = new Set<number>();
  const lines: string[] = [];
  let hasTable = false;
  for (const part of body.split(/(<w:tbl>[\s\S]*?<\/w:tbl>)/)) {
    if (part.startsWith("<w:tbl>")) {
      hasTable = true;
      for (const r of tableRows(part, rows.length + 1)) {
        tableLines.add(r.line);
        rows.push(r);
      }
      continue;
    }
    for (const p of paragraphsText(part)) {
      lines.push(p);
      rows.push({ line: rows.length + 1, cells: [p.replace(/\n/g, " ")] });
    }
  }
  return { rows, hasTable, tableLines, text: lines.join("\n") };
}
