import ExcelJS from "exceljs";
import { buildTracker } from "../../src/excel/build-tracker";
import { mergeReturnFiles } from "../../src/excel/merge-returns";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { StaleConflictError, takeReturnedValue } from "../../src/excel/take-returned";
import { parseTaskList } from "../../src/domain";
import { seedText } from "../support/seed";
import { buildOptions, newHost, roundTrips, typeStatuses, usedValues } from "../support/excel-host-helpers";

const source = seedText();
const list = parseTaskList(source);

async function editCopy(data: Uint8Array, id: number, status: string, progress: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  wb.worksheets[0].eachRow((row) => {
    if (row.getCell(1).value === id) {
      row.getCell(7).value = status;
      row.getCell(8).value = progress;
    }
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("taking the returned value of a conflict (采用报送值)", () => {
  it("writes it into the unit's row through the genuine client, and refuses once the tracker's value has changed since", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "T1", listSource: source })));
    const [copy] = await host.run((ctx) => makeUnitCopies(ctx, ["省财政厅"], "2026-11-28 10:00"));
    // After the export both sides change 进展 of task 14: the merge keeps the tracker's and records a conflict.
    await typeStatuses(host, "省财政厅", [[14, "推进中", "总表里改的"]]);
    const returned = await editCopy(copy.data, 14, "推进中", "单位报的");
    const result = await host.run((ctx) => mergeReturnFiles(ctx, [{ name: "省财政厅.xlsx", data: returned }], "2026-12-01 10:00"));
    const [conflict] = result.outcome.files[0].conflicts;
    expect(conflict).toMatchObject({ key: "14|省财政厅", field: "progress", master: "总表里改的", returned: "单位报的" });
    const row = async () => (await usedValues(host, "省财政厅")).find((r) => r[0] === 14)!;
    expect((await row()).slice(6, 8)).toEqual(["推进中", "总表里改的"]);

    // Two requests read the tracker, one writes (its row found by 序号 in that request).
    const before = await row();
    host.stats.reset();
    await host.run((ctx) => takeReturnedValue(ctx, conflict));
    expect(roundTrips(host)).toBe(3);
    const after = await row();
    expect(after.slice(6, 8)).toEqual(["推进中", "单位报的"]);
    // Only that field changed.
    expect(after.filter((v, i) => i !== 7 && v !== before[i])).toEqual([]);
    expect((await usedValues(host, "汇总")).length).toBeGreaterThan(0);

    // Taken twice, or changed meanwhile: nothing is overwritten.
    await typeStatuses(host, "省财政厅", [[14, "推进中", "又改了"]]);
    const stale = host.run((ctx) => takeReturnedValue(ctx, conflict));
    await expect(stale).rejects.toBeInstanceOf(StaleConflictError);
    await expect(stale).rejects.toThrow("在合并后又改为“又改了”，交回的值未写入");
    expect((await row())[7]).toBe("又改了");
    await expect(host.run((ctx) => takeReturnedValue(ctx, { ...conflict, key: "14|不存在的单位" }))).rejects.toThrow("已没有序号 14 · 不存在的单位 的行");
  });
});
