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
}

export interface TaskList {
  /** Title found above the table, or the caller's name for the list. */
  name: string;
  tasks: Task[];
  /** Canonical units in order of first appearance. */
  units: string[];
}

export function roleOf(task: Task, unit: string): Role {
  return task.units[0] === unit ? "牵头" : "配合";
}
