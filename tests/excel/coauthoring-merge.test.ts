/**
 * A merge in a shared workbook: a co-author sorts the unit sheet and types statuses before
 * every request of the merge, another coordinator merges meanwhile; nothing typed is lost,
 * no report lands in another task's row, both merges keep their log rows.
 */
import { SHEET } from "../../src/blueprint/layout";
import { parseTaskList } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { MergeWriteError } from "../../src/excel/merge-into-workbook";
import { ReturnUpload, mergeReturnFiles } from "../../src/excel/merge-returns";
import { buildOptions, newHost, typeStatuses, usedValues } from "../support/excel-host-helpers";
import { seedText } from "../support/seed";
import { typeInto } from "../xlsx/hostile-returns";
import { addinWith, reverseRows, rowsById } from "./coauthors";

const source = seedText();
const list = parseTaskList(source);
const tasksOf = (unit: string) => list.tasks.filter((t) => t.units.includes(unit)).map((t) => t.id);
// Units with several tasks, so a sort really moves rows.
const [unitU, unitV, unitW] = [...list.units].sort((a, b) => tasksOf(b).length - tasksOf(a).length);

async function setUp() {
  const host = newHost();
  await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "C1", listSource: source })));
  const copies = await host.run((ctx) => makeUnitCopies(ctx, [unitU, unitW], "2026-11-28 10:00"));
  const upload = async (unit: string, id: number, progress: string): Promise<ReturnUpload> => {
    const copy = copies.find((c) => c.unit === unit)!;
    return { name: `${unit}.xlsx`, data: await typeInto(copy.data, [[id, "status", "已完成"], [id, "progress", progress]]) };
  };
  return { host, upload };
}

describe("merge while others edit the workbook", () => {
  it("writes each report into its task's row after a sort, keeps statuses typed between its requests", async () => {
    const { host, upload } = await setUp();
    const target = tasksOf(unitU)[0];
    const file = await upload(unitU, target, "回收的进展");
    const coauthor = host.connect();
    const vTasks = tasksOf(unitV);
    const typed: Array<[number, string]> = [];
    const addin = addinWith(host, async (i) => {
      // Before every request: the unit sorts its sheet (reversed each time) and another unit types a status.
      await reverseRows(coauthor, unitU);
      const id = vTasks[i % vTasks.length];
      typed.push([id, `其他单位第${i}次`]);
      await typeStatuses(coauthor, unitV, [[id, "推进中", `其他单位第${i}次`]]);
    });
    const before = await rowsById(host, unitU);
    const result = await addin.run((ctx) => mergeReturnFiles(ctx, [file], "2026-12-01 10:00"));
    expect(addin.requests()).toBeGreaterThanOrEqual(3);
    expect(result.outcome.files[0].updated).toEqual([`${target}|${unitU}`]);

    const after = await rowsById(host, unitU);
    expect(after.get(target)!.slice(6, 8)).toEqual(["已完成", "回收的进展"]);
    // Every other task of U has exactly what it had: nothing landed in the wrong row.
    for (const [id, row] of before) if (id !== target) expect(after.get(id)).toEqual(row);
    const v = await rowsById(host, unitV);
    // The last status typed into each task is there.
    for (const [id, progress] of new Map(typed)) expect(v.get(id)!.slice(6, 8)).toEqual(["推进中", progress]);
  });

  it("two coordinators merging at once keep both reports and both log entries", async () => {
    const { host, upload } = await setUp();
    const fileU = await upload(unitU, tasksOf(unitU)[1], "U 的回收");
    const fileW = await upload(unitW, tasksOf(unitW)[0], "W 的回收");
    const other = host.connect();
    let done = false;
    const addin = addinWith(host, async (i) => {
      // The other coordinator's whole merge arrives between this merge's read and its write.
      if (i === 2 && !done) {
        done = true;
        await other.run((ctx) => mergeReturnFiles(ctx, [fileW], "2026-12-01 10:01"));
      }
    });
    await addin.run((ctx) => mergeReturnFiles(ctx, [fileU], "2026-12-01 10:00"));
    expect(done).toBe(true);
    expect((await rowsById(host, unitU)).get(tasksOf(unitU)[1])!.slice(6, 8)).toEqual(["已完成", "U 的回收"]);
    expect((await rowsById(host, unitW)).get(tasksOf(unitW)[0])!.slice(6, 8)).toEqual(["已完成", "W 的回收"]);
    const log = (await usedValues(host, SHEET.mergeLog)).map((r) => r.join("|"));
    expect(log.filter((r) => r.includes(`${unitW}.xlsx`)).length).toBeGreaterThan(0);
    expect(log.filter((r) => r.includes(`${unitU}.xlsx`)).length).toBeGreaterThan(0);
  });

  it("stops before writing when a co-author deleted the task's row, and says so", async () => {
    const { host, upload } = await setUp();
    const target = tasksOf(unitU)[0];
    const file = await upload(unitU, target, "写不进去");
    const coauthor = host.connect();
    const before = await rowsById(host, unitU);
    const addin = addinWith(host, async (i) => {
      if (i !== 2) return;
      await coauthor.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(unitU);
        const ids = ws.getRange("A1:A400").load("values");
        await ctx.sync();
        const row = ids.values.findIndex((r) => r[0] === target) + 1;
        ws.protection.unprotect();
        ws.getRange(`A${row}:M${row}`).clear("Contents");
        ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
        await ctx.sync();
      });
    });
    const failure = await addin.run((ctx) => mergeReturnFiles(ctx, [file], "2026-12-01 10:00")).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MergeWriteError);
    expect((failure as MergeWriteError).rolledBack).toBe(true);
    expect((failure as Error).message).toContain("找不到要写入的行");
    const after = await rowsById(host, unitU);
    expect(after.has(target)).toBe(false);
    for (const [id, row] of before) if (id !== target) expect(after.get(id)).toEqual(row);
    expect(JSON.stringify(await usedValues(host, SHEET.summary))).not.toContain("2026-12-01 10:00");
  });
});
