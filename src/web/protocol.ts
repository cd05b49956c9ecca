/** Messages between the page and the worker (or the in-page fallback) that does the file work. */

export interface FileData {
  name: string;
  data: Uint8Array;
}

export type JobRequest =
  | { kind: "build"; list: { fileName: string; content: string | Uint8Array }; trackerId: string }
  | { kind: "open"; tracker: FileData }
  | { kind: "export"; tracker: FileData }
  | { kind: "merge"; tracker: FileData; returns: FileData[]; accept: string[] }
  | { kind: "archive"; tracker: FileData; period: string }
  | { kind: "report"; tracker: FileData; date: string };

/** A job with the page's clock: the worker never reads its own, so a job's bytes depend on its inputs only. */
export type Job = JobRequest & { id: number; now: number; lang: Lang };

export type Lang = "zh" | "en";

/** What a finished job hands back: a new tracker to keep, files to download, lines to show. */
export interface JobResult {
  tracker?: FileData;
  downloads: FileData[];
  /** Summary lines in the page's language. */
  lines: string[];
  /** Full trackers that were refused until the user confirms them by name. */
  needsConfirmation?: string[];
  units?: number;
  tasks?: number;
}

export type JobMessage =
  | { id: number; type: "progress"; text: string }
  | { id: number; type: "done"; result: JobResult }
  | { id: number; type: "error"; title: string; message: string };
