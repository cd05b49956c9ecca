import { BUILTIN_LIST_TEXT } from "../taskpane/builtin-list";
import { currentPeriod, todayIso } from "../files/stamps";
import { BUILTIN_FILE_NAME } from "./builtin";
import { FileData, JobRequest, JobResult, Lang } from "./protocol";
import { JobFailed, startRunner } from "./runner";
import { WebStrings, browserLang, webStrings } from "./strings";


const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TYPES: Record<string, string> = { xlsx: XLSX_TYPE, zip: "application/zip", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };

const runner = startRunner();
let lang: Lang = browserLang(navigator.languages ?? [navigator.language]);
let tracker: FileData | null = null;
let busy = false;
let lastResult: JobResult | null = null;
let lastError: { title: string; message: string } | null = null;
let status = "";
const urls: string[] = [];

/**
 * Inputs are made once and moved into each render: what the user pasted or chose
 * survives a language switch, a failed build and every job.
 */
const inputs = {
  builtin: el("input", { type: "radio", name: "list-source", value: "builtin", checked: true, id: "list-builtin", testid: "list-builtin" }),
  pasted: el("input", { type: "radio", name: "list-source", value: "paste", id: "list-paste", testid: "list-paste" }),
  file: el("input", { type: "radio", name: "list-source", value: "file", id: "list-file-choice", testid: "list-file-choice" }),
  paste: el("textarea", { id: "paste", testid: "paste" }),
  listFile: el("input", { type: "file", id: "list-file", accept: ".txt,.csv,.docx,.xlsx", testid: "list-file" }),
  trackerFile: el("input", { type: "file", id: "tracker-file", accept: ".xlsx", testid: "tracker-file" }),
  returns: el("input", { type: "file", id: "returns", multiple: true, accept: ".xlsx,.eml,.msg", testid: "returns" }),
  period: el("input", { type: "text", id: "period", value: currentPeriod(new Date()), testid: "period" }),
  date: el("input", { type: "date", id: "report-date", value: todayIso(new Date()), testid: "report-date" }),
};
// Choosing or typing a list selects it as the source.
inputs.paste.oninput = () => (inputs.pasted.checked = true);
inputs.listFile.onchange = () => (inputs.file.checked = true);
inputs.trackerFile.onchange = () => {
  const f = inputs.trackerFile.files?.[0];
  if (f) void run(async () => ({ kind: "open", tracker: await readFile(f) }));
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { testid?: string } = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const { testid, ...rest } = props;
  const node = Object.assign(document.createElement(tag), rest);
  if (testid) node.dataset.testid = testid;
  node.append(...children);
  return node;
}

function downloadLink(file: FileData, s: WebStrings): HTMLAnchorElement {
  const ext = file.name.split(".").pop() ?? "";
  const url = URL.createObjectURL(new Blob([file.data as BlobPart], { type: TYPES[ext] ?? "application/octet-stream" }));
  urls.push(url);
  return el("a", { href: url, download: file.name, testid: `download-${ext}` }, `${s.download} ${file.name}`);
}

async function readFile(file: File): Promise<FileData> {
  return { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}

/** A text list as the CLI reads it: UTF-8 only, GBK refused with a way out. */
async function listContent(file: File, s: WebStrings): Promise<string | Uint8Array> {
  const data = new Uint8Array(await file.arrayBuffer());
  if (/\.(docx|xlsx)$/i.test(file.name)) return data;
  const text = new TextDecoder("utf-8").decode(data);
  if (text.includes("\uFFFD")) throw new JobFailed(s.errorTitle, `${file.name}：${s.gbk}`);
  return text;
}

async function run(request: () => Promise<JobRequest>): Promise<void> {
  const s = webStrings(lang);
  busy = true;
  lastError = null;
  lastResult = null;
  status = s.working;
  render();
  try {
    const result = await runner.run(await request(), lang, (text) => {
      status = text;
      const live = document.getElementById("status");
      if (live) live.textContent = text;
    });
    // A job that refused everything hands back no tracker: the current one stays as it was.
    if (result.tracker) tracker = result.tracker;
    lastResult = result;
    status = s.done;
  } catch (e) {
    lastError = e instanceof JobFailed ? { title: e.title, message: e.message } : { title: s.errorTitle, message: e instanceof Error ? e.message : String(e) };
    status = "";
  } finally {
    busy = false;
    render();
    document.getElementById(lastError ? "error" : "results")?.focus();
  }
}

function needTracker(s: WebStrings): FileData {
  if (!tracker) throw new JobFailed(s.errorTitle, s.needTracker);
  return tracker;
}

function listSection(s: WebStrings): HTMLElement {
  const { paste, listFile } = inputs;
  const build = el("button", { type: "button", disabled: busy, testid: "build" }, s.build);
  build.onclick = () =>
    run(async () => {
      const trackerId = newTrackerId();
      if (inputs.pasted.checked) {
        if (!paste.value.trim()) throw new JobFailed(s.errorTitle, s.needPaste);
        return { kind: "build", list: { fileName: "任务清单.txt", content: paste.value }, trackerId };
      }
      if (inputs.file.checked) {
        const f = listFile.files?.[0];
        if (!f) throw new JobFailed(s.errorTitle, s.needListFile);
        return { kind: "build", list: { fileName: f.name, content: await listContent(f, s) }, trackerId };
      }
      return { kind: "build", list: { fileName: BUILTIN_FILE_NAME, content: BUILTIN_LIST_TEXT }, trackerId };
    });
  const choice = (input: HTMLInputElement, label: string) => el("label", { htmlFor: input.id }, input, " ", label);
  return el(
    "section",
    {},
    el("h2", {}, s.listHeading),
    el("fieldset", {}, el("legend", {}, s.listSource), choice(inputs.builtin, s.builtinList), choice(inputs.pasted, s.pastedList), choice(inputs.file, s.fileList)),
    el("label", { htmlFor: "paste" }, s.pasteLabel),
    paste,
    el("label", { htmlFor: "list-file" }, s.fileList),
    listFile,
    el("div", {}, build),
  );
}

function trackerSection(s: WebStrings): HTMLElement {
  return el(
    "section",
    {},
    el("h2", {}, s.trackerHeading),
    tracker ? el("p", { testid: "current-tracker" }, s.current, downloadLink(tracker, s)) : el("p", {}, s.noTracker),
    el("p", { className: "hint" }, s.keepHint),
    el("label", { htmlFor: "tracker-file" }, s.openTracker),
    inputs.trackerFile,
  );
}

function actionSections(s: WebStrings): HTMLElement[] {
  const disabled = busy || !tracker;
  const exportButton = el("button", { type: "button", disabled, testid: "export" }, s.exportButton);
  exportButton.onclick = () => run(async () => ({ kind: "export", tracker: needTracker(s) }));

  const { returns, period, date } = inputs;
  const merge = el("button", { type: "button", disabled, testid: "merge" }, s.mergeButton);
  const mergeWith = (accept: string[]) =>
    run(async () => {
      const files = [...(returns.files ?? [])];
      if (files.length === 0) throw new JobFailed(s.errorTitle, s.needReturns);
      return { kind: "merge", tracker: needTracker(s), returns: await Promise.all(files.map(readFile)), accept };
    });
  merge.onclick = () => mergeWith([]);
  const confirms = (lastResult?.needsConfirmation ?? []).map((source) => {
    const b = el("button", { type: "button", className: "secondary", disabled, testid: "confirm-full-tracker" }, `${s.confirmFull}${source}`);
    b.onclick = () => mergeWith([source]);
    return b;
  });

  const archive = el("button", { type: "button", disabled, testid: "archive" }, s.archiveButton);
  archive.onclick = () => run(async () => ({ kind: "archive", tracker: needTracker(s), period: period.value.trim() }));

  const report = el("button", { type: "button", disabled, testid: "report" }, s.reportButton);
  report.onclick = () => run(async () => ({ kind: "report", tracker: needTracker(s), date: date.value || todayIso(new Date()) }));

  return [
    el("section", {}, el("h2", {}, s.exportHeading), el("p", { className: "hint" }, s.exportHint), exportButton),
    el("section", {}, el("h2", {}, s.mergeHeading), el("label", { htmlFor: "returns" }, s.returnsLabel), returns, el("div", {}, merge, ...confirms)),
    el("section", {}, el("h2", {}, s.archiveHeading), el("label", { htmlFor: "period" }, s.periodLabel), period, el("div", {}, archive)),
    el("section", {}, el("h2", {}, s.reportHeading), el("label", { htmlFor: "report-date" }, s.dateLabel), date, el("div", {}, report)),
  ];
}

function render(): void {
  const s = webStrings(lang);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en-US";
  document.title = s.title;
  for (const u of urls.splice(0)) setTimeout(() => URL.revokeObjectURL(u), 60_000);
  const app = document.getElementById("app");
  if (!app) return;
  const toggle = el("button", { type: "button", className: "secondary", testid: "language" }, s.switchLanguage);
  toggle.onclick = () => {
    lang = lang === "zh" ? "en" : "zh";
    render();
  };
  const feedback: HTMLElement[] = [];
  if (lastError) feedback.push(el("div", { id: "error", role: "alert", tabIndex: -1, testid: "error" }, el("strong", {}, lastError.title), "\n", lastError.message));
  if (lastResult) {
    feedback.push(
      el(
        "div",
        { id: "results", tabIndex: -1, testid: "results" },
        el("h2", {}, s.results),
        el("ul", {}, ...lastResult.lines.map((l) => el("li", {}, l))),
        el("ul", {}, ...lastResult.downloads.map((d) => el("li", {}, downloadLink(d, s)))),
      ),
    );
  }
  app.replaceChildren(
    el("header", {}, el("h1", {}, s.title), el("p", { className: "hint" }, s.subtitle), toggle),
    el("p", { id: "status", role: "status", ariaLive: "polite", testid: "status" }, status),
    ...(runner.mode() === "page" ? [el("p", { className: "hint", testid: "in-page" }, s.worker)] : []),
    ...feedback,
    listSection(s),
    trackerSection(s),
    ...actionSections(s),
  );
}

/** A version-4 UUID from getRandomValues, which (unlike randomUUID) also exists on plain-http intranet pages. */
function newTrackerId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

render();
