import { buildBlueprint } from "../blueprint/build-blueprint";
import { unitProblems } from "../domain/list-units";
import { TaskListError } from "../domain/task-list-error";
import { TaskList } from "../domain/types";
import { ReturnInfo } from "../blueprint/instructions-sheet";
import { Vocabulary } from "../domain/vocabulary";
import { importFile } from "../import/import-list";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { localStamp, stampTime } from "./stamps";

export interface ListInput {
  /** The list's file name (its extension picks the reader; without one it is text). */
  fileName: string;
  /** Text already decoded, or the bytes of a .docx/.xlsx. */
  content: string | Uint8Array;
  /** Worksheet of an .xlsx list; the first when not given. */
  sheet?: string;
}

export interface BuiltTracker {
  fileName: string;
  data: Uint8Array;
  list: TaskList;
  sheets: number;
}

/** The tracker's file name: the list's name with 跟踪表, as the CLI has always written it. */
export function trackerFileName(listName: string): string {
  return `${listName}-跟踪表.xlsx`;
}

/**
 * A task list → the tracker workbook's bytes. Unattended (no one previews the units), a
 * suspicious unit name would become a sheet nobody checked, so it is refused.
 */
export async function buildTrackerFile(input: ListInput, options: { trackerId: string; now: Date; password?: string; vocabulary?: Vocabulary; returnInfo?: ReturnInfo }): Promise<BuiltTracker> {
  const name = input.fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  const { list, source } = await importFile(input.fileName, input.content, { name, sheet: input.sheet });
  const problems = unitProblems(list);
  if (problems.length > 0) throw new TaskListError(problems);
  const bp = buildBlueprint(list, { trackerId: options.trackerId, generatedAt: localStamp(options.now), password: options.password, listSource: source, vocabulary: options.vocabulary, returnInfo: options.returnInfo });
  const data = await writeXlsxBuffer(bp, { at: stampTime(options.now) });
  return { fileName: trackerFileName(list.name), data, list, sheets: bp.sheets.length };
}
