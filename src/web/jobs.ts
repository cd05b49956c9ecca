import { TrackerFileError } from "../blueprint/read-grid";
import { TaskListError } from "../domain/task-list-error";
import { archiveTracker } from "../files/archive-tracker-file";
import { buildTrackerFile } from "../files/build-tracker-file";
import { copiesZip, copiesZipName, signCopies } from "../files/export-copies";
import { loadTrackerBytes } from "../files/loaded-tracker";
import { ReturnInput, mergeTracker, returnInputsFromBytes } from "../files/merge-tracker-file";
import { reportDocxFile } from "../files/report-file";
import { DONE } from "../domain/statuses";
import { DEFAULT_VOCABULARY, wordOf } from "../domain/vocabulary";
import { ReturnRefused } from "../xlsx/return-files";
import { Job, JobResult, Lang } from "./protocol";

type Progress = (text: string) => void;

const say = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

/** The one place the page's file work happens, in the worker or (without one) in the page. */
export async function runJob(job: Job, progress: Progress): Promise<JobResult> {
  const now = new Date(job.now);
  const { lang } = job;
  switch (job.kind) {
    case "build": {
      progress(say(lang, "正在读取清单并生成跟踪表…", "Reading the list and building the tracker…"));
      const built = await buildTrackerFile(job.list, { trackerId: job.trackerId, now });
      const file = { name: built.fileName, data: built.data };
      return {
        tracker: file,
        downloads: [file],
        units: built.list.units.length,
        tasks: built.list.tasks.length,
        lines: [
          say(lang, `已生成跟踪表：${built.list.tasks.length} 项任务，${built.list.units.length} 个责任单位，${built.sheets} 个工作表。`, `Tracker built: ${built.list.tasks.length} tasks, ${built.list.units.length} units, ${built.sheets} sheets.`),
        ],
      };
    }
    case "open": {
      progress(say(lang, "正在读取跟踪表…", "Reading the tracker…"));
      const t = await loadTrackerBytes(job.tracker.data, job.tracker.name);
      return {
        tracker: job.tracker,
        downloads: [],
        units: t.list.units.length,
        tasks: t.list.tasks.length,
        lines: [say(lang, `已打开跟踪表“${t.list.name}”：${t.list.tasks.length} 项任务，${t.list.units.length} 个责任单位。`, `Opened “${t.list.name}”: ${t.list.tasks.length} tasks, ${t.list.units.length} units.`)],
      };
    }
    case "export": {
      progress(say(lang, "正在读取跟踪表…", "Reading the tracker…"));
      const t = await loadTrackerBytes(job.tracker.data, job.tracker.name);
      const signed = await signCopies(t, t.list.units, {
        now,
        onCopy: (done, total, unit) => progress(say(lang, `正在导出填报表 ${done}/${total}：${unit}`, `Exporting copy ${done}/${total}: ${unit}`)),
      });
      progress(say(lang, "正在打包 .zip…", "Packing the .zip…"));
      const zip = { name: copiesZipName(t.list.name, signed.period), data: await copiesZip(signed.copies, now) };
      const tracker = { name: job.tracker.name, data: signed.master };
      return {
        tracker,
        downloads: [zip, tracker],
        lines: [
          say(lang, `已导出 ${signed.copies.length} 份单位填报表（${signed.period}）。`, `Exported ${signed.copies.length} unit copies (${signed.period}).`),
          say(lang, "跟踪表已记录本次导出：请下载并保存新的跟踪表，合并回收的填报表时要用它。", "The tracker now records this export: download and keep it; merging the returns needs it."),
        ],
      };
    }
    case "merge": {
      progress(say(lang, "正在读取跟踪表…", "Reading the tracker…"));
      const master = await loadTrackerBytes(job.tracker.data, job.tracker.name);
      const inputs: ReturnInput[] = [];
      const refused: ReturnRefused[] = [];
      for (const f of job.returns) {
        const r = returnInputsFromBytes(f.name, f.data);
        inputs.push(...r.inputs.map((i) => ({ ...i, accept: job.accept.includes(i.source) })));
        refused.push(...r.refused);
      }
      const merged = await mergeTracker(master, inputs, refused, {
        now,
        onFile: (done, total, source) => progress(say(lang, `正在读取填报表 ${done}/${total}：${source}`, `Reading return ${done}/${total}: ${source}`)),
      });
      const { outcome } = merged;
      const name = job.tracker.name.replace(/(-合并)?\.xlsx$/i, "") + "-合并.xlsx";
      const tracker = { name, data: merged.data };
      const updated = outcome.files.reduce((n, f) => n + f.updated.length, 0);
      const lines = [
        say(lang, `已合并 ${outcome.files.length} 个文件，未合并 ${merged.refused.length} 个文件；更新 ${updated} 条填报。详情见跟踪表的“合并记录”工作表。`, `Merged ${outcome.files.length} files, not merged ${merged.refused.length}; ${updated} reports updated. See the 合并记录 sheet.`),
        ...outcome.files.map((f) =>
          say(
            lang,
            `${f.source}（${merged.unitOf.get(f.source) ?? ""}）：更新 ${f.updated.length}，未变 ${f.unchanged.length}，冲突 ${f.conflicts.length}，拒收 ${f.rejected.length}`,
            `${f.source} (${merged.unitOf.get(f.source) ?? ""}): updated ${f.updated.length}, unchanged ${f.unchanged.length}, conflicts ${f.conflicts.length}, rejected ${f.rejected.length}`,
          ),
        ),
        ...outcome.files.flatMap((f) => f.conflicts.map((c) => say(lang, `冲突 ${c.key} ${c.field}：跟踪表“${c.master}”，填报表“${c.returned}”（保留跟踪表的）`, `Conflict ${c.key} ${c.field}: tracker “${c.master}”, return “${c.returned}” (tracker kept)`))),
        ...merged.refused.map((r) => say(lang, `未合并 ${r.message}`, `Not merged: ${r.message}`)),
      ];
      return { tracker, downloads: [tracker], lines, needsConfirmation: merged.refused.filter((r) => r.needsConfirmation).map((r) => r.source) };
    }
    case "archive": {
      progress(say(lang, "正在归档…", "Archiving…"));
      const t = await loadTrackerBytes(job.tracker.data, job.tracker.name);
      const archived = await archiveTracker(t, { now, period: job.period || undefined });
      const tracker = { name: job.tracker.name, data: archived.data };
      return {
        tracker,
        downloads: [tracker],
        lines: [say(lang, `已归档 ${archived.period}（共 ${archived.periods} 期，见“历次汇总”）。`, `Archived ${archived.period} (${archived.periods} periods, see 历次汇总).`)],
      };
    }
    case "report": {
      progress(say(lang, "正在生成进展报告…", "Writing the progress report…"));
      const file = await reportDocxFile(job.tracker.data, job.date);
      const o = file.report.rollup.overall;
      const done = wordOf(file.report.source.vocabulary ?? DEFAULT_VOCABULARY, DONE);
      return {
        downloads: [{ name: file.fileName, data: file.data }],
        lines: [say(lang, `任务 ${o.tasks} 项，${done} ${o.tasksDone}，逾期 ${o.overdueTasks}；责任分工 ${o.assignments} 项，${done} ${o.assignmentsDone}。`, `${o.tasks} tasks, ${o.tasksDone} done, ${o.overdueTasks} overdue; ${o.assignments} assignments, ${o.assignmentsDone} done.`)],
      };
    }
  }
}

/** An error as the page shows it: what went wrong, in the words the CLI uses. */
export function describeJobError(e: unknown, lang: Lang): { title: string; message: string } {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof TaskListError) return { title: say(lang, "任务清单有问题", "The task list has problems"), message };
  if (e instanceof TrackerFileError) return { title: say(lang, "跟踪表无法读取", "The tracker cannot be read"), message };
  return { title: say(lang, "操作未完成", "Not done"), message };
}
