import { describeJobError, runJob } from "./jobs";
import { Job, JobMessage } from "./protocol";

/** The worker's global scope, typed here: the project compiles against the DOM library, not WebWorker's. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Job>) => void) | null;
  postMessage(message: JobMessage, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const job = event.data;
  const post = (m: JobMessage, transfer: Transferable[] = []) => scope.postMessage(m, transfer);
  runJob(job, (text) => post({ id: job.id, type: "progress", text })).then(
    // Handed over, not copied: a 500-task tracker is megabytes.
    (result) => post({ id: job.id, type: "done", result }, [...new Set(result.downloads.map((d) => d.data.buffer as ArrayBuffer))]),
    (e: unknown) => post({ id: job.id, type: "error", ...describeJobError(e, job.lang) }),
  );
};
