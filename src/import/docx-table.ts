import JSZip from "jszip";
import { SourceRow } from "../domain/table-rows";

/** Decodes the few XML entities Word writes in text runs. */
const decode = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

function cellText(cellXml: string): string {
  // Paragraphs inside a cell become line breaks joined by a space; runs are concatenated.
  return cellXml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(""))
    .filter((t) => t !== "")
    .join(" ");
}

/**
 * Reads the tables of a .docx (word/document.xml, no conversion service) as source rows.
 * A vertically merged cell (w:vMerge without "restart") repeats the text above it, which
 * is what the table shows; a horizontally merged cell (w:gridSpan) counts once.
 */
export async function readDocxTableRows(data: Uint8Array): Promise<SourceRow[]> {
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(data);
    const doc = zip.file("word/document.xml");
    if (!doc) throw new Error("缺少 word/document.xml");
    xml = await doc.async("string");
  } catch (e) {
    throw new Error(`无法读取 Word 文件:${(e as Error).message}。请确认是 .docx 格式(不是旧版 .doc)。`);
  }
  const rows: SourceRow[] = [];
  let rowNumber = 0;
  for (const table of xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []) {
    let above: string[] = [];
    for (const tr of table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []) {
      rowNumber++;
      const cells: string[] = [];
      for (const tc of tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []) {
        const continues = /<w:vMerge(?![^>]*w:val="restart")[^>]*\/>/.test(tc);
        cells.push(continues ? (above[cells.length] ?? "") : cellText(tc));
      }
      above = cells;
      rows.push({ line: rowNumber, cells });
    }
  }
  if (rows.length === 0) throw new Error("Word 文件中没有表格。请把任务清单放在表格中(序号、政策内容、责任部门)。");
  return rows;
}
