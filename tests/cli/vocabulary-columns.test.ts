import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { unitCopyFileName } from "../../src/blueprint";
import { UNIT_HEADER_ROW } from "../../src/blueprint/layout";
import { describeFailure, main } from "../../src/cli/main";
import { parseTaskList } from "../../src/domain";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { COL, editWorkbook, typeInto } from "../xlsx/hostile-returns";
import { seedText } from "../support/seed";

async function runCli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join("\n") };
}

const UNIT = "省教育厅";
const SCHEDULE_HEADERS = ["完成状态", "完成情况", "存在困难", "下步打算", "佐证材料", "责任人", "填报日期"];
const DEFAULT_HEADERS = ["完成状态", "本期进展情况", "存在问题", "下步计划", "佐证材料", "填报人", "填报日期"];

const headersOf = (ws: ExcelJS.Worksheet) => (ws.getRow(UNIT_HEADER_ROW).values as unknown[]).slice(COL.status, COL.reportDate + 1);

async function load(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** A schedule-preset tracker and one unit's copy, with the ids of that unit's first tasks. */
async function scheduleTracker() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cli-columns-"));
  const tasksFile = path.join(dir, "清单.txt");
  writeFileSync(tasksFile, seedText());
  const list = parseTaskList(seedText(), { name: "清单" });
  const ids = list.tasks.filter((t) => t.units.includes(UNIT)).map((t) => t.id);
  const tracker = path.join(dir, "tracker.xlsx");
  expect((await runCli(["build", "--tasks", tasksFile, "--out", tracker, "--vocabulary", "schedule"])).code).toBe(0);
  expect((await runCli(["export", tracker, "--unit", UNIT, "--out", path.join(dir, "copies")])).code).toBe(0);
  return { dir, tracker, ids, copy: path.join(dir, "copies", unitCopyFileName(list.name, UNIT)) };
}

const fill = (ids: number[]) =>
  [
    [ids[0], "progress", "已完成年度目标的八成"],
    [ids[0], "problems", "资金到位慢"],
    [ids[0], "nextSteps", "下季度验收"],
    [ids[0], "reporter", "王五"],
    [ids[1], "progress", "方案已印发"],
  ] as Array<[number, keyof typeof COL, ExcelJS.CellValue]>;

describe("report columns named by the tracker's vocabulary", () => {
  it("a schedule-preset tracker and its copy show 完成情况/存在困难/下步打算, and a filled copy merges back", async () => {
    const { dir, tracker, ids, copy } = await scheduleTracker();
    const master = await load(readFileSync(tracker));
    const sheetOf = async (file: string) => (await readTrackerFile(readFileSync(file))).meta.units.find((u) => u.unit === UNIT)!.sheet;
    expect(headersOf(master.getWorksheet(await sheetOf(tracker))!)).toEqual(SCHEDULE_HEADERS);
    const copyBook = await load(readFileSync(copy));
    expect(headersOf(copyBook.worksheets[0])).toEqual(SCHEDULE_HEADERS);
    expect(copyBook.getWorksheet("填报说明")!.getColumn(1).values.join("\n")).toContain(`只需填写浅黄色的列：${SCHEDULE_HEADERS.join("、")}。`);

    writeFileSync(copy, await typeInto(readFileSync(copy), fill(ids)));
    const out = path.join(dir, "merged.xlsx");
    expect((await runCli(["merge", tracker, copy, "--out", out])).code).toBe(0);
    const read = await readTrackerFile(readFileSync(out));
    const reportOf = (id: number) => read.assignments.find((a) => a.taskId === id && a.unit === UNIT)!.report;
    expect(reportOf(ids[0])).toMatchObject({ progress: "已完成年度目标的八成", problems: "资金到位慢", nextSteps: "下季度验收", reporter: "王五" });
    expect(reportOf(ids[1]).progress).toBe("方案已印发");
    expect(read.issues).toEqual([]);
    // 合并记录 names the fields as the tracker's sheets do.
    const fields = read.mergeLog.map((r) => r[9]).filter(Boolean);
    expect(fields).toContain("完成情况");
    expect(fields).not.toContain("本期进展情况");
    // The regenerated sheet keeps the office's names.
    expect(headersOf((await load(readFileSync(out))).getWorksheet(await sheetOf(out))!)).toEqual(SCHEDULE_HEADERS);
  });

  it("a copy still headed with the default names (exported before the rename) reads the same", async () => {
    const { dir, tracker, ids, copy } = await scheduleTracker();
    const filled = await typeInto(readFileSync(copy), fill(ids));
    const old = await editWorkbook(filled, (wb) => {
      const row = wb.worksheets[0].getRow(UNIT_HEADER_ROW);
      DEFAULT_HEADERS.forEach((h, i) => (row.getCell(COL.status + i).value = h));
    });
    expect(headersOf((await load(old)).worksheets[0])).toEqual(DEFAULT_HEADERS);
    writeFileSync(copy, old);
    const out = path.join(dir, "merged.xlsx");
    expect((await runCli(["merge", tracker, copy, "--out", out])).code).toBe(0);
    const read = await readTrackerFile(readFileSync(out));
    expect(read.assignments.find((a) => a.taskId === ids[0] && a.unit === UNIT)!.report).toMatchObject({ progress: "已完成年度目标的八成", nextSteps: "下季度验收", reporter: "王五" });
  });

  it("names a lost column as the tracker shows it and refuses, never blanks, its values", async () => {
    const { ids, copy } = await scheduleTracker();
    const filled = await typeInto(readFileSync(copy), fill(ids));
    writeFileSync(copy, await editWorkbook(filled, (wb) => void (wb.worksheets[0].getRow(UNIT_HEADER_ROW).getCell(COL.problems).value = "困难")));
    const read = await readTrackerFile(readFileSync(copy));
    expect(read.issues.map((i) => i.message).join("\n")).toContain("找不到“存在困难”列（可能被改名或删除）");
    expect(read.assignments.find((a) => a.taskId === ids[0])!.refused?.problems).toContain("存在困难");
    expect(read.assignments.find((a) => a.taskId === ids[0])!.report.progress).toBe("已完成年度目标的八成");
  });

  it("refuses a vocabulary whose column name takes another column's, before writing anything", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cli-columns-"));
    const file = path.join(dir, "本厅.json");
    const meanings = ["notStarted", "progress", "done", "late", "standing"];
    writeFileSync(
      file,
      JSON.stringify({
        name: "本厅",
        statuses: ["未动", "在办", "办完", "拖了", "常抓"].map((word, i) => ({ word, meaning: meanings[i] })),
        reportColumns: [
          { field: "progress", name: "完成情况", required: true },
          { field: "problems", name: "下步计划" },
        ],
      }),
    );
    const out = path.join(dir, "t.xlsx");
    const failure = await runCli(["build", "--out", out, "--vocabulary", file]).then(
      () => "",
      (e: unknown) => describeFailure(e),
    );
    expect(failure).toContain("把报送列“存在问题”改名为“下步计划”，与单位表的“下步计划”列重名；请在用语文件的 reportColumns 中换一个列名。");
    expect(existsSync(out)).toBe(false);
  });
});
