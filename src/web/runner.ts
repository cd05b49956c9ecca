import { Job, JobMessage, JobRequest, JobResult, Lang } from "./protocol";

export interface Runner {
  /** "worker" while jobs run off the UI thread; "page" once the worker could not start. */
  readonly mode: () => "worker" | "page" | "starting";
  run(request: JobRequest, lang: Lang, onProgress: (text: string) => void): Promise<JobResult>;
}

export class JobFailed extends Error {
  constructor(
    readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = "JobFailed";
  }
}

/** A worker from the bundled source through a blob: URL, which Chromium allows even on a file:// page. */
async function startWorker(): Promise<Worker | null> {
  try {
    const { WORKER_SOURCE } = await import(/* webpackChunkName: "web-worker" */ "./worker-source");
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
    return new Worker(url);
  } catch {
    // A page whose Content-Security-Policy forbids blob: workers: the page does the work instead.
    return null;
  }
}

/** Runs the job in this page, yielding first so the progress text is painted. */
async function runInPage(job: Job, onProgress: (text: string) => void): Promise<JobResult> {
  const { runJob, describeJobError } = await import("./jobs");
  await new Promise((resolve) => setTimeout(resolve, 0));
  try {
    return await runJob(job, (text) => onProgress(text));
  } catch (e) {
    const d = describeJobError(e, job.lang);
    throw new JobFailed(d.title, d.message);
  }
}

/**
 * Jobs go to a Web Worker, so 500 tasks × 35 units never freeze the page. A worker that
 * cannot start reports an error event before answering anything; the job it held is then
 * run in the page, and so is every later one.
 */
export function startRunner(): Runner {
  let worker: Worker | null = null;
  let settled = false;
  const boot = () =>
    startWorker().then((w) => {
      worker = w;
      settled = true;
      if (w) listen(w);
    });
  let ready = boot();
  let nextId = 1;
  const pending = new Map<number, { job: Job; onProgress: (t: string) => void; resolve: (r: JobResult) => void; reject: (e: Error) => void; answered: boolean }>();
  const fallBack = () => {
    worker?.terminate();
    worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      runInPage(p.job, p.onProgress).then(p.resolve, p.reject);
    }
  };
  const listen = (w: Worker) => {
    w.onmessage = (event: MessageEvent<JobMessage>) => {
      const m = event.data;
      const p = pending.get(m.id);
      if (!p) return;
      p.answered = true;
      if (m.type === "progress") p.onProgress(m.text);
      else {
        pending.delete(m.id);
        if (m.type === "done") p.resolve(m.result);
        else p.reject(new JobFailed(m.title, m.message));
      }
    };
    w.onerror = (event) => {
      event.preventDefault();
      if ([...pending.values()].some((p) => p.answered)) {
        // A worker that ran and then crashed (out of memory): the job failed, say so, and the next job gets a fresh worker.
        for (const [id, p] of pending) {
          pending.delete(id);
          p.reject(new JobFailed("操作未完成", `后台处理意外中止（${event.message || "worker error"}），跟踪表没有改变。文件可能过大，请分批处理后重试。`));
        }
        w.terminate();
        worker = null;
        ready = boot();
        return;
      }
      fallBack();
    };
  };
  return {
    mode: () => (worker ? "worker" : settled ? "page" : "starting"),
    async run(request, lang, onProgress) {
      const job = { ...request, id: nextId++, now: Date.now(), lang } as Job;
      await ready;
      if (!worker) return runInPage(job, onProgress);
      const w = worker;
      return new Promise<JobResult>((resolve, reject) => {
        pending.set(job.id, { job, onProgress, resolve, reject, answered: false });
        w.postMessage(job);
      });
    },
  };
}
