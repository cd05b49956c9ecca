import ExcelJS from "exceljs";
import { buildTracker } from "../../src/excel/build-tracker";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { mergeReturnFiles } from "../../src/excel/merge-returns";
import { refreshTracker } from "../../src/excel/refresh-tracker";
import { readTrackerStatus } from "../../src/excel/tracker-status";
import { PRESETS, parseTaskList } from "../../src/domain";
import { seedText } from "../support/seed";
import { ALL_SETS, buildOptions, newHost, typeStatuses, usedValues } from "../support/excel-host-helpers";

const source = seedText();
const list = parseTaskList(source);
const UNIT = "省教育厅";
const ids = list.tasks.filter((t) => t.units.includes(UNIT)).map((t) => t.id);

async function editCopy(data: Uint8Array, edits: Array<[number, string]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  for (const [id, status] of edits) wb.worksheets[0].eachRow((row) => void (row.getCell(1).value === id && (row.getCell(7).value = status)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const statusCells = async (host: ReturnType<typeof newHost>, count: number) =>
  (await usedValues(host, UNIT)).filter((r) => ids.slice(0, count).includes(r[0] as number)).map((r) => [r[0], r[6]]);

describe("the add-in keeps the tracker's vocabulary", () => {
  it("builds in the chosen words, keeps them on refresh, merges a return in synonyms, and a rebuild with other words maps every status by meaning", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "V1", listSource: source, vocabulary: PRESETS.handling })));
    const master = await usedValues(host, "任务总表");
    expect(master[1].slice(6, 8)).toEqual(["责任单位数", "已办结单位数"]);

    await typeStatuses(host, UNIT, [
      [ids[0], "已办结"],
      [ids[1], "正在办理"],
    ]);
    const refreshed = await host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-01 09:00", isSetSupported: ALL_SETS }));
    expect(refreshed.figures.units.find((u) => u.unit === UNIT)).toMatchObject({ done: 1, inProgress: 1 });
    const status = await host.run((ctx) => readTrackerStatus(ctx));
    expect(status.present && status.meta.extra.vocabulary).toBe("handling");
    expect((await usedValues(host, "汇总"))[15].slice(4, 9)).toEqual(["尚未办理", "正在办理", "已办结", "办理滞后", "持续推进"]);

    // A unit answers with a synonym, our old word and another preset's word; one word is no status at all.
    const [{ data: copy }] = await host.run((ctx) => makeUnitCopies(ctx, [UNIT], "2026-12-01 10:00"));
    const edited = await editCopy(copy, [
      [ids[2], "办理中"],
      [ids[3], "滞后"],
      [ids[4], "序时推进"],
      [ids[5], "快好了"],
    ]);
    const merged = await host.run((ctx) => mergeReturnFiles(ctx, [{ name: "教育厅.xlsx", data: edited }], "2026-12-01 11:00"));
    expect(merged.outcome.files[0].updated).toHaveLength(3);
    expect(JSON.stringify(merged.outcome.files[0].rejected)).toContain("快好了");
    expect(await statusCells(host, 6)).toEqual([
      [ids[0], "已办结"],
      [ids[1], "正在办理"],
      [ids[2], "正在办理"],
      [ids[3], "办理滞后"],
      [ids[4], "正在办理"],
      [ids[5], ""],
    ]);

    // Other words for the same tracker: each status keeps its meaning, shown in the new word.
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "V1", listSource: source, vocabulary: PRESETS.schedule })));
    expect(await statusCells(host, 5)).toEqual([
      [ids[0], "已完成"],
      [ids[1], "序时推进"],
      [ids[2], "序时推进"],
      [ids[3], "进度滞后"],
      [ids[4], "序时推进"],
    ]);
    const after = await host.run((ctx) => readTrackerStatus(ctx));
    expect(after.present && after.meta.extra.vocabulary).toBe("schedule");
    expect(after.present && after.figures.units.find((u) => u.unit === UNIT)).toMatchObject({ done: 1, inProgress: 3, late: 1 });
  });
});
