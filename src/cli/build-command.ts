import { randomUUID } from "crypto";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { TaskListError } from "../domain/task-list-error";
import { IgnoredLine, UnitSuggestion } from "../domain/types";
import { buildTrackerFile, trackerFileName } from "../files/build-tracker-file";
import { localStamp as stampOf } from "../files/stamps";
import { formatOf } from "../import/import-list";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { BUILTIN_LIST_PATH, readBuiltinList } from "./builtin-list";
import { PRESET_IDS, Vocabulary } from "../domain/vocabulary";
import { VocabularyError, presetVocabulary, vocabularyFromText } from "../domain/vocabulary-file";

/** --vocabulary: a preset id or a JSON file; a bad file stops the build with every problem listed. */
export function vocabularyOption(value: string | undefined): Vocabulary | undefined {
  if (value === undefined) return undefined;
  const preset = presetVocabulary(value);
  if (preset) return preset;
  if (!/\.json$/i.test(value)) {
    throw new UsageError(`--vocabulary “${value}”既不是预设（${PRESET_IDS.join("、")}），也不是 .json 文件。 / not a preset or a .json file.`);
  }
  let text: string;
  try {
    text = readFileSync(value, "utf8");
  } catch (e) {
    throw new UsageError(`无法读取词汇文件 ${value}:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return vocabularyFromText(text, `词汇文件 ${path.basename(value)} `);
  } catch (e) {
    if (e instanceof VocabularyError) throw new UsageError(e.message);
    throw e;
  }
}

export interface BuildResult {
  out: string;
  sheets: number;
  units: number;
  tasks: number;
  bytes: number;
  ignored: IgnoredLine[];
  suggestions: UnitSuggestion[];
}

/** Reads a task list file as UTF-8 and refuses text that is not (e.g. GBK from old Office). */
export function readTaskListFile(file: string): string {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    throw new UsageError(`无法读取任务清单文件 ${file}:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(data);
  if (text.includes("\uFFFD")) {
    throw new UsageError(`任务清单文件 ${file} 不是 UTF-8 编码（可能是 GBK）。请用记事本或 WPS 另存为 UTF-8 后重试。`);
  }
  return text;
}

export function localStamp(date = new Date()): string {
  return stampOf(date);
}

function readBinary(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new UsageError(`无法读取任务清单文件 ${file}:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export async function buildCommand(args: ParsedArgs): Promise<BuildResult> {
  const tasksFile = stringFlag(args.flags, "tasks");
  const sheet = stringFlag(args.flags, "sheet");
  const file = tasksFile ?? BUILTIN_LIST_PATH;
  const format = formatOf(file);
  if (sheet !== undefined && format !== "xlsx") throw new UsageError(`--sheet 只用于 .xlsx 清单 / --sheet is for .xlsx lists only.`);
  const content = format === "text" ? (tasksFile ? readTaskListFile(tasksFile) : readBuiltinList()) : readBinary(file);
  let built;
  try {
    built = await buildTrackerFile(
      { fileName: file, content, sheet },
      {
        trackerId: stringFlag(args.flags, "tracker-id") ?? randomUUID(),
        now: new Date(),
        password: stringFlag(args.flags, "password"),
        vocabulary: vocabularyOption(stringFlag(args.flags, "vocabulary")),
        returnInfo: { period: stringFlag(args.flags, "period"), deadline: stringFlag(args.flags, "deadline"), contact: stringFlag(args.flags, "contact") },
      },
    );
  } catch (e) {
    if (e instanceof TaskListError) throw e;
    throw new UsageError((e as Error).message);
  }
  const { list, data } = built;
  const out = path.resolve(stringFlag(args.flags, "out") ?? path.join("out", trackerFileName(list.name)));
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, data);
  return {
    out,
    sheets: built.sheets,
    units: list.units.length,
    tasks: list.tasks.length,
    bytes: data.length,
    ignored: list.ignored ?? [],
    suggestions: list.suggestions ?? [],
  };
}
