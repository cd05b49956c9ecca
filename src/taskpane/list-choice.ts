import { TaskListError } from "../domain/task-list-error";
import { importFile, importText } from "../import/import-list";
import { readXlsxRows } from "../import/xlsx-list";
import { TaskList } from "../domain/types";
import { parseTaskList } from "../domain/parse-task-list";
import { BUILTIN_LIST_NAME, BUILTIN_LIST_TEXT } from "./builtin-list";

export type ListChoice =
  | { source: "builtin" | "custom" | "tracker"; text: string; list: TaskList; error?: undefined }
  | { source: "custom"; text: string; list?: undefined; error: TaskListError };

export function chooseList(source: "builtin" | "custom", text: string, name?: string): ListChoice {
  try {
    return { source, text, list: importText(text, { name: name ?? (source === "builtin" ? BUILTIN_LIST_NAME : "任务清单") }) };
  } catch (e) {
    if (e instanceof TaskListError && source === "custom") return { source, text, error: e };
    throw e;
  }
}

export const builtinChoice = (): ListChoice => chooseList("builtin", BUILTIN_LIST_TEXT);

/** A list read some other way (a .docx, a selected range), or the error that stopped it. */
export function chooseParsed(read: () => TaskList, label: string): ListChoice {
  try {
    return { source: "custom", text: label, list: read() };
  } catch (e) {
    if (e instanceof TaskListError) return { source: "custom", text: label, error: e };
    throw e;
  }
}

const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A chosen .txt/.csv as UTF-8, refusing what is not (the usual GBK export of old Office). */
function decodeUtf8(bytes: Uint8Array, notUtf8: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(notUtf8);
  }
}

/** A chosen .docx or .xlsx (and the sheets an .xlsx offers), read by the importer the CLI uses too. */
export interface FileChoice {
  choice: ListChoice;
  sheets?: string[];
  sheet?: string;
}

export async function chooseFile(
  name: string,
  bytes: Uint8Array,
  messages: { tooBig: string; notUtf8: string },
  sheet?: string,
): Promise<FileChoice> {
  if (bytes.length > MAX_FILE_BYTES) throw new Error(messages.tooBig);
  const listName = name.replace(/\.[^.]+$/, "");
  const binary = /\.(docx|xlsx)$/i.test(name);
  const content = binary ? bytes : decodeUtf8(bytes, messages.notUtf8);
  try {
    const read = await importFile(name, content, { name: listName, sheet });
    return { choice: { source: "custom", text: binary ? name : (content as string), list: read.list }, sheets: read.sheets, sheet: read.sheet };
  } catch (e) {
    if (!(e instanceof TaskListError)) throw e;
    // A workbook whose first sheet is not the list: still offer its other sheets.
    const sheets = /\.xlsx$/i.test(name) ? await readXlsxRows(bytes, sheet) : undefined;
    return { choice: { source: "custom", text: binary ? name : (content as string), error: e }, sheets: sheets?.sheets, sheet: sheets?.sheet };
  }
}

/**
 * The list the open tracker was built from (kept in its metadata), so that reopening the pane
 * offers a rebuild with the tracker's own list rather than the built-in one. Trackers from
 * early versions kept no list: undefined.
 */
export function trackerChoice(source: string | undefined, name: string): ListChoice | undefined {
  if (!source) return undefined;
  try {
    return { source: "tracker", text: source, list: parseTaskList(source, { name }) };
  } catch (e) {
    if (e instanceof TaskListError) return undefined;
    throw e;
  }
}
