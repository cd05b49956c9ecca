import { looksInline, parseInlineTaskList } from "../domain/parse-inline";
import { parseTaskList, parseTaskRows } from "../domain/parse-task-list";
import { SourceRow } from "../domain/table-rows";
import { TaskList } from "../domain/types";
import { readDocxTableRows } from "./docx-table";

export interface ImportOptions {
  name?: string;
  aliases?: Readonly<Record<string, string>>;
}

/** Any pasted or saved text: a table (tab-separated or CSV) or paragraphs in the inline style. */
export function importText(text: string, options: ImportOptions = {}): TaskList {
  return looksInline(text) ? parseInlineTaskList(text, options) : parseTaskList(text, options);
}

/** A Word document whose table holds the list. */
export async function importDocx(data: Uint8Array, options: ImportOptions = {}): Promise<TaskList> {
  return parseTaskRows(await readDocxTableRows(data), options);
}

/** Rows read from a selected range in a sheet. */
export function importRows(rows: SourceRow[], options: ImportOptions = {}): TaskList {
  return parseTaskRows(rows, options);
}
