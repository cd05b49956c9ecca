import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { buildBlueprint, buildUnitCopy } from "../../src/blueprint";
import { AUTHORITY_META_KEY } from "../../src/blueprint/copy-authority";
import { parseArgs } from "../../src/cli/args";
import { mergeCommand } from "../../src/cli/merge-command";
import { Report, parseTaskList, reportKey } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { mergeReturnFiles } from "../../src/excel/merge-returns";
import { readMasterState } from "../../src/excel/tracker-reports";
import { columnLetter } from "../../src/blueprint/a1";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { buildOptions, newHost, usedValues } from "../support/excel-host-helpers";
import { seedText } from "../support/seed";
import {
  editWorkbook,
  encryptedWorkbook,
  inflatingEntry,
  lyingEntry,
  odsFile,
  rowOf,
  setMeta,
  typeInto,
  wholeSheetMerge,
  wholeSheetValidation,
  xlsbFile,
} from "../xlsx/hostile-returns";

const source = seedText();
const list = parseTaskList(source);
const TRACKER = "H1";
const EXPORTED = "2026-12-01 09:00";

/** What the master holds before the returns come in (reports the hostile files must not erase). */
const MASTER_EDITS: Array<[string, number, Partial<Report>]> = [
  ["省教育厅", 26, { status: "已完成", progress: "全部达标" }],
  ["省人力资源社会保障厅", 4, { problems: "原有问题" }],
  ["各市、县(市、区)人民政府", 2, { problems: "县里的问题" }],
];

/** Every change a correct merge makes; everything else must stay as it was. */
const EXPECTED_CHANGES: Array<[string, number, Partial<Report>]> = [
  ["省外办", 12, { status: "已完成" }],
  ["团省委", 6, { status: "推进中" }],
  ["省国资委", 4, { status: "已完成" }],
  ["省工商联", 36, { status: "推进中" }],
  ["省发展改革委", 3, { status: "已完成" }],
  ["省人力资源社会保障厅", 4, { status: "推进中" }],
  ["各市、县(市、区)人民政府", 2, { status: "已完成" }],
  ["省自然资源厅", 17, { status: "已完成" }],
  ["省委编办", 10, { status: "已完成" }],
  ["省委编办", 18, { status: "推进中" }],
  ["省科技厅", 10, { status: "已完成" }],
  ["省扶贫办", 15, { status: "已完成" }],
];

/** File → the words its refusal must contain. */
const REFUSED: Record<string, string> = {
  "伪造单位.xlsx": "“省教育厅”的填报表（文件 伪造单位.xlsx）未通过校验",
  "伪造基线.xlsx": "“省财政厅”的填报表（文件 伪造基线.xlsx）未通过校验",
  "改成整表.xlsx": "是一份完整的跟踪表",
  "压缩炸弹.xlsx": "超过上限 48 MB",
  "谎报大小.xlsx": "实际大小超过其声明的大小",
  "十万垃圾行.xlsx": "超过上限 1100 行",
  "无校验码.xlsx": "没有校验码（由旧版本导出）",
  "上期旧表.xlsx": "这是 2026年11月 的填报表",
  "加密.xlsx": "设置了打开密码",
  "改名的ods.xlsx": "OpenDocument",
  "二进制.xlsx": ".xlsb",
};

async function fixtures(copy: (unit: string) => Uint8Array, key: string): Promise<Array<{ name: string; data: Uint8Array }>> {
  const out: Array<{ name: string; data: Uint8Array }> = [];
  const add = (name: string, data: Uint8Array) => out.push({ name, data });
  add("正常.xlsx", await typeInto(copy("省外办"), [[12, "status", "已完成"]]));
  add("伪造单位.xlsx", await editWorkbook(await typeInto(copy("省委组织部"), [[1, "status", "已完成"]]), (wb) => setMeta(wb, "unit", "省教育厅")));
  add(
    "伪造基线.xlsx",
    // Baseline claims the master already had 已完成, so that a later real return would lose a "conflict".
    await editWorkbook(await typeInto(copy("省财政厅"), [[14, "status", "已完成"]]), (wb) => setMeta(wb, "baseline", JSON.stringify({ "14|省财政厅": { status: "已完成" } }))),
  );
  add(
    "多一张单位表.xlsx",
    await editWorkbook(await typeInto(copy("团省委"), [[6, "status", "推进中"]]), (wb) => {
      const ws = wb.addWorksheet("省教育厅");
      ws.addRow(["省教育厅"]);
      ws.addRow(["序号", "政策内容", "本单位角色", "其他责任单位", "完成时限", "截止日期", "完成状态", "本期进展情况"]);
      ws.addRow([26, "", "牵头", "", "", "", "未启动", "被别的单位改了"]);
      wb.getWorksheet("_meta")!.addRow(["省教育厅", "省教育厅", 45]);
    }),
  );
  add("改成整表.xlsx", await editWorkbook(await typeInto(copy("省总工会"), [[5, "status", "已完成"]]), (wb) => setMeta(wb, "kind", "master")));
  add("整表合并单元格.xlsx", await wholeSheetMerge(await typeInto(copy("省国资委"), [[4, "status", "已完成"]])));
  add("整表数据验证.xlsx", await wholeSheetValidation(await typeInto(copy("省工商联"), [[36, "status", "推进中"]])));
  add("压缩炸弹.xlsx", await inflatingEntry(copy("有关行业主管部门"), 100));
  add("谎报大小.xlsx", await lyingEntry(copy("各市人民政府"), 100));
  add("超长文本.xlsx", await typeInto(copy("省发展改革委"), [[3, "status", "已完成"], [3, "progress", "长".repeat(40_000)]]));
  add("公式.xlsx", await typeInto(copy("省人力资源社会保障厅"), [[4, "status", "推进中"], [4, "problems", { formula: '""' } as ExcelJS.CellFormulaValue]]));
  add(
    "改了列名.xlsx",
    await editWorkbook(await typeInto(copy("各市、县(市、区)人民政府"), [[2, "status", "已完成"], [2, "problems", ""]]), (wb) => (wb.worksheets[0].getCell("I2").value = "存在的问题")),
  );
  add(
    "重复序号.xlsx",
    await editWorkbook(await typeInto(copy("省自然资源厅"), [[17, "status", "已完成"]]), (wb) => {
      const ws = wb.worksheets[0];
      const values = Array.from((rowOf(ws, 9).values as ExcelJS.CellValue[]).slice(1));
      values[6] = "已完成";
      ws.addRow(values);
      rowOf(ws, 9).getCell(7).value = "滞后";
    }),
  );
  add(
    "全角序号.xlsx",
    await editWorkbook(await typeInto(copy("省委编办"), [[10, "status", "已完成"], [18, "status", "推进中"]]), (wb) => {
      rowOf(wb.worksheets[0], 10).getCell(1).value = "１０";
      rowOf(wb.worksheets[0], 18).getCell(1).value = "18.";
    }),
  );
  add("错误日期.xlsx", await typeInto(copy("省科技厅"), [[10, "status", "已完成"], [10, "reportDate", "2026-02-30"]]));
  add(
    "十万垃圾行.xlsx",
    await editWorkbook(copy("省工业和信息化厅"), (wb) => {
      for (let i = 0; i < 100_000; i++) wb.worksheets[0].getCell(10 + i, 1).value = 1000 + i;
    }),
  );
  add(
    "一千个陌生序号.xlsx",
    await editWorkbook(await typeInto(copy("省扶贫办"), [[15, "status", "已完成"]]), (wb) => {
      for (let i = 0; i < 1000; i++) wb.worksheets[0].addRow([100 + i, "", "", "", "", "", "已完成"]);
    }),
  );
  add("无校验码.xlsx", await writeXlsxBuffer(buildUnitCopy(list, "省退役军人厅", { trackerId: TRACKER, exportedAt: EXPORTED })));
  add("上期旧表.xlsx", await writeXlsxBuffer(buildUnitCopy(list, "省农业农村厅", { trackerId: TRACKER, exportedAt: "2026-11-01 09:00", copyKey: key })));
  add("加密.xlsx", encryptedWorkbook());
  add("改名的ods.xlsx", await odsFile());
  add("二进制.xlsx", await xlsbFile());
  return out;
}

function expectedReports(before: ReadonlyMap<string, Report>): Map<string, Report> {
  const out = new Map(before);
  for (const [unit, id, change] of EXPECTED_CHANGES) out.set(reportKey(id, unit), { ...out.get(reportKey(id, unit))!, ...change });
  return out;
}

describe("hostile and careless returns, through the add-in and the CLI: each refused or merged correctly, no other unit's report changes", () => {
  let setup: { host: ReturnType<typeof newHost>; files: Array<{ name: string; data: Uint8Array }>; before: Map<string, Report>; authority: string };

  beforeAll(async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: TRACKER, listSource: source })));
    const state = await host.run((ctx) => readMasterState(ctx));
    await host.run(async (ctx) => {
      for (const [unit, id, change] of MASTER_EDITS) {
        const at = state.cells.get(reportKey(id, unit))!;
        const col = state.statusColumn.get(at.sheet)!;
        const report = { ...state.reports.get(reportKey(id, unit))!, ...change };
        const values = [[report.status, report.progress, report.problems]];
        ctx.workbook.worksheets.getItem(at.sheet).getRange(`${columnLetter(col)}${at.row}:${columnLetter(col + 2)}${at.row}`).values = values;
      }
      await ctx.sync();
    });
    const copies = await host.run((ctx) => makeUnitCopies(ctx, "all", EXPORTED));
    const exported = await host.run((ctx) => readMasterState(ctx));
    const authority = exported.meta.extra[AUTHORITY_META_KEY];
    const files = await fixtures((unit) => copies.find((c) => c.unit === unit)!.data, JSON.parse(authority).key);
    setup = { host, files, before: exported.reports, authority };
  }, 120_000);

  it("the add-in's merge", async () => {
    const { host, files, before } = setup;
    const result = await host.run((ctx) => mergeReturnFiles(ctx, files, "2026-12-05 10:00"));
    expect(Object.fromEntries(result.refused.map((r) => [r.source, r.reason]))).toEqual(Object.fromEntries(Object.entries(REFUSED).map(([k, v]) => [k, expect.stringContaining(v)])));
    expect((await host.run((ctx) => readMasterState(ctx))).reports).toEqual(expectedReports(before));

    const log = await usedValues(host, "合并记录");
    expectLog(log.map((r) => r.map(String)));
  }, 120_000);

  it("the CLI's merge (with a 2 GB file among the returns)", async () => {
    const { files, before, authority } = setup;
    const dir = mkdtempSync(path.join(os.tmpdir(), "hostile-"));
    const tracker = path.join(dir, "tracker.xlsx");
    const reports = new Map([...before].filter(([, r]) => Object.values(r).some((v) => v !== "")));
    writeFileSync(tracker, await writeXlsxBuffer(buildBlueprint(list, { trackerId: TRACKER, generatedAt: "2026-12-01 09:00", listSource: source, reports, copyAuthority: authority })));
    const paths = files.map((f) => {
      const p = path.join(dir, f.name);
      writeFileSync(p, f.data);
      return p;
    });
    // Sparse: 2.1 GB on paper, nothing on disk. Read into memory it would abort the merge.
    const huge = path.join(dir, "两个G.xlsx");
    writeFileSync(huge, "");
    truncateSync(huge, 2200 * 1024 * 1024);
    const out = path.join(dir, "merged.xlsx");
    const result = await mergeCommand(parseArgs([tracker, ...paths, huge, "--out", out]));
    expect(Object.fromEntries(result.refused.map((r) => [r.source, r.reason]))).toEqual(
      Object.fromEntries(Object.entries({ ...REFUSED, "两个G.xlsx": "超过 20 MB 上限" }).map(([k, v]) => [k, expect.stringContaining(v)])),
    );
    const merged = await readTrackerFile(readFileSync(out));
    const after = new Map(before);
    for (const a of merged.assignments) after.set(reportKey(a.taskId, a.unit), a.report);
    expect(after).toEqual(expectedReports(before));
    expectLog(merged.mergeLog);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 120_000);
});

/** What 合并记录 must say about this batch, however the merge was run. */
function expectLog(log: string[][]): void {
  const rows = (type: string, file?: string) => log.filter((r) => r[3] === type && (file === undefined || r[1] === file));
  expect(rows("拒收文件").map((r) => r[1]).sort()).toEqual(expect.arrayContaining(Object.keys(REFUSED).sort()));
  // Every key written: 序号 × unit × field, old → new.
  expect(rows("更新").map((r) => `${r[8]}|${r[2]}|${r[9]}|${r[10]}→${r[11]}`).sort()).toEqual(
    EXPECTED_CHANGES.map(([unit, id, change]) => `${id}|${unit}|完成状态|→${change.status}`).sort(),
  );
  expect(rows("拒收", "超长文本.xlsx").map((r) => [r[8], r[9]])).toEqual([["3", "本期进展情况"]]);
  expect(rows("拒收", "公式.xlsx").map((r) => [r[8], r[9]])).toEqual([["4", "存在问题"]]);
  expect(rows("拒收", "改了列名.xlsx").map((r) => r[9])).toEqual(["存在问题"]);
  expect(rows("提示", "改了列名.xlsx")[0][12]).toContain("找不到“存在问题”列");
  expect(rows("拒收", "重复序号.xlsx")[0][12]).toContain("序号 9 出现了 2 次");
  expect(rows("拒收", "错误日期.xlsx")[0][12]).toContain("填报日期“2026-02-30”不是有效的日期");
  expect(rows("提示", "多一张单位表.xlsx")[0][12]).toContain("单位副本只能填报本单位，已忽略");
  // 1,000 junk rows: one summarised log row.
  expect(rows("拒收", "一千个陌生序号.xlsx").map((r) => r[7])).toEqual(["1000"]);
}
