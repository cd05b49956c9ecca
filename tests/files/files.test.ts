import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { AUTHORITY_META_KEY, parseAuthority } from "../../src/blueprint/copy-authority";
import { TaskListError } from "../../src/domain/task-list-error";
import { archiveTracker } from "../../src/files/archive-tracker-file";
import { buildTrackerFile } from "../../src/files/build-tracker-file";
import { copiesZip, signCopies } from "../../src/files/export-copies";
import { loadTrackerBytes } from "../../src/files/loaded-tracker";
import { mergeTracker, returnInputsFromBytes } from "../../src/files/merge-tracker-file";
import { reportDocxFile } from "../../src/files/report-file";
import { composeDraft } from "../../src/mail/compose";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { LIMITS } from "../../src/xlsx/zip-guard";
import { seedText } from "../support/seed";

const NOW = new Date(2026, 11, 1, 9, 5, 42);
const LATER = new Date(2026, 11, 1, 9, 6, 3);
const builtin = { fileName: "jiangxi-vocational-education-tasks.txt", content: seedText() };

async function built() {
  return buildTrackerFile(builtin, { trackerId: "FILES", now: NOW });
}

/** A copy as a unit returns it: 完成状态 typed on the rows of the given tasks. */
async function filledCopy(data: Uint8Array, tasks: number[], status: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  wb.worksheets.forEach((ws) =>
    ws.eachRow((row) => {
      if (tasks.includes(row.getCell(1).value as number)) row.getCell(7).value = status;
    }),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("the shared file functions (src/files) the CLI and web.html both call", () => {
  it("build: the same list, id and minute give the same bytes; a later minute does not", async () => {
    const a = await built();
    const b = await buildTrackerFile(builtin, { trackerId: "FILES", now: new Date(2026, 11, 1, 9, 5, 2) });
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
    const c = await buildTrackerFile(builtin, { trackerId: "FILES", now: LATER });
    expect(Buffer.from(a.data).equals(Buffer.from(c.data))).toBe(false);
    expect(a.fileName).toBe("江西省工作任务清单-跟踪表.xlsx");
    expect([a.list.tasks.length, a.list.units.length, a.sheets]).toEqual([50, 37, 41]);

    const zip = await JSZip.loadAsync(a.data);
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${new Date(2026, 11, 1, 9, 5).toISOString().replace(".000", "")}</dcterms:created>`);
    const read = await readTrackerFile(a.data);
    expect([read.meta.trackerId, read.meta.generatedAt]).toEqual(["FILES", "2026-12-01 09:05"]);
  });

  it("build: a list with problems is refused with the line, as the CLI refuses it", async () => {
    const attempt = buildTrackerFile({ fileName: "清单.txt", content: "序号\t政策内容\n1\t没有责任部门" }, { trackerId: "X", now: NOW });
    await expect(attempt).rejects.toThrow(TaskListError);
    await expect(attempt).rejects.toThrow("第 1 行：表头“序号 / 政策内容”中没有责任单位列");
  });

  it("export: signed copies, a stored .zip dated the export's minute, and a master that knows them", async () => {
    const tracker = await loadTrackerBytes((await built()).data, "t.xlsx");
    const steps: string[] = [];
    const signed = await signCopies(tracker, ["省财政厅", "省外办"], { now: NOW, onCopy: (d, t, u) => steps.push(`${d}/${t} ${u}`) });
    expect(steps).toEqual(["1/2 省财政厅", "2/2 省外办"]);
    expect([signed.exportedAt, signed.period]).toEqual(["2026-12-01 09:05", "2026年12月"]);
    const master = await readTrackerFile(signed.master);
    expect(Object.keys(parseAuthority(master.meta.extra[AUTHORITY_META_KEY])!.exports).sort()).toEqual(["省外办", "省财政厅"]);

    const zip = await JSZip.loadAsync(await copiesZip(signed.copies, NOW));
    expect(Object.keys(zip.files)).toEqual(["江西省工作任务清单-省财政厅-填报.xlsx", "江西省工作任务清单-省外办-填报.xlsx"]);
    expect(Buffer.from(await zip.file("江西省工作任务清单-省外办-填报.xlsx")!.async("uint8array")).equals(Buffer.from(signed.copies[1].data))).toBe(true);
  });

  it("merge: a copy, a reply email and refusals (no attachment, oversize) land in 合并记录; same inputs and time, same bytes", async () => {
    const tracker = await loadTrackerBytes((await built()).data, "t.xlsx");
    const signed = await signCopies(tracker, ["省财政厅", "省外办"], { now: NOW });
    const master = await loadTrackerBytes(signed.master, "t.xlsx");
    const finance = await filledCopy(signed.copies[0].data, [14], "已完成");
    const foreign = await filledCopy(signed.copies[1].data, [12], "推进中");
    const reply = composeDraft({ to: ["a@b.test"], cc: [], subject: "回复", text: "已填", attachment: { filename: "省外办-填报.xlsx", content: foreign }, date: new Date(NOW), messageId: "reply.1@test" });
    const files = [
      { name: "财政.xlsx", data: finance },
      { name: "回复.eml", data: new Uint8Array(reply) },
      { name: "收到.eml", data: new Uint8Array(Buffer.from("Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nok\r\n")) },
      { name: "巨大.xlsx", data: new Uint8Array(LIMITS.fileBytes + 1) },
    ];
    const inputs = files.map((f) => returnInputsFromBytes(f.name, f.data));
    expect(inputs.flatMap((i) => i.inputs.map((x) => x.source))).toEqual(["财政.xlsx", "回复.eml/省外办-填报.xlsx"]);
    expect(inputs.flatMap((i) => i.refused.map((r) => r.reason))).toEqual([expect.stringContaining("没有 .xlsx 附件"), expect.stringContaining("超过 20 MB 上限")]);

    const progress: string[] = [];
    const run = () => mergeTracker(master, inputs.flatMap((i) => i.inputs), inputs.flatMap((i) => i.refused), { now: NOW, onFile: (d, t) => progress.push(`${d}/${t}`) });
    const merged = await run();
    expect(progress).toEqual(["1/2", "2/2"]);
    expect(merged.outcome.files.map((f) => [f.source, f.updated.length])).toEqual([
      ["财政.xlsx", 1],
      ["回复.eml/省外办-填报.xlsx", 1],
    ]);
    expect(Buffer.from((await run()).data).equals(Buffer.from(merged.data))).toBe(true);
    const back = await readTrackerFile(merged.data);
    expect(back.assignments.find((a) => a.taskId === 14 && a.unit === "省财政厅")!.report.status).toBe("已完成");
    expect(back.assignments.find((a) => a.taskId === 12 && a.unit === "省外办")!.report.status).toBe("推进中");
    const log = back.mergeLog.map((r) => r.join("|"));
    expect(log.filter((r) => r.includes("收到.eml") && r.includes("没有 .xlsx 附件"))).toHaveLength(1);
    expect(log.filter((r) => r.includes("巨大.xlsx"))).toHaveLength(1);
    expect(log.every((r) => r.startsWith("2026-12-01 09:05"))).toBe(true);
  });

  it("archive: the period's roll-up goes to 历次汇总; again the same period replaces it", async () => {
    const tracker = await loadTrackerBytes((await built()).data, "t.xlsx");
    const once = await archiveTracker(tracker, { now: NOW, today: "2026-12-01" });
    expect([once.period, once.periods]).toEqual(["2026年12月", 1]);
    const again = await archiveTracker(await loadTrackerBytes(once.data, "t.xlsx"), { now: LATER, period: "2026年12月" });
    expect(again.periods).toBe(1);
    const other = await archiveTracker(await loadTrackerBytes(again.data, "t.xlsx"), { now: LATER, period: "2027年1月" });
    expect(other.periods).toBe(2);
  });

  it("report: the .docx is the CLI's `report --docx` for the same tracker and date", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "files-report-"));
    const file = path.join(dir, "t.xlsx");
    const data = (await built()).data;
    writeFileSync(file, data);
    const out = path.join(dir, "r.docx");
    await main(["report", file, "--docx", out, "--date", "2026-12-01"], () => undefined);
    const web = await reportDocxFile(data, "2026-12-01");
    expect(web.fileName).toBe("江西省工作任务清单进展情况通报-2026-12-01.docx");
    expect(Buffer.from(web.data).equals(readFileSync(out))).toBe(true);
    expect(web.report.rollup.overall.assignments).toBe(171);
  });
});
