/**
 * The clock as the files show it. Every file function takes the time as an argument, so
 * the CLI and the web page write the same bytes for the same inputs and the same time.
 */

import { Cadence, periodName } from "../domain/vocabulary";

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-12-01 09:05", local time: the tracker's 生成时间 and the merge log's time. */
export function localStamp(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "2026-12-01": the day deadlines are counted against. */
export function todayIso(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The current period in the coordinator's words, named for the tracker's cadence: 2026年11月, 2026年第四季度. */
export function currentPeriod(date: Date, cadence: Cadence = "月"): string {
  return periodName(todayIso(date), cadence);
}

/**
 * The moment a stamp names, as the time written into the file: zip entries and
 * docProps carry it, so two runs in the same minute write the same bytes.
 */
export function stampTime(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes());
}
