import { ExcelHost } from "../excel-host/host";
import { NodeExcelHost } from "../excel-host/node-host";
import { parseTaskList } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { MergeWriteError, MergeFiguresError } from "../../src/excel/merge-into-workbook";
import { ReturnUpload, mergeReturnFiles } from "../../src/excel/merge-returns";
import { buildOptions, newHost, sheetInfo, typeStatuses, usedValues } from "../support/excel-host-helpers";
import { seedText } from "../support/seed";
import { typeInto } from "../xlsx/hostile-returns";

const source = seedText();
const list = parseTaskList(source);
/** Small enough that the merge's write takes several requests. */
const BUDGET = 6000;

/** Everything a merge could touch: every sheet's values and protection, and the sheet list. */
async function snapshot(host: NodeExcelHost): Promise<unknown> {
  const sheets = await sheetInfo(host);
  const values: Record<string, unknown[][]> = {};
  for (const s of sheets) values[s.name] = await usedValues(host, s.name);
  return { sheets, values };
}

/** Makes the listed requests (1-based, counted from now) fail as Excel answers a failed request. */
function intercept(host: NodeExcelHost, fail: number[]): () => number {
  const real = ExcelHost.prototype.processRequestText.bind(host);
  const refusing = new ExcelHost({ payloadLimitBytes: 1 });
  let count = 0;
  host.processRequestText = (text: string) => (fail.includes(++count) ? refusing.processRequestText(text) : real(text));
  return () => count;
}

async function setUp(): Promise<{ host: NodeExcelHost; uploads: ReturnUpload[] }> {
  const host = newHost();
  await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "W1", listSource: source })));
  await typeStatuses(host, "省教育厅", [[26, "推进中", "总表原有"]]);
  const copies = await host.run((ctx) => makeUnitCopies(ctx, "all", "2026-11-28 10:00"));
  const uploads: ReturnUpload[] = [];
  for (const c of copies.slice(0, 12)) {
    const first = list.tasks.find((t) => t.units.includes(c.unit))!.id;
    uploads.push({ name: `${c.unit}.xlsx`, data: await typeInto(c.data, [[first, "status", "已完成"], [first, "progress", `${c.unit}的进展`]]) });
  }
  uploads.push({ name: "坏文件.xlsx", data: new TextEncoder().encode("not a workbook") });
  return { host, uploads };
}

describe("a merge that fails at any write leaves the tracker as it was", () => {
  it("fails each write request in turn: every time the tracker is unchanged and the message says so; then the merge succeeds", async () => {
    const { host, uploads } = await setUp();
    const before = await snapshot(host);

    // How many requests a successful merge makes, on an identical tracker.
    const probe = await setUp();
    probe.host.stats.reset();
    await probe.host.run((ctx) => mergeReturnFiles(ctx, probe.uploads, "2026-12-01 10:00", { requestBudgetBytes: BUDGET }));
    // Round trips of the merge itself, not Excel.run's trailing reference cleanup.
    const requests = probe.host.stats.snapshot().roundTrips;
    // Two reads, then the write in several requests (the test is about those), then the figures.
    expect(requests).toBeGreaterThanOrEqual(6);

    // The last request reads the figures back after the write has landed: not a write.
    for (let n = 3; n < requests; n++) {
      intercept(host, [n]);
      let failure: unknown;
      await host.run((ctx) => mergeReturnFiles(ctx, uploads, "2026-12-01 10:00", { requestBudgetBytes: BUDGET })).catch((e: unknown) => (failure = e));
      if (!(failure instanceof MergeWriteError)) throw new Error(`request ${n} of ${requests}: ${String(failure)}`);
      expect((failure as MergeWriteError).rolledBack).toBe(true);
      expect((failure as Error).message).toContain("已撤销本次写入的全部内容，跟踪表与合并前相同");
      host.processRequestText = ExcelHost.prototype.processRequestText.bind(host);
      expect(await snapshot(host)).toEqual(before);
    }

    const done = await host.run((ctx) => mergeReturnFiles(ctx, uploads, "2026-12-01 10:00", { requestBudgetBytes: BUDGET }));
    expect(done.outcome.files.reduce((n, f) => n + f.updated.length, 0)).toBe(12);
    expect(done.figures.stamp).toBe("2026-12-01 10:00");
    expect(await snapshot(host)).not.toEqual(before);
    expect((await usedValues(host, "省教育厅")).find((r) => r[0] === 26)!.slice(6, 8)).toEqual(["推进中", "总表原有"]);
  });

  it("keeps a merge that landed when only the figures read afterwards fails, and says so", async () => {
    const probe = await setUp();
    probe.host.stats.reset();
    await probe.host.run((ctx) => mergeReturnFiles(ctx, probe.uploads, "2026-12-01 10:00", { requestBudgetBytes: BUDGET }));
    const requests = probe.host.stats.snapshot().roundTrips;

    const { host, uploads } = await setUp();
    intercept(host, [requests]);
    let failure: unknown;
    await host.run((ctx) => mergeReturnFiles(ctx, uploads, "2026-12-01 10:00", { requestBudgetBytes: BUDGET })).catch((e: unknown) => (failure = e));
    expect(failure).toBeInstanceOf(MergeFiguresError);
    expect((failure as Error).message).toContain("合并已完成");
    host.processRequestText = ExcelHost.prototype.processRequestText.bind(host);
    // Every sheet as after a merge that went through; _meta differs only by each tracker's random copy key.
    const landed = (await snapshot(host)) as { values: Record<string, unknown> };
    const clean = (await snapshot(probe.host)) as { values: Record<string, unknown> };
    delete landed.values._meta;
    delete clean.values._meta;
    expect(landed).toEqual(clean);
  });

  it("says plainly when the undo could not be made either", async () => {
    const { host, uploads } = await setUp();
    // The write's second request fails, and so does the undo's first.
    intercept(host, [4, 5]);
    let failure: unknown;
    await host.run((ctx) => mergeReturnFiles(ctx, uploads, "2026-12-01 10:00", { requestBudgetBytes: BUDGET })).catch((e: unknown) => (failure = e));
    expect((failure as MergeWriteError).rolledBack).toBe(false);
    expect((failure as Error).message).toContain("请关闭工作簿且不要保存");
  });
});
