import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { unitCopyFileName } from "../../src/blueprint";
import { SHEET, SUMMARY_UNIT_HEADER_ROW } from "../../src/blueprint/layout";
import { describeFailure, main } from "../../src/cli/main";
import { KEY, PRESETS, parseTaskList, wordsOf } from "../../src/domain";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { rowOf, typeInto } from "../xlsx/hostile-returns";
import { seedText } from "../support/seed";

async function runCli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join("\n") };
}

const UNIT = "省教育厅";

describe("build --vocabulary, then export, a return in synonyms and old words, merge and report", () => {
  it("keeps the office's words through every step and reads synonyms without guessing unknown words", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cli-vocab-"));
    const tasksFile = path.join(dir, "清单.txt");
    writeFileSync(tasksFile, seedText());
    const list = parseTaskList(seedText(), { name: "清单" });
    const ids = list.tasks.filter((t) => t.units.includes(UNIT)).map((t) => t.id);
    const tracker = path.join(dir, "tracker.xlsx");

    const built = await runCli(["build", "--tasks", tasksFile, "--out", tracker, "--vocabulary", "schedule"]);
    expect(built.code).toBe(0);
    expect((await readTrackerFile(readFileSync(tracker))).meta.extra.vocabulary).toBe("schedule");

    const exported = await runCli(["export", tracker, "--unit", UNIT, "--out", path.join(dir, "copies")]);
    expect(exported.code).toBe(0);
    const copy = path.join(dir, "copies", unitCopyFileName(list.name, UNIT));
    const copyBook = new ExcelJS.Workbook();
    await copyBook.xlsx.load(readFileSync(copy) as unknown as ArrayBuffer);
    // The copy's dropdown offers the office's words; its period follows the quarterly cadence.
    const model = (copyBook.worksheets[0] as unknown as { dataValidations: { model: Record<string, { formulae?: string[] }> } }).dataValidations.model;
    expect(Object.values(model).map((v) => v.formulae)).toContainEqual([`"${wordsOf(PRESETS.schedule).join(",")}"`]);
    expect(copyBook.getWorksheet("填报说明")!.getColumn(1).values.join("\n")).toMatch(/本表为 2026年第[一二三四]季度 的填报表/);

    writeFileSync(
      copy,
      await typeInto(readFileSync(copy), [
        [ids[0], "status", "按序时推进"], // a synonym of this vocabulary
        [ids[1], "status", "滞后"], // our old word
        [ids[2], "status", " 已 完成 "], // the word, typed loosely
        [ids[3], "status", "已办结"], // another preset's word
        [ids[4], "status", "差不多了"], // not a status: reported, not guessed
      ]),
    );
    const out = path.join(dir, "merged.xlsx");
    const merged = await runCli(["merge", tracker, copy, "--out", out]);
    expect(merged.out).toContain(`已合并到 / merged into: ${out}`);

    const read = await readTrackerFile(readFileSync(out));
    expect(read.meta.extra.vocabulary).toBe("schedule");
    const statusOf = (id: number) => read.assignments.find((a) => a.taskId === id && a.unit === UNIT)!.report.status;
    expect(ids.slice(0, 5).map(statusOf)).toEqual([KEY.progress, KEY.late, KEY.done, KEY.done, ""]);
    const log = read.mergeLog.map((r) => r.join(" ")).join("\n");
    expect(log).toContain("差不多了");

    // The merged tracker's cells hold this vocabulary's words, never ours.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet(read.meta.units.find((u) => u.unit === UNIT)!.sheet)!;
    expect(ids.slice(0, 4).map((id) => rowOf(sheet, id).getCell(7).value)).toEqual(["序时推进", "进度滞后", "已完成", "已完成"]);
    const summaryHeader = (book.getWorksheet(SHEET.summary)!.getRow(SUMMARY_UNIT_HEADER_ROW).values as unknown[]).slice(1);
    expect(summaryHeader.slice(4, 9)).toEqual(wordsOf(PRESETS.schedule));

    const report = await runCli(["report", out, "--today", "2026-11-30"]);
    expect(report.code).toBe(0);
    for (const word of wordsOf(PRESETS.schedule)) expect(report.out).toContain(word);
    expect(report.out).not.toContain("推进中");
  });

  it("refuses an unknown preset and a bad vocabulary file, saying what to fix", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cli-vocab-"));
    const failure = (args: string[]) => runCli(args).then(() => "", (e: unknown) => describeFailure(e));
    expect(await failure(["build", "--out", path.join(dir, "t.xlsx"), "--vocabulary", "mine"])).toBe(
      "错误 / error: --vocabulary “mine”既不是预设（ours、schedule、handling），也不是 .json 文件。 / not a preset or a .json file.",
    );
    const file = path.join(dir, "本厅.json");
    writeFileSync(file, JSON.stringify({ statuses: [{ word: "办完", meaning: "done" }] }));
    const invalid = await failure(["build", "--out", path.join(dir, "t.xlsx"), "--vocabulary", file]);
    expect(invalid).toContain("错误 / error: 词汇定义有 4 处问题：");
    expect(invalid).toContain("没有含义为 notStarted（相当于“未启动”）的状态；请补上一个。");
    expect(existsSync(path.join(dir, "t.xlsx"))).toBe(false);
  });

  it("builds with a custom vocabulary file and keeps it in the tracker", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cli-vocab-"));
    const file = path.join(dir, "本厅.json");
    const words = ["未动", "在办", "办完", "拖了", "常抓"];
    const meanings = ["notStarted", "progress", "done", "late", "standing"];
    writeFileSync(file, JSON.stringify({ name: "本厅", statuses: words.map((word, i) => ({ word, meaning: meanings[i] })), cadence: "双月" }));
    const tracker = path.join(dir, "t.xlsx");
    expect((await runCli(["build", "--out", tracker, "--vocabulary", file])).code).toBe(0);
    const stored = JSON.parse((await readTrackerFile(readFileSync(tracker))).meta.extra.vocabulary);
    expect(stored.statuses.map((s: { word: string }) => s.word)).toEqual(words);
    expect(stored.cadence).toBe("双月");
  });
});
