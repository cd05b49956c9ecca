import { execFile } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { promisify } from "util";
import { main } from "../../src/cli/main";
import { computeRollup, reportKey, snapshotFromRollup, snapshotRows } from "../../src/domain";
import { writeFilledTracker } from "./filled-tracker";
import { docxToPdf, pageCount, pdfText, renderPages, squeeze, writerAvailable } from "./pdf";

const DATE = "2026-11-30";
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/report");
const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

/** The text between two markers (the end marker optional). */
function between(text: string, from: string, to?: string): string {
  const a = text.indexOf(from);
  if (a < 0) throw new Error(`"${from}" not in the PDF text`);
  const b = to === undefined ? text.length : text.indexOf(to, a + from.length);
  if (b < 0) throw new Error(`"${to}" not after "${from}" in the PDF text`);
  return text.slice(a, b);
}

describe("the progress report of the Jiangxi tracker, converted to PDF by LibreOffice", () => {
  it("holds every figure of the roll-up and of the CLI report, every overdue task, the silent units and each task's reports lead first", async () => {
    if (!writerAvailable()) return;
    // Two archived periods so the trend chart is drawn: September with half the reports, October with all.
    const first = await writeFilledTracker();
    const half = new Map([...first.reports].filter((_, i) => i % 2 === 0));
    const september = snapshotFromRollup(computeRollup(first.list, half, "2026-09-30"));
    const october = snapshotFromRollup(computeRollup(first.list, first.reports, "2026-10-31"));
    const history = [...snapshotRows("2026年9月", "2026-09-30 17:00", september), ...snapshotRows("2026年10月", "2026-10-31 17:00", october)];
    const t = await writeFilledTracker(history);
    const docx = path.join(t.dir, "进展报告.docx");
    const printed: string[] = [];
    expect(await main(["report", t.file, "--docx", docx, "--date", DATE], (s) => printed.push(s))).toBe(0);

    // The oracle: the roll-up computed from the list and the reports that went into the file.
    const expected = computeRollup(t.list, t.reports, DATE);
    const o = expected.overall;
    expect(o.assignmentsDone).toBe([...t.reports.values()].filter((r) => r.status === "已完成").length);
    expect(o.overdueTasks).toBeGreaterThan(0);
    const cli = printed.join("\n");
    expect(cli).toContain(`完成率 ${pct(o.assignmentRate)}，逾期 ${o.overdueAssignments}`);
    expect(cli).toContain(`任务 ${o.tasks} 项：已完成 ${o.tasksDone}，长期坚持 ${o.tasksStanding}，完成率 ${pct(o.taskRate)}，逾期 ${o.overdueTasks}`);

    const pdf = await docxToPdf(docx);
    const pages = await pageCount(pdf);
    const text = squeeze(await pdfText(pdf));
    const fonts = (await promisify(execFile)("/usr/bin/pdffonts", [pdf])).stdout;
    const rendered = await renderPages(pdf, ARTIFACTS, "jiangxi");
    writeFileSync(path.join(ARTIFACTS, "jiangxi.txt"), `pages ${pages}\n\n${fonts}\n${text}`);
    expect(rendered).toHaveLength(pages);
    expect(pages).toBeGreaterThan(5);
    // Chinese text was set in a CJK font (the fallback for 仿宋_GB2312/小标宋 where they are missing), not in boxes.
    expect(fonts).toMatch(/CJK|Song|Fang|Hei|Kai|Sim/i);

    expect(text).toContain(`${t.list.name}进展情况通报`);
    expect(text).toContain("（2026年11月）");
    expect(text).toContain("—1—");
    expect(text).toContain(`—${pages}—`);
    // Footers interrupt paragraphs that run over a page; the checks below read the text without them.
    const flowing = text.replace(/—\d+—/g, "");

    // Overview sentence and table 1.
    const overview = between(flowing, "一、总体情况", "二、");
    for (const phrase of [
      `任务${o.tasks}项，已完成${o.tasksDone}项，长期坚持${o.tasksStanding}项，任务完成率${pct(o.taskRate)}`,
      `${expected.units.length}个责任单位、责任分工${o.assignments}项，已完成${o.assignmentsDone}项，分工完成率${pct(o.assignmentRate)}`,
      `逾期任务${o.overdueTasks}项，逾期分工${o.overdueAssignments}项，即将到期任务${o.dueSoonTasks}项`,
      `任务总数${o.tasks}责任分工总数${o.assignments}`,
      `已完成任务数${o.tasksDone}已完成分工数${o.assignmentsDone}`,
      `任务完成率${pct(o.taskRate)}分工完成率${pct(o.assignmentRate)}`,
      `逾期任务数${o.overdueTasks}即将到期任务数${o.dueSoonTasks}`,
    ])
      expect(overview).toContain(phrase);

    // Table 2: one row per unit with the roll-up's figures, rates from high to low.
    const ranking = between(flowing, "表2", "图1");
    const rows = expected.units.map((u) => {
      const row = `${u.unit}${u.tasks}${u.leads}${u.counts.已完成}${u.counts.长期坚持}${pct(u.rate)}${u.overdue}${u.counts.未填报}`;
      const at = ranking.indexOf(row);
      expect({ unit: u.unit, found: at >= 0 }).toEqual({ unit: u.unit, found: true });
      // The CLI prints the same rate for the unit.
      expect(cli.split("\n").find((l) => l.startsWith(`${u.unit} `))?.trim().endsWith(pct(u.rate))).toBe(true);
      return { at, rate: u.rate ?? -1 };
    });
    const inOrder = [...rows].sort((a, b) => a.at - b.at).map((r) => r.rate);
    expect(inOrder).toEqual([...inOrder].sort((a, b) => b - a));

    // Chart 1: every unit with its rate; chart 2: the archived periods.
    const chart = between(flowing, "图1", "图2");
    for (const u of expected.units) expect(chart).toContain(`${u.unit}${pct(u.rate)}`);
    const trend = between(flowing, "图2", "三、");
    expect(trend).toContain(`2026年9月${pct(september.overall.rate)}2026年10月${pct(october.overall.rate)}`);

    // Overdue tasks with their lead and supporting units.
    const overdue = between(flowing, "三、逾期任务", "四、");
    const overdueTasks = expected.tasks.filter((x) => x.overdue);
    expect(overdue).toContain(`逾期任务${overdueTasks.length}项`);
    for (const x of overdueTasks) {
      const task = t.list.tasks.find((k) => k.id === x.id)!;
      expect(overdue).toContain(`${task.id}${squeeze(task.text)}`);
      const after = overdue.slice(overdue.indexOf(squeeze(task.text)));
      expect(after).toContain(`${x.status}${task.units[0]}${task.units.slice(1).join("、") || "—"}`);
    }

    // Units that did not report, and only those.
    const silent = between(flowing, "四、未填报单位", "五、");
    for (const u of expected.units) {
      const mentioned = new RegExp(`[：、]${u.unit.replace(/[()]/g, "\\$&")}（`).test(silent);
      expect({ unit: u.unit, mentioned }).toEqual({ unit: u.unit, mentioned: u.counts.未填报 > 0 });
    }

    // Per task: the lead's report first, then the supporting units', with progress, problems and next steps.
    const progress = between(flowing, "五、各项任务进展");
    let cursor = 0;
    for (const task of t.list.tasks) {
      const start = progress.indexOf(`${task.id}.${squeeze(task.text)}`, cursor);
      expect({ task: task.id, found: start >= 0 }).toEqual({ task: task.id, found: true });
      cursor = start;
      const next = t.list.tasks.find((k) => k.id > task.id);
      const end = next ? progress.indexOf(`${next.id}.${squeeze(next.text)}`, start) : progress.length;
      const part = progress.slice(start, end);
      const order = task.units.map((u, i) => part.indexOf(`${u}（${i === 0 ? "牵头" : "配合"}）`));
      expect({ task: task.id, order }).toEqual({ task: task.id, order: [...order].sort((a, b) => a - b).map((v) => (v < 0 ? NaN : v)) });
      for (const u of task.units) {
        const r = t.reports.get(reportKey(task.id, u));
        const line = part.slice(part.indexOf(`${u}（`));
        expect(line.startsWith(`${u}（${u === task.units[0] ? "牵头" : "配合"}）：${r?.status || "未填报"}`)).toBe(true);
        if (r?.progress) expect(line).toContain(`本期进展：${r.progress}`);
        if (r?.problems) expect(line).toContain(`存在问题：${r.problems}`);
        if (r?.nextSteps) expect(line).toContain(`下步计划：${r.nextSteps}`);
      }
    }
    expect(readFileSync(docx).length).toBeGreaterThan(1000);
  });
});
