/**
 * Reports as long as real ones can make the answer to a read pass Excel on the web's 5 MB
 * response limit (ResponsePayloadSizeLimitExceeded). The reads ask again in smaller pieces:
 * fewer sheets per request, then row slices of one sheet. Here the host's limit is lowered so a
 * small tracker overflows the same way a 5,000 × 200 one with a month of reports did.
 */
import { parseTaskList, reportKey } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { loadSheetList, readTrackerContent } from "../../src/excel/read-state";
import { readMasterState } from "../../src/excel/tracker-reports";
import { buildOptions, newHost, typeStatuses } from "../support/excel-host-helpers";

const rows = Array.from({ length: 24 }, (_, i) => `${i + 1}\t任务${i + 1}\t${i % 2 === 0 ? "省教育厅、省财政厅" : "省教育厅"}`);
const list = parseTaskList(["序号\t政策内容\t责任部门", ...rows].join("\n"));

/** A long progress text that differs per task, so a misplaced slice would show. */
const progress = (id: number) => `第${id}项进展：${"按计划推进，".repeat(120)}`;

describe("reading reports whose answer passes the response limit", () => {
  it("reads every report in smaller requests and gets the same state as one big read", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions()));
    await typeStatuses(host, "省教育厅", list.tasks.map((t): [number, string, string] => [t.id, "推进中", progress(t.id)]));
    await typeStatuses(host, "省财政厅", list.tasks.filter((t) => t.units.includes("省财政厅")).map((t): [number, string, string] => [t.id, "已完成", progress(t.id)]));

    const whole = await host.run((ctx) => readMasterState(ctx));
    host.stats.reset();

    // ~2.2 KB of UTF-8 per row: 省教育厅's 24 rows alone answer ~55 KB; the limit takes ~8 rows.
    host.workbook.payloadLimitBytes = 20_000;
    const pieces = await host.run((ctx) => readMasterState(ctx));
    const snapshot = host.stats.snapshot();
    expect(snapshot.roundTrips).toBeGreaterThan(4);

    expect([...pieces.reports]).toEqual([...whole.reports]);
    expect([...pieces.cells]).toEqual([...whole.cells]);
    expect(pieces.mergeLog).toEqual(whole.mergeLog);
    expect(pieces.reports.get(reportKey(24, "省教育厅"))?.progress).toBe(progress(24));
    expect([...pieces.reports.values()].filter((r) => r.status === "推进中")).toHaveLength(24);
    expect([...pieces.reports.values()].filter((r) => r.status === "已完成")).toHaveLength(12);
  });

  it("keeps the metadata and 合并记录 read along with the first request when that answer is refused (rebuild's read)", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions()));
    await typeStatuses(host, "省教育厅", list.tasks.map((t): [number, string, string] => [t.id, "推进中", progress(t.id)]));
    const read = (ctx: Excel.RequestContext) =>
      loadSheetList(ctx).then((sheets) =>
        readTrackerContent(ctx, sheets, [
          { sheet: "省教育厅", rows: 24 },
          { sheet: "省财政厅", rows: 12 },
        ]),
      );
    const whole = await host.run(read);
    host.workbook.payloadLimitBytes = 20_000;
    const pieces = await host.run(read);
    expect(pieces.meta).toEqual(whole.meta);
    expect(pieces.assignments).toEqual(whole.assignments);
    expect(pieces.assignments.filter((a) => a.report.progress === progress(a.taskId) && a.unit === "省教育厅")).toHaveLength(24);
  });

  it("fails with the limit's error when one row alone is too large", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions()));
    // ~36 KB in one cell, over a limit that every other answer keeps under.
    await typeStatuses(host, "省教育厅", [[1, "推进中", "按计划推进，".repeat(2000)]]);
    host.workbook.payloadLimitBytes = 20_000;
    await expect(host.run((ctx) => readMasterState(ctx))).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});
