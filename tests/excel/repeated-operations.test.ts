/**
 * A coordinator's months with one tracker: build → refresh → archive → merge → rebuild →
 * refresh → merge on one workbook, through Microsoft's client, under the host that enforces
 * Excel's documented rules (tests/excel-host/CONFORMANCE.md). Every figure the add-in reads
 * back (after calculation resumed) and every formula result on 汇总, 任务总表 and 历次汇总 is
 * checked against LibreOffice recomputing the same workbook. Then the same months again with
 * a failure in every request of every step: each leaves a tracker the next click repairs.
 */
import { execFile } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { SHEET } from "../../src/blueprint/layout";
import { Grid } from "../../src/blueprint/read-grid";
import { parseTaskList } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { DashboardFigures, figuresFromSummary } from "../../src/excel/dashboard";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { mergeReturnFiles, ReturnUpload } from "../../src/excel/merge-returns";
import { refreshTracker } from "../../src/excel/refresh-tracker";
import { readMasterState } from "../../src/excel/tracker-reports";
import { ExcelHost } from "../excel-host/host";
import { NodeExcelHost } from "../excel-host/node-host";
import { exportXlsx } from "../excel-host/xlsx/export";
import { parseCsv } from "../support/csv";
import { ALL_SETS, buildOptions, newHost, sheetInfo, typeStatuses } from "../support/excel-host-helpers";
import { libreOfficeAvailable, SOFFICE } from "../support/libreoffice";
import { seedText } from "../support/seed";

const source = seedText();
const list = parseTaskList(source);
const firstTask = (unit: string): number => list.tasks.find((t) => t.units.includes(unit))!.id;
const [unitA, unitB] = [list.units[5], list.units[9]];

/** A recipient's edit with ExcelJS: statuses typed into the unit's sheet by 序号. */
async function editCopy(data: Uint8Array, edits: Array<[number, string, string]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  for (const [id, status, progress] of edits) {
    wb.worksheets[0].eachRow((row) => {
      if (row.getCell(1).value === id) {
        row.getCell(7).value = status;
        row.getCell(8).value = progress;
      }
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Copies for `units`, exported from the master as it stands, each with the unit's edits. */
async function returnsFrom(host: NodeExcelHost, edits: Record<string, Array<[number, string, string]>>): Promise<ReturnUpload[]> {
  // Exported as the pane does: signed with the tracker's copy key, the export recorded in _meta.
  const copies = await host.run((ctx) => makeUnitCopies(ctx, Object.keys(edits), "2026-12-01 08:00"));
  const out: ReturnUpload[] = [];
  for (const copy of copies) out.push({ name: `${copy.unit}.xlsx`, data: await editCopy(copy.data, edits[copy.unit]) });
  return out;
}

interface Step {
  name: string;
  /** What users do before the click (typing into sheets, collecting returns). */
  before?: (host: NodeExcelHost) => Promise<unknown>;
  click: (host: NodeExcelHost, prepared: unknown) => Promise<DashboardFigures>;
}

const refresh = (at: string, archivePeriod?: string) => (host: NodeExcelHost) =>
  host.run((ctx) => refreshTracker(ctx, { refreshedAt: at, isSetSupported: ALL_SETS, archivePeriod })).then((r) => r.figures);

const STEPS: Step[] = [
  { name: "build", click: (host) => host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "R1", listSource: source }))).then((r) => r.figures) },
  {
    name: "refresh",
    before: (host) => typeStatuses(host, "省教育厅", [[1, "已完成", "全部完成"], [2, "推进中", "过半"], [26, "滞后", "资金未到"]]),
    click: refresh("2026-11-29 09:00"),
  },
  { name: "archive", before: (host) => typeStatuses(host, "省财政厅", [[14, "长期坚持", ""]]), click: refresh("2026-11-30 18:00", "2026年11月") },
  {
    name: "merge",
    before: (host) => returnsFrom(host, { [unitA]: [[firstTask(unitA), "已完成", "已办"]], 省外办: [[12, "滞后", "签证受阻"]] }),
    click: (host, uploads) => host.run((ctx) => mergeReturnFiles(ctx, uploads as ReturnUpload[], "2026-12-01 10:00")).then((r) => r.figures),
  },
  {
    name: "rebuild",
    before: (host) => typeStatuses(host, "省教育厅", [[3, "未启动", ""]]),
    click: (host) => host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "ignored", generatedAt: "2026-12-02 09:00", listSource: source }))).then((r) => r.figures),
  },
  { name: "refresh again", click: refresh("2026-12-03 09:00") },
  {
    name: "merge again",
    before: (host) => returnsFrom(host, { 省教育厅: [[2, "已完成", "已办结"]], [unitB]: [[firstTask(unitB), "推进中", "在办"]] }),
    click: (host, uploads) => host.run((ctx) => mergeReturnFiles(ctx, uploads as ReturnUpload[], "2026-12-04 10:00")).then((r) => r.figures),
  },
];

/** LibreOffice recomputes several exported workbooks in one run: sheet → CSV rows, per file. */
async function recomputeAll(files: string[]): Promise<Array<Map<string, string[][]>>> {
  const out = mkdtempSync(path.join(os.tmpdir(), "lo-repeat-"));
  const profile = path.join(os.tmpdir(), `lo-profile-repeat-${process.pid}`);
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  await promisify(execFile)(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", out, ...files], { timeout: 300_000 });
  return files.map((file) => {
    const base = path.basename(file, ".xlsx");
    const sheets = new Map<string, string[][]>();
    for (const f of readdirSync(out)) if (f.startsWith(`${base}-`) && f.endsWith(".csv")) sheets.set(f.slice(base.length + 1, -4), parseCsv(readFileSync(path.join(out, f), "utf8")));
    return sheets;
  });
}

/** A displayed cell as a value: "37.5%" → 0.375 (to the shown precision), text stays text. */
function shown(text: string | undefined): { value: number; tolerance: number } | string {
  const t = (text ?? "").trim();
  const m = /^(-?\d+(?:\.(\d+))?)(%?)$/.exec(t);
  if (!m) return t;
  const decimals = (m[2]?.length ?? 0) + (m[3] ? 2 : 0);
  return { value: Number(m[1]) / (m[3] ? 100 : 1), tolerance: 0.5 * 10 ** -decimals + 1e-9 };
}

/** Formula results the host gave (through the client) for a sheet, with their A1 positions. */
async function formulaResults(host: NodeExcelHost, sheet: string): Promise<Array<{ at: string; value: unknown; r: number; c: number }>> {
  return host.run(async (ctx) => {
    const used = ctx.workbook.worksheets.getItem(sheet).getUsedRange().load("values,formulas,rowIndex,columnIndex");
    await ctx.sync();
    const out: Array<{ at: string; value: unknown; r: number; c: number }> = [];
    used.formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        if (typeof f === "string" && f.startsWith("=")) {
          const r = used.rowIndex + i;
          const c = used.columnIndex + j;
          out.push({ at: `${sheet}!R${r + 1}C${c + 1}`, value: used.values[i][j], r, c });
        }
      }),
    );
    return out;
  });
}

const isoDay = (serial: number): string => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);

function expectSameResult(at: string, host: unknown, lo: string | undefined): void {
  // A date (TODAY(), deadlines) is a serial in the host and shown as yyyy-mm-dd by LibreOffice.
  if (typeof host === "number" && /^\d{4}-\d{2}-\d{2}$/.test(lo ?? "")) return void expect({ at, day: isoDay(host) }).toEqual({ at, day: lo });
  const s = shown(lo);
  if (typeof s === "string" || typeof host !== "number") {
    expect({ at, value: String(host) }).toEqual({ at, value: typeof s === "string" ? s : lo });
  } else if (Math.abs(host - s.value) > s.tolerance) {
    throw new Error(`${at}: the host computed ${host}, LibreOffice shows ${lo}`);
  }
}

const loGrid = (rows: string[][]): Grid => rows.map((row) => row.map((cell) => (typeof shown(cell) === "string" ? cell : (shown(cell) as { value: number }).value)));

function expectFiguresMatch(name: string, addin: DashboardFigures, lo: DashboardFigures): void {
  const round = (f: DashboardFigures) => ({
    stamp: f.stamp,
    overall: Object.fromEntries(Object.entries(f.overall).map(([k, v]) => [k, v === null ? null : Math.round(v * 1000) / 1000])),
    units: f.units.map((u) => ({ ...u, rate: u.rate === null ? null : Math.round(u.rate * 1000) / 1000 })),
  });
  expect({ step: name, ...round(addin) }).toEqual({ step: name, ...round(lo) });
}

/** What must hold after every click: no staged leftovers, metadata very hidden, every sheet protected. */
async function expectWholeTracker(host: NodeExcelHost): Promise<void> {
  const sheets = await sheetInfo(host);
  expect(sheets.filter((s) => s.name.startsWith("__tracker"))).toEqual([]);
  expect(sheets.find((s) => s.name === SHEET.meta)?.visibility).toBe("VeryHidden");
  for (const required of [SHEET.summary, SHEET.master, ...list.units]) expect(sheets.map((s) => s.name)).toContain(required);
  expect(sheets.filter((s) => s.name !== "Sheet1" && !s.protected).map((s) => s.name)).toEqual([]);
}

async function nonEmptyReports(host: NodeExcelHost): Promise<Array<[string, string]>> {
  const state = await host.run((ctx) => readMasterState(ctx));
  return [...state.reports].filter(([, r]) => r.status !== "").map(([k, r]) => [k, `${r.status}|${r.progress}`] as [string, string]).sort();
}

describe("one tracker through months of clicks under the strict host", () => {
  it("build → refresh → archive → merge → rebuild → refresh → merge: every figure matches LibreOffice", async () => {
    const host = newHost();
    const dir = mkdtempSync(path.join(os.tmpdir(), "repeat-"));
    const exported: Array<{ step: string; file: string; figures: DashboardFigures; results: Map<string, Awaited<ReturnType<typeof formulaResults>>> }> = [];
    for (const [i, step] of STEPS.entries()) {
      const prepared = await step.before?.(host);
      const figures = await step.click(host, prepared);
      await expectWholeTracker(host);
      const results = new Map<string, Awaited<ReturnType<typeof formulaResults>>>();
      for (const sheet of [SHEET.summary, SHEET.master, SHEET.history]) if (host.sheetNames().includes(sheet)) results.set(sheet, await formulaResults(host, sheet));
      const file = path.join(dir, `step${i + 1}.xlsx`);
      writeFileSync(file, (await exportXlsx(host.workbook, { protectionSpinCount: 1 })).buffer);
      exported.push({ step: step.name, file, figures, results });
    }
    expect(exported.map((e) => e.figures.overall.已完成分工数)).toEqual([0, 1, 1, 2, 2, 2, 3]);
    expect(exported.map((e) => e.results.has(SHEET.history))).toEqual([false, false, true, true, true, true, true]);
    if (!libreOfficeAvailable()) return;

    const recomputed = await recomputeAll(exported.map((e) => e.file));
    for (const [i, e] of exported.entries()) {
      const lo = recomputed[i];
      expectFiguresMatch(e.step, e.figures, figuresFromSummary(loGrid(lo.get(SHEET.summary)!)));
      let compared = 0;
      for (const [sheet, cells] of e.results) {
        for (const cell of cells) {
          expectSameResult(`${e.step} ${cell.at}`, cell.value, lo.get(sheet)![cell.r]?.[cell.c]);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(500);
    }
  }, 300_000); // two LibreOffice recalculations and seven operations; slow on two shared cores
});

/**
 * Makes request number `n` of the next click stop midway, as Excel does when a statement fails:
 * the first half of its actions are applied, then the request answers with an error.
 */
function failMidway(host: NodeExcelHost, n: number, cut: (body: { Actions: unknown[] }) => number = (b) => Math.floor(b.Actions.length / 2)): { failed: () => boolean; restore: () => void } {
  const real = host.processRequestText.bind(host);
  const refusing = new ExcelHost({ payloadLimitBytes: 1 });
  let count = 0;
  let failed = false;
  host.processRequestText = (text: string) => {
    const body = JSON.parse(text) as { Actions?: unknown[] };
    // Excel.run's trailing reference cleanup is not one of the click's requests.
    if (!body.Actions?.some((a) => (a as { ActionType: number }).ActionType !== 5 && (a as { Name?: string }).Name !== "_RemoveReference")) return real(text);
    if (++count !== n) return real(text);
    failed = true;
    real(JSON.stringify({ ...body, Actions: body.Actions.slice(0, cut(body as { Actions: unknown[] })) }));
    return refusing.processRequestText(text);
  };
  return { failed: () => failed, restore: () => (host.processRequestText = real) };
}

describe("a failure in any request of any step", () => {
  it("leaves a tracker that the next click repairs, keeping every report", async () => {
    const host = newHost();
    let failures = 0;
    for (const step of STEPS) {
      const prepared = await step.before?.(host);
      const repaired: Array<{ at: number; figures: DashboardFigures; reports: Array<[string, string]> }> = [];
      let reference: { figures: DashboardFigures; reports: Array<[string, string]> } | undefined;
      for (let n = 1; !reference; n++) {
        const injected = failMidway(host, n);
        let figures: DashboardFigures | undefined;
        try {
          figures = await step.click(host, prepared);
        } catch {
          expect({ step: step.name, n, failed: injected.failed() }).toEqual({ step: step.name, n, failed: true });
        } finally {
          injected.restore();
        }
        if (figures) {
          reference = { figures, reports: await nonEmptyReports(host) };
          break;
        }
        failures++;
        const again = await step.click(host, prepared);
        await expectWholeTracker(host);
        repaired.push({ at: n, figures: again, reports: await nonEmptyReports(host) });
      }
      expect(repaired.length).toBeGreaterThan(0);
      for (const r of repaired) {
        expect({ step: step.name, failedRequest: r.at, figures: r.figures }).toEqual({ step: step.name, failedRequest: r.at, figures: reference!.figures });
        expect({ step: step.name, failedRequest: r.at, reports: r.reports }).toEqual({ step: step.name, failedRequest: r.at, reports: reference!.reports });
      }
    }
    expect(failures).toBeGreaterThanOrEqual(STEPS.length * 2);
  });
});

interface WireBody {
  Actions: Array<{ ActionType: number; Name?: string; ObjectPathId: number }>;
  ObjectPaths: Record<string, { ObjectPathType: number; Name?: string; ArgumentInfo?: { Arguments?: unknown[] } }>;
}

/** Stops the first request that deletes `sheet` right after that statement. */
function failRightAfterDeleting(host: NodeExcelHost, sheet: string): () => boolean {
  const real = host.processRequestText.bind(host);
  const refusing = new ExcelHost({ payloadLimitBytes: 1 });
  let failed = false;
  host.processRequestText = (text: string) => {
    const body = JSON.parse(text) as WireBody;
    const at = failed
      ? -1
      : (body.Actions ?? []).findIndex((a) => {
          const p = body.ObjectPaths?.[String(a.ObjectPathId)];
          // The sheet is looked up by getItem (an indexer path) or getItemOrNullObject (a method path).
          const lookup = p?.ObjectPathType === 5 || (p?.ObjectPathType === 3 && p.Name === "GetItemOrNullObject");
          // A rebuild does not delete an old unit sheet at the swap but renames it away (kept hidden): the same moment.
          const retired = (a.ActionType === 3 && a.Name === "Delete") || (a.ActionType === 4 && a.Name === "Name");
          return retired && lookup && p.ArgumentInfo?.Arguments?.[0] === sheet;
        });
    if (at < 0) return real(text);
    failed = true;
    real(JSON.stringify({ ...body, Actions: body.Actions.slice(0, at + 1) }));
    host.processRequestText = real;
    return refusing.processRequestText(text);
  };
  return () => failed;
}

describe("a tracker with 汇总 or 任务总表 missing", () => {
  async function filled(): Promise<NodeExcelHost> {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "R2", listSource: source })));
    await typeStatuses(host, "省教育厅", [[1, "已完成", "全部完成"], [26, "滞后", "资金未到"]]);
    await typeStatuses(host, "省外办", [[12, "滞后", "签证受阻"]]);
    return host;
  }
  const expected = [
    ["12|省外办", "滞后|签证受阻"],
    ["1|省教育厅", "已完成|全部完成"],
    ["26|省教育厅", "滞后|资金未到"],
  ].sort();

  it.each([[SHEET.summary], [SHEET.master]])("a refresh stopped right after %s was deleted: the next refresh repairs it", async (sheet) => {
    const host = await filled();
    const failed = failRightAfterDeleting(host, sheet);
    await expect(host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-01 09:00", isSetSupported: ALL_SETS }))).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(failed()).toBe(true);
    expect(host.sheetNames()).not.toContain(sheet);
    const again = await host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-01 09:05", isSetSupported: ALL_SETS }));
    await expectWholeTracker(host);
    expect(again.figures.overall.已完成分工数).toBe(1);
    expect(await nonEmptyReports(host)).toEqual(expected);
  });

  it("a rebuild stopped right after a unit's sheet was deleted: the next rebuild keeps that unit's reports", async () => {
    const host = await filled();
    const failed = failRightAfterDeleting(host, "省教育厅");
    await expect(host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: source })))).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(failed()).toBe(true);
    expect(host.sheetNames()).not.toContain("省教育厅");
    const again = await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: source })));
    await expectWholeTracker(host);
    expect(again.figures.overall.已完成分工数).toBe(1);
    expect(await nonEmptyReports(host)).toEqual(expected);
  });

  it("deleted by hand, together with the leftovers of a failed write: the next refresh repairs it", async () => {
    const host = await filled();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SHEET.summary).delete();
      ctx.workbook.worksheets.getItem(SHEET.master).delete();
      ctx.workbook.worksheets.add("__tracker_new_0").getRange("A1").values = [["半成品"]];
      await ctx.sync();
    });
    const again = await host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-01 09:05", isSetSupported: ALL_SETS }));
    await expectWholeTracker(host);
    expect(again.figures.overall.已完成分工数).toBe(1);
    expect(await nonEmptyReports(host)).toEqual(expected);
  });
});

describe("a write stopped right after the metadata sheet was retired", () => {
  it.each([["refresh"], ["rebuild"]])("%s: the next click puts the staged metadata back under its name, very hidden", async (kind) => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "R3", listSource: source })));
    await typeStatuses(host, "省外办", [[12, "已完成", "办结"]]);
    const click = () =>
      kind === "refresh"
        ? host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-01 09:00", isSetSupported: ALL_SETS, archivePeriod: "2026年12月" })).then((r) => r.figures)
        : host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: source }))).then((r) => r.figures);
    const failed = failRightAfterDeleting(host, SHEET.meta);
    await expect(click()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(failed()).toBe(true);
    expect(host.sheetNames()).not.toContain(SHEET.meta);
    const figures = await click();
    await expectWholeTracker(host);
    expect(figures.overall.已完成分工数).toBe(1);
    const state = await host.run((ctx) => readMasterState(ctx));
    expect(state.meta.trackerId).toBe("R3");
    expect(await nonEmptyReports(host)).toEqual([["12|省外办", "已完成|办结"]]);
  });
});
