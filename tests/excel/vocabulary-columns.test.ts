import ExcelJS from "exceljs";
import { buildTracker } from "../../src/excel/build-tracker";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { mergeReturnFiles } from "../../src/excel/merge-returns";
import { currentPeriod } from "../../src/taskpane/excel-actions";
import { PRESETS, parseTaskList } from "../../src/domain";
import { seedText } from "../support/seed";
import { buildOptions, newHost, usedValues } from "../support/excel-host-helpers";

const source = seedText();
const list = parseTaskList(source);
const UNIT = "省教育厅";
const ids = list.tasks.filter((t) => t.units.includes(UNIT)).map((t) => t.id);

describe("the add-in names report columns and periods by the tracker's vocabulary", () => {
  it("a schedule-preset tracker heads its inputs 完成情况/存在困难/下步打算, exports a quarterly copy, and logs a merge under those names", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "C1", listSource: source, vocabulary: PRESETS.schedule })));
    expect((await usedValues(host, UNIT))[1].slice(6, 13)).toEqual(["完成状态", "完成情况", "存在困难", "下步打算", "佐证材料", "责任人", "填报日期"]);

    const [{ data: copy }] = await host.run((ctx) => makeUnitCopies(ctx, [UNIT], "2026-11-20 10:00"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copy as unknown as ArrayBuffer);
    expect(wb.getWorksheet("填报说明")!.getColumn(1).values.join("\n")).toContain("本表为 2026年第四季度 的填报表");
    wb.worksheets[0].eachRow((row) => void (row.getCell(1).value === ids[0] && (row.getCell(8).value = "已开工")));
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());

    const merged = await host.run((ctx) => mergeReturnFiles(ctx, [{ name: "教育厅.xlsx", data: edited }], "2026-12-01 11:00"));
    expect(merged.outcome.files[0].updated).toHaveLength(1);
    expect((await usedValues(host, UNIT)).find((r) => r[0] === ids[0])![7]).toBe("已开工");
    const updates = (await usedValues(host, "合并记录")).filter((r) => r[3] === "更新");
    expect(updates.map((r) => [r[8], r[9], r[11]])).toEqual([[ids[0], "完成情况", "已开工"]]);
  });

  it("the pane's default period follows the cadence", () => {
    const day = new Date(2026, 10, 5);
    expect(currentPeriod(day)).toBe("2026年11月");
    expect(currentPeriod(day, "季")).toBe("2026年第四季度");
    expect(currentPeriod(day, "双月")).toBe("2026年11—12月");
  });
});
