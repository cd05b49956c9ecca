import { buildTracker } from "../../src/excel/build-tracker";
import { refreshTracker } from "../../src/excel/refresh-tracker";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { parseTaskList } from "../../src/domain";
import { seedText } from "../support/seed";
import { ALL_SETS, buildOptions, newHost, typeStatuses, usedValues } from "../support/excel-host-helpers";
import ExcelJS from "exceljs";

const source = seedText();
const list = parseTaskList(source);
const INFO = { period: "2026年12月", deadline: "2026年12月25日前", contact: "督查室 张三 0791-86000000" };

const lines = async (host: ReturnType<typeof newHost>) => (await usedValues(host, "填报说明")).map((r) => r[0]);

describe("the return deadline, contact and period in the add-in", () => {
  it("are written into 填报说明 at build, kept by a rebuild and a plain refresh, changed by a refresh that sets them, and given to exported copies", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: source, returnInfo: INFO })));
    expect((await lines(host)).slice(2, 5)).toEqual(["填报期间：2026年12月", "报送截止时间：2026年12月25日前", `联系人及电话：${INFO.contact}`]);

    // A rebuild without new values keeps the tracker's own (as it keeps the reports).
    await typeStatuses(host, "省教育厅", [[3, "已完成"]]);
    const rebuilt = await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: source, generatedAt: "2026-11-29 10:00" })));
    expect(rebuilt.keptReports).toBe(1);
    expect((await lines(host))[3]).toBe("报送截止时间：2026年12月25日前");
    await host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-11-30 09:00", isSetSupported: ALL_SETS }));
    expect((await lines(host))[4]).toBe(`联系人及电话：${INFO.contact}`);

    // New values from the pane: 填报说明 shows them; the contact cleared drops its line.
    await host.run((ctx) => refreshTracker(ctx, { refreshedAt: "2026-12-01 09:00", isSetSupported: ALL_SETS, returnInfo: { period: "2027年1月", deadline: "1月25日前", contact: "" } }));
    const after = await lines(host);
    expect(after.slice(2, 5)).toEqual(["填报期间：2027年1月", "报送截止时间：1月25日前", ""]);
    expect(after.some((l) => String(l).startsWith("联系人及电话"))).toBe(false);
    expect((await usedValues(host, "省教育厅")).find((r) => r[0] === 3)![6]).toBe("已完成");

    // A copy exported now is for the tracker's period and carries the deadline.
    const [copy] = await host.run((ctx) => makeUnitCopies(ctx, ["省外办"], "2026-12-02 10:00"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(copy.data) as unknown as ArrayBuffer);
    const text = wb.getWorksheet("填报说明")!.getColumn(1).values.map(String);
    expect(text).toEqual(expect.arrayContaining(["填报期间：2027年1月", "报送截止时间：1月25日前", "12. 本表为 2027年1月 的填报表（导出时间 2026-12-02 10:00）。"]));
  });
});
