import { TaskListError } from "../domain/task-list-error";
import { importText } from "../import/import-list";
import { TaskList } from "../domain/types";
import { BUILTIN_LIST_NAME, BUILTIN_LIST_TEXT } from "./builtin-list";

export type ListChoice =
  | { source: "builtin" | "custom"; text: string; list: TaskList; error?: undefined }
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

/** Reads a chosen .txt/.csv as UTF-8, refusing what is not (the usual GBK export of old Office). */
export async function readListFile(file: File, messages: { tooBig: string; notUtf8: string }): Promise<string> {
  if (file.size > MAX_FILE_BYTES) throw new Error(messages.tooBig);
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(messages.notUtf8);
  }
}
