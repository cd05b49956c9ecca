import fs from "fs";
import path from "path";
import { createNodeHost, NodeExcelHost } from "../excel-host/node-host";
import { BrowserHost, CHROMIUM_PATH, startBrowserHost } from "../excel-host/browser";
import { buildPane } from "../support/build-pane";
import { toolAvailable } from "../support/tools";
import { buildBlueprint } from "../../src/blueprint";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { parseTaskList } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { seedText } from "../support/seed";

/** Screenshots of each pane state land here (look at them). */
export const SCREENSHOTS = path.resolve(__dirname, "../../test-artifacts/taskpane-screenshots");

const hasChromium = toolAvailable("Chromium (Debian package chromium)", CHROMIUM_PATH);
let dist = "";
const opened: BrowserHost[] = [];

/** A Chinese Excel by default (Office.context.displayLanguage). */
async function openPane(matrix: Record<string, string> = { ExcelApi: "1.17" }, locale = "zh-CN"): Promise<BrowserHost> {
  const b = await startBrowserHost({ pageHtmlPath: path.join(dist, "taskpane.html"), supportedMatrix: matrix, host: createNodeHost(), locale });
  opened.push(b);
  await b.page.setViewportSize({ width: 380, height: 900 });
  await b.officeReady(30_000);
  return b;
}

const shot = (b: BrowserHost, name: string) => b.page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });

beforeAll(async () => {
  if (!hasChromium) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  dist = await buildPane();
}, 180_000);

afterAll(async () => {
  for (const b of opened) await b.close();
});

describe("the task pane in Chromium, with the real office.js loader and the test host", () => {
  it("previews the built-in list, builds the tracker, shows the dashboard, exports and merges", async () => {
    if (!hasChromium) return;
    const b = await openPane();
    const { page, host } = b;
    const build = page.getByTestId("build");
    await build.waitFor({ state: "visible", timeout: 30_000 });
    await expectEnabled(build);
    const preview = page.getByTestId("preview");
    await expect(preview.textContent()).resolves.toMatch(/50\s*项任务.*37\s*个责任单位.*171\s*项责任分工/);
    await shot(b, "01-preview-builtin-list.png");

    await build.click();
    await page.getByTestId("dashboard").waitFor({ state: "visible", timeout: 60_000 });
    await page.getByTestId("notice").waitFor({ state: "visible" });
    await shot(b, "02-dashboard-after-build.png");
    expect(host.sheetNames().slice(0, 4)).toEqual(["汇总", "任务总表", "填报说明", "省委组织部"]);
    expect(host.values("'汇总'!B9")[0][0]).toBe(171);
    await expect(page.getByTestId("dashboard").textContent()).resolves.toContain("省人力资源社会保障厅");
    expect(await page.getByTestId("build").textContent()).toContain("重新生成");

    // A unit link activates that unit's sheet.
    await page.getByTitle("打开 省外办").click();
    await b.settle();
    expect(host.workbook.activeSheet?.name).toBe("省外办");

    // Merge a returned copy: the dashboard picks up the new figures.
    const list = parseTaskList(seedText());
    const trackerId = String(host.values("'_meta'!B1")[0][0]);
    // Exported by the add-in's own code against the same workbook: signed with the key it stores in the master.
    const [{ data: copy }] = await (host as NodeExcelHost).run((ctx) => makeUnitCopies(ctx, ["省外办"], "2026-11-28 10:00"));
    const edited = await (async () => {
      const ExcelJS = (await import("exceljs")).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(copy as unknown as ArrayBuffer);
      wb.getWorksheet("省外办")!.getCell("G3").value = "已完成";
      return Buffer.from(await wb.xlsx.writeBuffer());
    })();
    await page.getByTestId("merge-files").setInputFiles([{ name: "省外办-回收.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: edited }]);
    await page.getByTestId("merge-result").waitFor({ state: "visible", timeout: 60_000 });
    await expect(page.getByTestId("notice").textContent()).resolves.toContain("更新 1");
    expect(host.values("'汇总'!B10")[0][0]).toBe(1);
    await shot(b, "03-after-merge.png");

    // A full tracker is refused until the user confirms that very file.
    const full = Buffer.from(await writeXlsxBuffer(buildBlueprint(list, { trackerId, generatedAt: "x", reports: new Map([["26|省教育厅", { status: "已完成", progress: "", problems: "", nextSteps: "", evidence: "", reporter: "", reportDate: "" }]]) })));
    await page.getByTestId("merge-files").setInputFiles([{ name: "整表.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: full }]);
    const confirm = page.getByTestId("confirm-full-tracker");
    await confirm.waitFor({ state: "visible", timeout: 60_000 });
    expect(await confirm.textContent()).toContain("确认合并此整表:整表.xlsx");
    expect(host.values("'汇总'!B10")[0][0]).toBe(1);
    await confirm.click();
    await page.getByTestId("notice").filter({ hasText: "更新 1 · 冲突 0 · 拒收 0" }).waitFor({ timeout: 60_000 });
    expect(host.values("'汇总'!B10")[0][0]).toBe(2);
    expect(b.pageErrors).toEqual([]);
    expect(b.blockedRequests).toEqual([]);
  });

  it("merges two unit names before building, archives a period and sets the warning window", async () => {
    if (!hasChromium) return;
    const b = await openPane();
    const { page, host } = b;
    await page.getByTestId("build").waitFor({ state: "visible", timeout: 30_000 });
    // 各县(市、区)人民政府 into 各市、县(市、区)人民政府: one unit, one sheet.
    await page.getByLabel("并入 各县(市、区)人民政府").selectOption("各市、县(市、区)人民政府");
    await page.getByTestId("overrides").waitFor({ state: "visible" });
    await expect(page.getByTestId("preview").textContent()).resolves.toMatch(/36\s*个责任单位/);
    await shot(b, "07-unit-merge.png");
    await page.getByTestId("build").click();
    await page.getByTestId("dashboard").waitFor({ state: "visible", timeout: 60_000 });
    expect(host.sheetNames()).not.toContain("各县(市、区)人民政府");

    await page.getByTestId("period").fill("2026年11月");
    await page.getByTestId("archive").click();
    await page.getByText("已归档:2026年11月").waitFor({ state: "visible", timeout: 60_000 });
    expect(host.sheetNames()).toContain("历次汇总");
    expect(host.values("'历次汇总'!A2")[0][0]).toBe("2026年11月");
    await shot(b, "08-period-archived.png");
  });

  it("shows a pasted list's errors by line and keeps the build button off", async () => {
    if (!hasChromium) return;
    const b = await openPane();
    const { page } = b;
    await page.getByTestId("build").waitFor({ state: "visible", timeout: 30_000 });
    await page.getByTestId("list-text").fill("序号\t政策内容\t责任部门\n1\t任务一\t省教育厅\n2\t任务二\t\n2\t任务三\t省财政厅");
    await page.getByTestId("use-text").click();
    const errors = page.getByTestId("list-error");
    await errors.waitFor({ state: "visible" });
    await expect(errors.textContent()).resolves.toMatch(/第 3 行:序号 2 缺少责任部门.*第 4 行:序号 2 重复/);
    expect(await page.getByTestId("build").isDisabled()).toBe(true);
    await shot(b, "04-list-errors.png");
  });

  it("follows an English Office", async () => {
    if (!hasChromium) return;
    const b = await openPane({ ExcelApi: "1.17" }, "en-US");
    const build = b.page.getByTestId("build");
    await build.waitFor({ state: "visible", timeout: 30_000 });
    expect(await build.textContent()).toBe("Build tracker");
    await shot(b, "06-english.png");
  });

  it("explains what an old Excel lacks", async () => {
    if (!hasChromium) return;
    const b = await openPane({ ExcelApi: "1.7" });
    const { page } = b;
    const req = page.getByTestId("requirements");
    await req.waitFor({ state: "visible", timeout: 30_000 });
    await expect(req.textContent()).resolves.toContain("需要 ExcelApi 1.8");
    expect(await page.getByTestId("build").isDisabled()).toBe(true);
    await shot(b, "05-old-excel.png");
  });
});

async function expectEnabled(locator: { isDisabled(): Promise<boolean> }): Promise<void> {
  expect(await locator.isDisabled()).toBe(false);
}
