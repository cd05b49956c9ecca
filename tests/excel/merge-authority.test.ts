import { buildBlueprint } from "../../src/blueprint";
import { AUTHORITY_META_KEY } from "../../src/blueprint/copy-authority";
import { parseTaskList } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { mergeReturnFiles } from "../../src/excel/merge-returns";
import { refreshTracker } from "../../src/excel/refresh-tracker";
import { readMasterState } from "../../src/excel/tracker-reports";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { ALL_SETS, buildOptions, newHost, usedValues } from "../support/excel-host-helpers";
import { seedText } from "../support/seed";
import { typeInto } from "../xlsx/hostile-returns";

const source = seedText();
const list = parseTaskList(source);

describe("the add-in signs the copies it exports and merges only what it can verify", () => {
  it("creates the key on the first export, keeps it through a refresh and a rebuild, and recognises an earlier export's copy", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "A1", listSource: source })));
    expect((await host.run((ctx) => readMasterState(ctx))).meta.extra[AUTHORITY_META_KEY]).toBeUndefined();

    const [first] = await host.run((ctx) => makeUnitCopies(ctx, ["省外办"], "2026-11-28 10:00"));
    const stored = JSON.parse((await host.run((ctx) => readMasterState(ctx))).meta.extra[AUTHORITY_META_KEY]);
    expect(stored.key).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.exports).toEqual({ 省外办: { exportedAt: "2026-11-28 10:00", period: "2026年11月" } });
    expect(Buffer.from(first.data).includes(Buffer.from(stored.key))).toBe(false);

    await host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-11-29 09:00", isSetSupported: ALL_SETS }));
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "A1", listSource: source })));
    expect(JSON.parse((await host.run((ctx) => readMasterState(ctx))).meta.extra[AUTHORITY_META_KEY])).toEqual(stored);

    const filled = await typeInto(first.data, [[12, "status", "已完成"]]);
    const merged = await host.run((ctx) => mergeReturnFiles(ctx, [{ name: "外办-11月.xlsx", data: filled }], "2026-11-30 10:00"));
    expect(merged.refused).toEqual([]);
    expect(merged.outcome.files[0].updated).toEqual(["12|省外办"]);

    // December's copies go out; November's copy comes back again and is recognised.
    await host.run((ctx) => makeUnitCopies(ctx, "all", "2026-12-28 10:00"));
    const stale = await typeInto(first.data, [[46, "status", "滞后"]]);
    const again = await host.run((ctx) => mergeReturnFiles(ctx, [{ name: "外办-11月.xlsx", data: stale }], "2026-12-30 10:00"));
    expect(again.refused).toEqual([{ source: "外办-11月.xlsx", reason: expect.stringContaining("这是 2026年11月 的填报表（导出于 2026-11-28 10:00）") }]);
    expect(again.refused[0].reason).toContain("2026年12月 的填报表已于 2026-12-28 10:00 导出");
    expect((await usedValues(host, "省外办")).find((r) => r[0] === 46)![6]).toBe("");
  });

  it("merges a full tracker only when the user confirmed that file", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "A2", listSource: source })));
    const full = await writeXlsxBuffer(buildBlueprint(list, { trackerId: "A2", generatedAt: "x", reports: new Map([["26|省教育厅", { status: "已完成", progress: "全部达标", problems: "", nextSteps: "", evidence: "", reporter: "", reportDate: "" }]]) }));
    const refused = await host.run((ctx) => mergeReturnFiles(ctx, [{ name: "整表.xlsx", data: full }], "2026-12-01 10:00"));
    expect(refused.refused).toEqual([{ source: "整表.xlsx", reason: expect.stringContaining("是一份完整的跟踪表"), needsConfirmation: true }]);
    expect((await usedValues(host, "省教育厅")).find((r) => r[0] === 26)![6]).toBe("");
    const log = await usedValues(host, "合并记录");
    expect(log.filter((r) => r[3] === "拒收文件")).toHaveLength(1);

    const accepted = await host.run((ctx) => mergeReturnFiles(ctx, [{ name: "整表.xlsx", data: full }], "2026-12-01 10:05", { acceptFullTrackers: ["整表.xlsx"] }));
    expect(accepted.refused).toEqual([]);
    expect((await usedValues(host, "省教育厅")).find((r) => r[0] === 26)!.slice(6, 8)).toEqual(["已完成", "全部达标"]);
    const after = await usedValues(host, "合并记录");
    expect(after.filter((r) => r[3] === "更新").map((r) => r.slice(8, 12))).toEqual([
      [26, "完成状态", "", "已完成"],
      [26, "本期进展情况", "", "全部达标"],
    ]);
  });

  it("refuses a file larger than the limit from its size alone, without reading it", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "A3", listSource: source })));
    let read = false;
    const result = await host.run((ctx) =>
      mergeReturnFiles(ctx, [{ name: "大.xlsx", size: 3 * 1024 ** 3, data: async () => ((read = true), new Uint8Array()) }], "2026-12-01 10:00"),
    );
    expect(read).toBe(false);
    expect(result.refused).toEqual([{ source: "大.xlsx", reason: expect.stringContaining("超过 20 MB 上限") }]);
  });

  it("a task whose row was deleted from the master is rejected with what to do, and the rest of the file merges", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "A4", listSource: source })));
    const [{ data }] = await host.run((ctx) => makeUnitCopies(ctx, ["省外办"], "2026-11-28 10:00"));
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("省外办");
      ws.protection.unprotect();
      ws.getRange("A4").values = [[""]];
      await ctx.sync();
    });
    const filled = await typeInto(data, [[12, "status", "已完成"], [46, "status", "推进中"]]);
    const result = await host.run((ctx) => mergeReturnFiles(ctx, [{ name: "外办.xlsx", data: filled }], "2026-12-01 10:00"));
    expect(result.outcome.files[0].updated).toEqual(["12|省外办"]);
    expect(result.outcome.files[0].rejected).toEqual([expect.objectContaining({ key: "46|省外办", reason: expect.stringContaining("总表中找不到 46 × 省外办 所在的行") })]);
  });
});
