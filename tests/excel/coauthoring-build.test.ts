/**
 * Build, rebuild, refresh and archive in a shared workbook: a unit types a status before
 * every request the add-in makes (between every pair of its batches) and each one is found
 * afterwards in its own task's row; two coordinators building at once leave one whole
 * tracker and no staged sheet of the other.
 */
import { parseTaskList } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { refreshTracker } from "../../src/excel/refresh-tracker";
import { newRunId, removableLeftovers, runOf } from "../../src/excel/read-state";
import { ALL_SETS, buildOptions, newHost, sheetInfo, typeStatuses } from "../support/excel-host-helpers";
import { seedText } from "../support/seed";
import { addinWith, reverseRows, rowsById } from "./coauthors";

const source = seedText();
const list = parseTaskList(source);
const tasksOf = (unit: string) => list.tasks.filter((t) => t.units.includes(unit)).map((t) => t.id);
const [unitU, unitV] = [...list.units].sort((a, b) => tasksOf(b).length - tasksOf(a).length);
const STATUSES = ["推进中", "滞后", "已完成", "未启动"];

async function built() {
  const host = newHost();
  await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "B1", listSource: source })));
  return host;
}

type Step = (ctx: Excel.RequestContext) => Promise<unknown>;
const steps: Array<[string, Step]> = [
  ["rebuild", (ctx) => buildTracker(ctx, list, buildOptions({ listSource: source, generatedAt: "2026-12-01 10:00" }))],
  ["refresh", (ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-01 10:00", isSetSupported: ALL_SETS })],
  ["archive", (ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-01 10:00", isSetSupported: ALL_SETS, archivePeriod: "2026年11月" })],
  ["refresh with a new warning window", (ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-01 10:00", isSetSupported: ALL_SETS, warningDays: 3 })],
];

describe("a unit types between every pair of the add-in's requests", () => {
  it.each(steps)("%s: every status typed is there afterwards, in its own task's row", async (_name, step) => {
    const host = await built();
    const coauthor = host.connect();
    const uTasks = tasksOf(unitU);
    const vTasks = tasksOf(unitV);
    const typed = new Map<string, [number, string, string]>();
    const addin = addinWith(host, async (i) => {
      // Alternate units and rows; U's sheet is also sorted every other turn.
      const [sheet, ids] = i % 2 === 0 ? [unitU, uTasks] : [unitV, vTasks];
      const id = ids[Math.floor(i / 2) % ids.length];
      const status = STATUSES[i % STATUSES.length];
      await typeStatuses(coauthor, sheet, [[id, status, `第${i}次填报`]]);
      typed.set(`${sheet}|${id}`, [id, status, `第${i}次填报`]);
      if (i % 4 === 1) await reverseRows(coauthor, unitU);
    });
    await addin.run(step);
    expect(addin.requests()).toBeGreaterThanOrEqual(3);
    const rows = { [unitU]: await rowsById(host, unitU), [unitV]: await rowsById(host, unitV) };
    for (const [key, [id, status, progress]] of typed) {
      const sheet = key.split("|")[0];
      expect([key, rows[sheet].get(id)!.slice(6, 8)]).toEqual([key, [status, progress]]);
    }
    // No status lands elsewhere: exactly the typed tasks carry one.
    const reported = [unitU, unitV].flatMap((s) => [...rows[s]].filter(([, r]) => r[6] !== "" && r[6] !== null).map(([id]) => `${s}|${id}`));
    expect(reported.sort()).toEqual([...typed.keys()].sort());
    expect((await sheetInfo(host)).filter((s) => s.name.startsWith("__tracker"))).toEqual([]);
  });
});

describe("two coordinators building at once", () => {
  it("each run's staged sheets survive the other's start; one whole tracker remains with every status", async () => {
    const host = await built();
    await typeStatuses(host, unitU, [[tasksOf(unitU)[0], "已完成", "建表前"]]);
    const other = host.connect();
    let ran = false;
    const addin = addinWith(host, async () => {
      // The other coordinator's whole rebuild arrives while this one has staged sheets in the workbook.
      if (!ran && host.sheetNames().some((n) => n.startsWith("__tracker_new_"))) {
        ran = true;
        await other.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: source })));
      }
    });
    // A small request budget: the write takes several requests, as a large list does.
    await addin.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: source, requestBudgetBytes: 150_000 })));
    expect(ran).toBe(true);
    const sheets = (await sheetInfo(host)).map((s) => s.name);
    expect(sheets.filter((n) => n.startsWith("__tracker"))).toEqual([]);
    expect(sheets.filter((n) => n === unitU)).toHaveLength(1);
    expect((await rowsById(host, unitU)).get(tasksOf(unitU)[0])!.slice(6, 8)).toEqual(["已完成", "建表前"]);
  });
});

describe("leftovers and run markers", () => {
  const now = Date.UTC(2026, 11, 1, 10);
  const live = newRunId(now - 60_000, () => 0.5);
  const stale = newRunId(now - 2 * 60 * 60 * 1000, () => 0.1);
  const failed = newRunId(now - 30_000, () => 0.9);

  it("keeps the staged sheets of a run in progress, removes those of stale, failed and older runs", () => {
    expect(runOf(`__tracker_new_${live}_3`)).toEqual({ id: live, started: now - 60_000 });
    const names = ["汇总", `__tracker_new_${live}_0`, `__tracker_old_${live}_1`, `__tracker_new_${stale}_0`, `__tracker_new_${failed}_2`, "__tracker_new_0"];
    const markers = [`__tracker_run_${live}`, `__tracker_run_${stale}`];
    expect(removableLeftovers(names, markers, now)).toEqual([`__tracker_new_${stale}_0`, `__tracker_new_${failed}_2`, "__tracker_new_0"]);
  });

  it("leaves no marker behind, after success or failure", async () => {
    const host = await built();
    const names = await host.run(async (ctx) => {
      const n = ctx.workbook.names.load("items/name");
      await ctx.sync();
      return n.items.map((x) => x.name);
    });
    expect(names.filter((n) => n.startsWith("__tracker_run_"))).toEqual([]);
  });
});
