import { randomUUID } from "crypto";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { buildBlueprint } from "../blueprint/build-blueprint";
import { unitProblems } from "../domain/list-units";
import { TaskListError } from "../domain/task-list-error";
import { IgnoredLine, UnitSuggestion } from "../domain/types";
import { formatOf, importFile } from "../import/import-list";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { BUILTIN_LIST_PATH, readBuiltinList } from "./builtin-list";

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
    throw new UsageError(`任务清单文件 ${file} 不是 UTF-8 编码(可能是 GBK)。请用记事本或 WPS 另存为 UTF-8 后重试。`);
  }
  return text;
}

export function localStamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}`;
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
  const name = path.basename(file).replace(/\.[^.]+$/, "");
  let imported;
  try {
    imported = await importFile(file, content, { name, sheet });
  } catch (e) {
    if (e instanceof TaskListError) throw e;
    throw new UsageError((e as Error).message);
  }
  const { list, source: text } = imported;
  // Unattended, a suspicious unit name would become a sheet nobody checked: refuse it.
  const problems = unitProblems(list);
  if (problems.length > 0) throw new TaskListError(problems);
  const bp = buildBlueprint(list, {
    trackerId: stringFlag(args.flags, "tracker-id") ?? randomUUID(),
    generatedAt: localStamp(),
    password: stringFlag(args.flags, "password"),
    listSource: text,
    returnInfo: { period: stringFlag(args.flags, "period"), deadline: stringFlag(args.flags, "deadline"), contact: stringFlag(args.flags, "contact") },
  });
  const out = path.resolve(stringFlag(args.flags, "out") ?? path.join("out", `${list.name}-跟踪表.xlsx`));
  const data = await writeXlsxBuffer(bp);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, data);
  return {
    out,
    sheets: bp.sheets.length,
    units: list.units.length,
    tasks: list.tasks.length,
    bytes: data.length,
    ignored: list.ignored ?? [],
    suggestions: list.suggestions ?? [],
  };
}
