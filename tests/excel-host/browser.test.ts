/**
 * The real office.js loader in Debian's Chromium, talking to the same TypeScript host through
 * the native bridge. Requires /usr/bin/chromium: on CI its absence fails the test; on a
 * developer machine it is reported loudly and the test returns early.
 */
import * as path from "path";
import { chromiumExecutable, CHROMIUM_PATH, startBrowserHost } from "./browser";
import { ExcelHost } from "./host";

const PAGE = path.join(__dirname, "page", "office-test-page.html");

type PageWindow = {
  Excel: typeof Excel;
  Office: typeof Office;
  officeReadyInfo: Promise<{ host: string; platform: string }>;
};

describe("Chromium with the real office.js loader", () => {
  it("runs Excel.run in the page against the Node host: a write, a read and a refused write", async () => {
    if (!chromiumExecutable()) {
      if (process.env.CI === "true" || process.env.CI === "1") throw new Error(`CI: Chromium is required at ${CHROMIUM_PATH}`);
      console.warn(`\n*** SKIPPING the Chromium test: no browser at ${CHROMIUM_PATH} (install Debian's chromium) ***\n`);
      return;
    }
    const host = new ExcelHost({ sheets: ["汇总"] });
    const browser = await startBrowserHost({ host, pageHtmlPath: PAGE, supportedMatrix: { ExcelApi: "1.9" } });
    try {
      await browser.officeReady();
      const outcome = await browser.page.evaluate(async () => {
        const w = window as unknown as PageWindow;
        const info = await w.officeReadyInfo;
        const read = await w.Excel.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.add("浏览器");
          ws.getRange("A1:B2").values = [
            [21, "=A1*2"],
            ["已完成", "=COUNTIF('浏览器'!A2,\"已完成\")"],
          ];
          ws.protection.protect();
          const r = ws.getRange("B1:B2").load("values,address");
          await ctx.sync();
          return { values: r.values, address: r.address };
        });
        const refused = await w.Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("浏览器").getRange("C1").values = [["x"]];
          await ctx.sync();
        }).then(
          () => "accepted",
          (e: { code: string }) => e.code,
        );
        return {
          info,
          read,
          refused,
          supports19: w.Office.context.requirements.isSetSupported("ExcelApi", "1.9"),
          supports110: w.Office.context.requirements.isSetSupported("ExcelApi", "1.10"),
        };
      });
      await browser.settle();
      expect(outcome).toEqual({
        info: expect.objectContaining({ host: "Excel", platform: "PC" }),
        read: { values: [[42], [1]], address: "浏览器!B1:B2" },
        refused: "AccessDenied",
        supports19: true,
        supports110: false,
      });
      expect(host.sheetNames()).toEqual(["汇总", "浏览器"]);
      expect(host.values("'浏览器'!A1:B2")).toEqual([[21, 42], ["已完成", 1]]);
      const stats = host.stats.snapshot();
      expect(stats.internalTrips).toBeGreaterThanOrEqual(1);
      expect(stats.roundTrips).toBe(2);
      expect(stats.cleanupTrips).toBe(2);
      expect(stats.failedTrips).toBe(1);
      expect(browser.blockedRequests).toEqual([]);
      expect(browser.missingFiles).toEqual([]);
      expect(browser.pageErrors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
