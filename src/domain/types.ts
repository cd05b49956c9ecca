/** A deadline as published (wording) plus what can be computed from it. */
export type Deadline =
  | { kind: "none" }
  /** A fixed due date, e.g. "到2022年" → 2022-12-31. */
  | { kind: "date"; date: string; wording: string }
  /** An obligation that starts in a year and then continues, e.g. "2021年起". */
  | { kind: "from"; year: number; wording: string }
  /** Recurs every year, e.g. "年度培训规模". */
  | { kind: "yearly"; wording: string };

export type Role = "牵头" | "配合";

export interface Task {
  /** 序号 as published; the key of every task everywhere (never the row position). */
  id: number;
  text: string;
  /** Canonical unit names, lead first, in published order, without duplicates. */
  units: string[];
  /** Units as written in the source cell, for showing what was read. */
  unitsText: string;
  deadline: Deadline;
  /** Optional group heading such as "一)..." that the task falls under. */
  section?: string;
  /** 1-based line of the source text, for error messages and previews. */
  line: number;
  /** Extra columns of the source (牵头领导, 备注, 原序号…) by header: shown read-only. */
  info?: Readonly<Record<string, string>>;
}

/** A line of the source that is not part of the list (title, 附件, 文号, signature…). */
export interface IgnoredLine {
  line: number;
  text: string;
}

/** A unit name that looks like a fragment; the pane asks to fix or confirm it, the CLI refuses it. */
export interface UnitFlag {
  unit: string;
  line: number;
  reason: string;
}

/** A built-in alias that did not apply (its other spelling is not in the list). */
export interface UnitSuggestion {
  unit: string;
  target: string;
}

export interface TaskList {
  /** Title found above the table, or the caller's name for the list. */
  name: string;
  tasks: Task[];
  /** Units as the list spells them (first spelling of each key), in order of first appearance. */
  units: string[];
  /** Lines skipped above and below the list, shown in the preview. */
  ignored?: IgnoredLine[];
  flagged?: UnitFlag[];
  suggestions?: UnitSuggestion[];
  /** Headers of the extra columns, in source order (keys of Task.info). */
  infoColumns?: string[];
}

export function roleOf(task: Task, unit: string): Role {
  return task.units[0] === unit ? "牵头" : "配合";
}
