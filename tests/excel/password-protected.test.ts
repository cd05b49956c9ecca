/**
 * Trackers whose sheets carry a protection password (CLI --password, the add-in's own build
 * with a password, or a password the user set in Excel): every writing operation of the pane
 * checks the password first and, missing or wrong, stops with nothing changed. All of it runs
 * through Microsoft's genuine Office.js client against the test host, whose
 * WorksheetProtection.unprotect refuses a missing or wrong password.
 */
import ExcelJS from "exceljs";
import { SHEET } from "../../src/blueprint/layout";
import { parseTaskList } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { SheetPasswordError, checkSheetPassword } from "../../src/excel/sheet-password";
import { ExcelActions, excelActions } from "../../src/taskpane/excel-actions";
import type { NodeExcelHost } from "../excel-host/node-host";
import { ALL_SETS, buildOptions, newHost, roundTrips, typeStatuses, usedValues } from "../support/excel-host-helpers";
import { seedText } from "../support/seed";

const source = seedText();
const list = parseTaskList(source);
const PASSWORD = "江西2026";

/** Everything an operation could change: sheets, order, visibility, protection (password included), cell contents. */
function snapshot(host: NodeExcelHost): unknown {
  return host.sheetNames().map((name) => {
    const sheet = host.sheet(name);
    const cells: Array<[number, number, unknown]> = [];
    const used = sheet.usedRect(false);
    if (used) sheet.forEachCell(used, (cell, r, c) => cells.push([r, c, cell.f ?? cell.v]));
    return { name, visibility: sheet.visibility, protection: structuredClone(sheet.protection), cells };
  });
}

/** The tracker's own sheets (fixed ones and one per unit) with the password each is protected with. */
function trackerPasswords(host: NodeExcelHost): Map<string, string | null> {
  const ours = new Set<string>([...Object.values(SHEET), ...list.units]);
  return new Map(host.sheetNames().filter((n) => ours.has(n)).map((n) => [n, host.sheet(n).protection.protected ? host.sheet(n).protection.password : "unprotected"]));
}

const everyTrackerSheet = (host: NodeExcelHost, password: string | null): void => {
  const passwords = [...trackerPasswords(host)];
  expect(passwords.length).toBeGreaterThanOrEqual(3 + list.units.length);
  expect(passwords.filter(([, p]) => p !== password)).toEqual([]);
};

async function trackerWith(password?: string): Promise<{ host: NodeExcelHost; actions: ExcelActions }> {
  const host = newHost();
  await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "PW1", listSource: source, password })));
  // A report typed into an unlocked input cell, which protection allows.
  await typeStatuses(host, "省教育厅", [[3, "已完成", "方案已备案"]]);
  if (password === PASSWORD) preparedCopies.set(host, await returnedCopy(host));
  return { host, actions: excelActions((fn) => host.run(fn), ALL_SETS) };
}

/** A returned copy of 省财政厅 reporting task 14 as done. */
async function returnedCopy(host: NodeExcelHost): Promise<{ name: string; data: Uint8Array }> {
  // Exported as the pane does (signed, recorded in the password-protected _meta).
  const [copy] = await host.run((ctx) => makeUnitCopies(ctx, ["省财政厅"], "2026-11-28 10:00", undefined, PASSWORD));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(copy.data as unknown as ArrayBuffer);
  wb.worksheets[0].eachRow((row) => {
    if (row.getCell(1).value === 14) {
      row.getCell(7).value = "已完成";
      row.getCell(8).value = "单位报的";
    }
  });
  return { name: "省财政厅.xlsx", data: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

/** A returned copy made before the operation under test (exporting records itself in _meta). */
const preparedCopies = new WeakMap<NodeExcelHost, { name: string; data: Uint8Array }>();

/** Each writing operation of the pane, with the password the pane would pass. */
const operations: Array<[string, (a: ExcelActions, host: NodeExcelHost, password?: string) => Promise<unknown>]> = [
  ["refresh", (a, _h, password) => a.refresh({ warningDays: 15, password })],
  ["archive", (a, _h, password) => a.refresh({ archivePeriod: "2026年11月", password })],
  ["merge", (a, host, password) => a.merge([preparedCopies.get(host)!], () => undefined, undefined, password)],
  ["export", (a, _h, password) => a.exportCopies(["省财政厅"], password)],
  ["rebuild", (a, _h, password) => a.build(list, source, { onNameClash: "stop", onProgress: () => undefined, password })],
];

async function refusal(work: Promise<unknown>): Promise<SheetPasswordError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SheetPasswordError);
  return error as SheetPasswordError;
}

describe("a tracker protected with a password", () => {
  test.each(operations)("%s without the password stops, asks for it and changes nothing", async (_name, operation) => {
    const { host, actions } = await trackerWith(PASSWORD);
    const before = snapshot(host);
    const error = await refusal(operation(actions, host));
    expect(error.problem).toBe("missing");
    expect(error.sheet).toBe("汇总");
    expect(error.message).toContain("设置了保护密码。请输入密码");
    expect(error.message).toContain("工作簿未作任何修改");
    expect(snapshot(host)).toEqual(before);
  });

  test.each(operations)("%s with a wrong password says so and changes nothing", async (_name, operation) => {
    const { host, actions } = await trackerWith(PASSWORD);
    const before = snapshot(host);
    const error = await refusal(operation(actions, host, "江西2025"));
    expect(error.problem).toBe("wrong");
    expect(error.message).toContain("密码不正确");
    expect(error.message).toContain("工作簿未作任何修改");
    expect(snapshot(host)).toEqual(before);
  });

  test("refresh with the password rewrites the summary and the warning formulas, and protects them again with it", async () => {
    const { host, actions } = await trackerWith(PASSWORD);
    const result = await actions.refresh({ warningDays: 15, password: PASSWORD });
    expect(result.figures.overall.已完成分工数).toBe(1);
    expect(host.values("'_meta'!A1:B40").find((r) => r[0] === "warning_days")?.[1]).toBe("15");
    everyTrackerSheet(host, PASSWORD);
  });

  test("archive, merge and rebuild with the password keep every report and every sheet's password", async () => {
    const { host, actions } = await trackerWith(PASSWORD);
    const archived = await actions.refresh({ archivePeriod: "2026年11月", password: PASSWORD });
    expect(archived.periods).toBe(1);
    expect(host.sheet(SHEET.history).protection).toMatchObject({ protected: true, password: PASSWORD });

    const merged = await actions.merge([await returnedCopy(host)], () => undefined, undefined, PASSWORD);
    expect(merged.outcome.files[0].updated).toEqual(["14|省财政厅"]);
    expect(merged.figures.overall.已完成分工数).toBe(2);
    expect(host.sheet(SHEET.mergeLog).protection).toMatchObject({ protected: true, password: PASSWORD });

    const rebuilt = await actions.build(list, source, { onNameClash: "stop", onProgress: () => undefined, password: PASSWORD });
    expect(rebuilt.keptReports).toBe(2);
    expect((await usedValues(host, "省教育厅")).find((r) => r[0] === 3)!.slice(6, 8)).toEqual(["已完成", "方案已备案"]);
    expect((await usedValues(host, "省财政厅")).find((r) => r[0] === 14)!.slice(6, 8)).toEqual(["已完成", "单位报的"]);
    everyTrackerSheet(host, PASSWORD);
  });

  test("a password that opens 汇总 but not a sheet the user gave another password is refused, nothing changed", async () => {
    const { host, actions } = await trackerWith(PASSWORD);
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("省财政厅");
      ws.protection.unprotect(PASSWORD);
      ws.protection.protect({ allowFormatColumns: true }, "另一个密码");
      await ctx.sync();
    });
    const before = snapshot(host);
    const error = await refusal(actions.merge([await returnedCopy(host)], () => undefined, undefined, PASSWORD));
    expect(error.problem).toBe("mixed");
    expect(error.message).toContain("不同的密码");
    expect(snapshot(host)).toEqual(before);
  });
});

describe("a password the user set on one sheet of a tracker built without one", () => {
  async function userProtected(): Promise<{ host: NodeExcelHost; actions: ExcelActions }> {
    const t = await trackerWith(undefined);
    await t.host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("省教育厅");
      ws.protection.unprotect();
      ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true }, "mine");
      await ctx.sync();
    });
    return t;
  }

  test("is found even though 汇总 has none; missing, it is asked for, nothing changed", async () => {
    const { host, actions } = await userProtected();
    const before = snapshot(host);
    const error = await refusal(actions.refresh({ warningDays: 20 }));
    expect(error).toMatchObject({ problem: "missing", sheet: "省教育厅" });
    expect(snapshot(host)).toEqual(before);
  });

  test("given, it is used for every sheet the operation protects", async () => {
    const { host, actions } = await userProtected();
    await actions.refresh({ warningDays: 20, password: "mine" });
    everyTrackerSheet(host, "mine");
    expect((await usedValues(host, "省教育厅")).find((r) => r[0] === 3)!.slice(6, 8)).toEqual(["已完成", "方案已备案"]);
  });
});

describe("checkSheetPassword on a tracker without passwords", () => {
  test("needs none, keeps none, changes nothing, in 3 requests", async () => {
    const { host } = await trackerWith(undefined);
    const before = snapshot(host);
    host.stats.reset();
    await expect(host.run((ctx) => checkSheetPassword(ctx, "unused"))).resolves.toBeUndefined();
    expect(roundTrips(host)).toBe(3);
    expect(snapshot(host)).toEqual(before);
    everyTrackerSheet(host, null);
  });

  test("a workbook without a tracker is not examined: one request", async () => {
    const host = newHost();
    host.stats.reset();
    await expect(host.run((ctx) => checkSheetPassword(ctx))).resolves.toBeUndefined();
    expect(roundTrips(host)).toBe(1);
  });
});
