import ExcelJS from "exceljs";
import { buildUnitCopy } from "../../src/blueprint";
import { buildTracker } from "../../src/excel/build-tracker";
import { mergeReturnFiles } from "../../src/excel/merge-returns";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { parseTaskList } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { seedText } from "../support/seed";
import { buildOptions, newHost, roundTrips, typeStatuses, usedValues } from "../support/excel-host-helpers";

const source = seedText();
const list = parseTaskList(source);

/** A recipient's edit with ExcelJS: statuses typed into the unit's sheet by 序号. */
async function editCopy(data: Uint8Array, edits: Array<[number, string, string]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  for (const [id, status, progress] of edits) {
    ws.eachRow((row) => {
      if (row.getCell(1).value === id) {
        row.getCell(7).value = status;
        row.getCell(8).value = progress;
      }
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("merging returned copies into the open master", () => {
  it("merges a copy from every unit in 4 round trips (figures read once calculation resumed), logs the merge, keeps master-side edits and records conflicts", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "M1", listSource: source })));
    await typeStatuses(host, "省财政厅", [[14, "推进中", "总表里改的"]]);
    const copies = await host.run((ctx) => makeUnitCopies(ctx, "all", "2026-11-28 10:00"));

    const uploads: Array<{ name: string; data: Uint8Array }> = [];
    for (const unit of list.units) {
      const copy = copies.find((c) => c.unit === unit)!.data;
      const firstTask = list.tasks.find((t) => t.units.includes(unit))!.id;
      const edits: Array<[number, string, string]> = unit === "省财政厅" ? [[14, "已完成", "单位报的"]] : [[firstTask, "已完成", `${unit}已完成`]];
      uploads.push({ name: `${unit}.xlsx`, data: await editCopy(copy, edits) });
    }
    uploads.push({ name: "别的表.xlsx", data: await writeXlsxBuffer(buildUnitCopy(list, "省教育厅", { trackerId: "OTHER", exportedAt: "x" })) });

    host.stats.reset();
    const result = await host.run((ctx) => mergeReturnFiles(ctx, uploads, "2026-12-01 10:00"));
    expect(roundTrips(host)).toBe(4);

    expect(result.refused).toEqual([{ source: "别的表.xlsx", reason: expect.stringContaining("来自另一份跟踪表") }]);
    const fin = result.outcome.files.find((f) => f.source === "省财政厅.xlsx")!;
    // The master changed 14|省财政厅 before export, so the copy's baseline already had it: no conflict, the unit's edit is taken.
    expect(fin.conflicts).toEqual([]);
    expect((await usedValues(host, "省财政厅")).find((r) => r[0] === 14)!.slice(6, 8)).toEqual(["已完成", "单位报的"]);
    expect(result.outcome.files.reduce((n, f) => n + f.updated.length, 0)).toBe(37);
    expect(result.figures.overall.已完成分工数).toBe(37);
    expect(result.figures.stamp).toBe("2026-12-01 10:00");

    const log = await usedValues(host, "合并记录");
    expect(log[0][0]).toBe("时间");
    expect(log.filter((r) => r[3] === "汇总")).toHaveLength(37);
    expect(log.filter((r) => r[3] === "拒收文件")).toEqual([expect.arrayContaining(["别的表.xlsx"])]);

    // Merging the same returns again changes nothing.
    const again = await host.run((ctx) => mergeReturnFiles(ctx, uploads, "2026-12-01 11:00"));
    expect(again.outcome.files.reduce((n, f) => n + f.updated.length, 0)).toBe(0);
    expect(again.figures.overall.已完成分工数).toBe(37);
  });

  it("keeps the master's value and records a conflict when both sides changed the same report", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "M2", listSource: source })));
    const [{ data: copy }] = await host.run((ctx) => makeUnitCopies(ctx, ["省外办"], "2026-11-28 10:00"));
    await typeStatuses(host, "省外办", [[12, "滞后", "总表记为滞后"]]);
    const edited = await editCopy(copy, [[12, "已完成", "单位称已完成"]]);
    const result = await host.run((ctx) => mergeReturnFiles(ctx, [{ name: "外办.xlsx", data: edited }], "2026-12-01"));
    expect(result.outcome.files[0].conflicts.map((c) => [c.key, c.field, c.master, c.returned])).toEqual([
      ["12|省外办", "status", "滞后", "已完成"],
      ["12|省外办", "progress", "总表记为滞后", "单位称已完成"],
    ]);
    expect((await usedValues(host, "省外办")).find((r) => r[0] === 12)!.slice(6, 8)).toEqual(["滞后", "总表记为滞后"]);
    const log = await usedValues(host, "合并记录");
    expect(log.filter((r) => r[3] === "冲突")).toHaveLength(2);
  });
});
