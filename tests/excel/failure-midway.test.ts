import { ExcelHost } from "../excel-host/host";
import { NodeExcelHost } from "../excel-host/node-host";
import { buildTracker } from "../../src/excel/build-tracker";
import { describeExcelError } from "../../src/excel/excel-errors";
import { parseTaskList } from "../../src/domain";
import { seedText } from "../support/seed";
import { buildOptions, newHost, sheetInfo, typeStatuses, usedValues } from "../support/excel-host-helpers";

const list = parseTaskList(seedText());
const CHUNK = 150_000;

/** Makes the host answer request number `n` (counted from now) with an error, as Excel does when a request fails. */
function failRequest(host: NodeExcelHost, n: number): () => number {
  const real = host.processRequestText.bind(host);
  const refusing = new ExcelHost({ payloadLimitBytes: 1 });
  let count = 0;
  host.processRequestText = (text: string) => (++count === n ? refusing.processRequestText(text) : real(text));
  return () => count;
}

/** Fails the first request that arrives after the build swapped its staged sheets in. */
function failAfterSwap(host: NodeExcelHost): () => boolean {
  const real = host.processRequestText.bind(host);
  const refusing = new ExcelHost({ payloadLimitBytes: 1 });
  let staged = false;
  let failed = false;
  host.processRequestText = (text: string) => {
    const names = host.sheetNames();
    if (names.some((n) => n.startsWith("__tracker_new_"))) staged = true;
    else if (staged && !failed) {
      failed = true;
      return refusing.processRequestText(text);
    }
    return real(text);
  };
  return () => failed;
}

async function filledTracker(): Promise<NodeExcelHost> {
  const host = newHost();
  await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "F1" })));
  await typeStatuses(host, "省教育厅", [[26, "已完成", "全部达标"]]);
  await typeStatuses(host, "省外办", [[12, "滞后", "签证受阻"]]);
  return host;
}

async function expectReportsKept(host: NodeExcelHost): Promise<void> {
  expect((await usedValues(host, "省教育厅")).find((r) => r[0] === 26)!.slice(6, 8)).toEqual(["已完成", "全部达标"]);
  expect((await usedValues(host, "省外办")).find((r) => r[0] === 12)!.slice(6, 8)).toEqual(["滞后", "签证受阻"]);
}

describe("a rebuild that fails midway", () => {
  it("while new sheets are being written leaves the old tracker whole; the next build cleans up and keeps every report", async () => {
    const host = await filledTracker();
    const before = (await sheetInfo(host)).map((s) => s.name);
    // Requests: 1 sheet list, 2 read, then the write in chunks; the 2nd chunk fails.
    failRequest(host, 4);
    let failure: unknown;
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ requestBudgetBytes: CHUNK }))).catch((e: unknown) => (failure = e));
    expect(describeExcelError(failure)).toContain("RequestPayloadSizeLimitExceeded");

    const after = await sheetInfo(host);
    expect(after.filter((s) => !s.name.startsWith("__tracker_new_")).map((s) => s.name)).toEqual(before);
    expect(after.some((s) => s.name.startsWith("__tracker_new_"))).toBe(true);
    await expectReportsKept(host);

    host.processRequestText = ExcelHost.prototype.processRequestText.bind(host);
    const rebuilt = await host.run((ctx) => buildTracker(ctx, list, buildOptions({ requestBudgetBytes: CHUNK })));
    expect(rebuilt.keptReports).toBe(2);
    expect((await sheetInfo(host)).filter((s) => s.name.startsWith("__tracker"))).toEqual([]);
    await expectReportsKept(host);
  });

  it("after the swap (while formulas go in) leaves a tracker with every report that the next build completes", async () => {
    const host2 = await filledTracker();
    // By then the old sheets are gone and the new ones carry the reports, without all their formulas.
    const failed = failAfterSwap(host2);
    await expect(host2.run((ctx) => buildTracker(ctx, list, buildOptions({ requestBudgetBytes: CHUNK })))).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(failed()).toBe(true);
    const partial = (await sheetInfo(host2)).map((s) => s.name);
    // Only the old unit sheets, hidden: they are kept until what co-authors typed meanwhile is carried over.
    expect(partial.filter((n) => n.startsWith("__tracker") && !n.startsWith("__tracker_old_"))).toEqual([]);
    expect(partial).toContain("_meta");
    await expectReportsKept(host2);
    host2.processRequestText = ExcelHost.prototype.processRequestText.bind(host2);
    const rebuilt = await host2.run((ctx) => buildTracker(ctx, list, buildOptions({ requestBudgetBytes: CHUNK })));
    expect(rebuilt.keptReports).toBe(2);
    expect(rebuilt.figures.overall.已完成分工数).toBe(1);
    expect((await sheetInfo(host2)).filter((s) => s.name.startsWith("__tracker"))).toEqual([]);
    await expectReportsKept(host2);
  });
});
