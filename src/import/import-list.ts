import { parseTaskList, parseTaskRows } from "../domain/parse-task-list";
import { renderTaskListText } from "../domain/render-text";
import { SourceRow } from "../domain/table-rows";
import { TaskList } from "../domain/types";
import { readDocx } from "./docx-table";
import { readXlsxRows } from "./xlsx-list";

export interface ImportOptions {
  name?: string;
  aliases?: Readonly<Record<string, string>>;
  /** Worksheet of an .xlsx list; the first when not given. */
  sheet?: string;
}

/** What a file gave: the list, the text to keep with the tracker, and an .xlsx's sheets. */
export interface ImportedFile {
  list: TaskList;
  /** The list as text a later rebuild parses back to the same list. */
  source: string;
  /** The worksheets of an .xlsx (to choose another); absent for other formats. */
  sheets?: string[];
  sheet?: string;
}

export type ListFormat = "text" | "docx" | "xlsx";

export function formatOf(fileName: string): ListFormat {
  if (/\.docx$/i.test(fileName)) return "docx";
  if (/\.xlsx$/i.test(fileName)) return "xlsx";
  return "text";
}

/** Any pasted or saved text: a table (tab-separated or CSV), the block style or the inline style. */
export function importText(text: string, options: ImportOptions = {}): TaskList {
  return parseTaskList(text, options);
}

/** A Word document: its task table, or its paragraphs when it has no table. */
export async function importDocx(data: Uint8Array, options: ImportOptions = {}): Promise<TaskList> {
  const doc = await readDocx(data);
  return doc.hasTable ? parseTaskRows(doc.rows, options) : parseTaskList(doc.text, options);
}

/** An Excel workbook whose first (or chosen) sheet holds the list. */
export async function importXlsx(data: Uint8Array, options: ImportOptions = {}): Promise<ImportedFile> {
  const read = await readXlsxRows(data, options.sheet);
  const list = parseTaskRows(read.rows, options);
  return { list, source: renderTaskListText(list), sheets: read.sheets, sheet: read.sheet };
}

/** Rows read from a selected range in a sheet. */
export function importRows(rows: SourceRow[], options: ImportOptions = {}): TaskList {
  return parseTaskRows(rows, options);
}

/**
 * The one entry for a chosen file, used by the task pane and the command line alike.
 * Text files must already be decoded (each caller refuses GBK in its own words).
 */
export async function importFile(fileName: string, content: Uint8Array | string, options: ImportOptions = {}): Promise<ImportedFile> {
  const format = formatOf(fileName);
  if (format === "text") {
    const text = typeof content === "string" ? content : new TextDecoder("utf-8").decode(content);
    return { list: importText(text, options), source: text };
  }
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  if (format === "xlsx") return importXlsx(bytes, options);
  const list = await importDocx(bytes, options);
  return { list, source: renderTaskListText(list) };
}
