import fs from "fs";
import os from "os";
import path from "path";
import { ExcelHost } from "../excel-host/host";
import { createNodeHost, NodeExcelHost } from "../excel-host/node-host";
import { BrowserHost, CHROMIUM_PATH, startBrowserHost } from "../excel-host/browser";
import { buildPane } from "../support/build-pane";
import { toolAvailable } from "../support/tools";
import { buildBlueprint } from "../../src/blueprint";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { parseTaskList } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { seedText } from "../support/seed";
import { buildTracker } from "../../src/excel/build-tracker";
import { buildOptions, newHost, typeStatuses } from "../support/excel-host-helpers";
import { CORPUS_DIR, xlsxFromSpec } from "../fixtures/task-lists/corpus";

/** Screenshots of each pane state land here (look at them). */
export const SCREENSHOTS = path.resolve(__dirname, "../../test-artifacts/taskpane-screenshots");

const AXE_PATH = require.resolve("axe-core/axe.min.js");
const hasChromium = toolAvailable("Chromium (Debian package chromium)", CHROMIUM_PATH);
let dist = "";
const opened: BrowserHost[] = [];

/** A Chinese Excel by default (Office.context.displayLanguage). */
async function openPane(matrix: Record<string, string> = { ExcelApi: "1.17" }, locale = "zh-CN", host: ExcelHost = createNodeHost()): Promise<BrowserHost> {
  const b = await startBrowserHost({ pageHtmlPath: path.join(dist, "taskpane.html"), supportedMatrix: matrix, host, locale });
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
}, 600_000);

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
    await expectAxeClean(b, "before the build");
    // Chromium runs the bundle, so the ES5 engine check (for IE11 / EdgeHTML panes) stays silent.
    expect(await page.locator("#engine-unsupported").count()).toBe(0);

    await build.click();
    await page.getByTestId("notice").waitFor({ state: "visible", timeout: 60_000 });
    // A new tracker, nothing reported: the pane moves on to sending the copies.
    await page.getByTestId("panel-send").waitFor({ state: "visible" });
    await expect(page.getByTestId("step-send").textContent()).resolves.toContain("下一步");
    await page.getByTestId("step-summary").click();
    await page.getByTestId("dashboard").waitFor({ state: "visible" });
    await shot(b, "02-dashboard-after-build.png");
    expect(host.sheetNames().slice(0, 4)).toEqual(["汇总", "任务总表", "填报说明", "省委组织部"]);
    expect(host.values("'汇总'!B9")[0][0]).toBe(171);
    await expect(page.getByTestId("dashboard").textContent()).resolves.toContain("省人力资源社会保障厅");
    // The list setup is folded away once the tracker exists.
    await page.getByTestId("step-list").click();
    expect(await page.getByTestId("build").count()).toBe(0);
    await page.getByTestId("list-setup-toggle").click();
    expect(await page.getByTestId("build").textContent()).toContain("重新生成");
    await page.getByTestId("step-summary").click();

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
      wb.getWorksheet("省外办")!.getCell("H3").value = "单位报的进展";
      return Buffer.from(await wb.xlsx.writeBuffer());
    })();
    // Meanwhile the coordinator wrote another 进展 into the tracker: a conflict the merge keeps the tracker's side of.
    await (host as NodeExcelHost).run(async (ctx) => {
      ctx.workbook.worksheets.getItem("省外办").getRange("H3").values = [["总表里写的进展"]];
      await ctx.sync();
    });
    await page.getByTestId("step-collect").click();
    await page.getByTestId("merge-files").setInputFiles([{ name: "省外办-回收.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: edited }]);
    await page.getByTestId("merge-result").waitFor({ state: "visible", timeout: 60_000 });
    await expect(page.getByTestId("notice").textContent()).resolves.toContain("更新 1");
    expect(host.values("'汇总'!B10")[0][0]).toBe(1);
    await shot(b, "03-after-merge.png");
    await expectAxeClean(b, "after a merge");

    // The conflict is listed with both values and a button that takes the returned one.
    const conflict = page.getByTestId("conflict");
    await expect(conflict.textContent()).resolves.toContain("序号 12 · 省外办 · 本期进展情况，跟踪表为“总表里写的进展”，交回的为“单位报的进展”");
    expect(host.values("'省外办'!H3")[0][0]).toBe("总表里写的进展");
    await page.setViewportSize({ width: 270, height: 900 });
    await expectNoSideScroll(b, "conflict at 270px");
    await shot(b, "03b-conflict-270.png");
    await page.getByRole("button", { name: "采用报送值：序号 12 · 省外办 · 本期进展情况" }).click();
    await page.getByTestId("notice").filter({ hasText: "已采用报送值" }).waitFor({ timeout: 60_000 });
    expect(host.values("'省外办'!H3")[0][0]).toBe("单位报的进展");
    await expect(conflict.textContent()).resolves.toContain("已采用报送值");
    expect(await page.getByTestId("take-returned").count()).toBe(0);
    await shot(b, "03c-conflict-taken-270.png");
    await expectAxeClean(b, "after taking a returned value");
    await page.setViewportSize({ width: 380, height: 900 });

    // A full tracker is refused until the user confirms that very file.
    const full = Buffer.from(await writeXlsxBuffer(buildBlueprint(list, { trackerId, generatedAt: "x", reports: new Map([["26|省教育厅", { status: "已完成", progress: "", problems: "", nextSteps: "", evidence: "", reporter: "", reportDate: "" }]]) })));
    await page.getByTestId("merge-files").setInputFiles([{ name: "整表.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: full }]);
    const confirm = page.getByTestId("confirm-full-tracker");
    await confirm.waitFor({ state: "visible", timeout: 60_000 });
    expect(await confirm.textContent()).toContain("确认合并此整表：整表.xlsx");
    expect(host.values("'汇总'!B10")[0][0]).toBe(1);
    await confirm.click();
    await page.getByTestId("notice").filter({ hasText: "已合并 1 个文件，未合并 0 个文件。" }).waitFor({ timeout: 60_000 });
    await expectAxeClean(b, "after a confirmed full tracker");
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
    // The return deadline before the build: 填报说明 shows it.
    await page.getByLabel("报送截止时间").fill("2026年12月25日前");
    await page.getByTestId("build").click();
    await page.getByText("跟踪表已生成").waitFor({ state: "visible", timeout: 60_000 });
    expect(host.sheetNames()).not.toContain("各县(市、区)人民政府");
    expect(host.values("'填报说明'!A3")[0][0]).toBe("报送截止时间：2026年12月25日前");

    // Later, in the list step: the fields hold what the tracker keeps; a contact added updates 填报说明.
    await page.getByTestId("step-list").click();
    await expect(page.getByLabel("报送截止时间").inputValue()).resolves.toBe("2026年12月25日前");
    expect(await page.getByTestId("save-return-info").isDisabled()).toBe(true);
    await page.getByLabel("联系人及电话").fill("督查室 张三 0791-86000000");
    await page.getByTestId("save-return-info").click();
    await page.getByText("填报说明已更新").waitFor({ state: "visible", timeout: 60_000 });
    expect(host.values("'填报说明'!A3:A4")).toEqual([["报送截止时间：2026年12月25日前"], ["联系人及电话：督查室 张三 0791-86000000"]]);
    await shot(b, "07b-return-info-saved.png");
    await expectAxeClean(b, "return info saved");

    await page.getByTestId("step-archive").click();
    await page.getByTestId("period").fill("2026年11月");
    await page.getByTestId("archive").click();
    await page.getByText("已归档：2026年11月").waitFor({ state: "visible", timeout: 60_000 });
    expect(host.sheetNames()).toContain("历次汇总");
    expect(host.values("'历次汇总'!A2")[0][0]).toBe("2026年11月");
    // The archived figures in the pane: one row per period, the rate as text.
    await expect(page.getByTestId("trend-row").allTextContents()).resolves.toEqual([expect.stringMatching(/^2026年11月0\.0%—\d+$/)]);
    await shot(b, "08-period-archived.png");
    await page.setViewportSize({ width: 270, height: 900 });
    await expectNoSideScroll(b, "trend at 270px");
    await shot(b, "08b-period-trend-270.png");
    await expectAxeClean(b, "period archived, with its trend");
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
    await expect(errors.textContent()).resolves.toMatch(/第 3 行：序号 2 缺少责任部门.*第 4 行：序号 2 重复/);
    expect(await page.getByTestId("build").isDisabled()).toBe(true);
    await shot(b, "04-list-errors.png");
  });

  it("previews a full-width list with its skipped lines and flags a broken unit that cannot be built", async () => {
    if (!hasChromium) return;
    const b = await openPane();
    const { page, host } = b;
    await page.getByTestId("build").waitFor({ state: "visible", timeout: 30_000 });
    const list = [
      "附件1",
      "重点任务分工表",
      "序号\t重点任务\t牵头单位\t配合单位",
      "1\t推进中职学校达标建设\t省教育厅\t省财政厅（预算处，各市、县（市、区）人民政府",
      "2\t落实学生资助政策\t省财政厅\t省教育厅",
      "江西省教育厅办公室",
    ].join("\n");
    await page.getByTestId("list-text").fill(list);
    await page.getByTestId("use-text").click();
    const flagged = page.getByTestId("flagged-units");
    await flagged.waitFor({ state: "visible" });
    await expect(flagged.textContent()).resolves.toMatch(/第 4 行：“省财政厅（预算处，各市、县（市、区）人民政府”括号不成对/);
    await expect(page.getByTestId("ignored-lines").textContent()).resolves.toMatch(/（2）/);
    await page.getByTestId("ignored-lines").locator("summary").click();
    await expect(page.getByTestId("ignored-lines").textContent()).resolves.toMatch(/第 1 行：附件1.*第 6 行：江西省教育厅办公室/);
    await shot(b, "09-flagged-unit.png");
    const before = host.sheetNames().length;
    await page.getByTestId("build").click();
    await page.getByText(/括号不成对/).last().waitFor({ state: "visible", timeout: 60_000 });
    expect(host.sheetNames()).toHaveLength(before);
  });

  it("reads an .xlsx list from the sheet the user chooses", async () => {
    if (!hasChromium) return;
    const b = await openPane();
    const { page } = b;
    await page.getByTestId("build").waitFor({ state: "visible", timeout: 30_000 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pane-xlsx-"));
    const file = path.join(dir, "清单.xlsx");
    fs.writeFileSync(file, await xlsxFromSpec(path.join(CORPUS_DIR, "table-xlsx-chosen-sheet.xlsx.tsv")));
    await page.getByTestId("list-file").setInputFiles(file);
    // The first sheet holds only a note: refused by line, and the sheet can be changed.
    await page.getByTestId("list-sheet").waitFor({ state: "visible", timeout: 30_000 });
    await page.getByTestId("list-sheet").selectOption("任务清单");
    await expect(page.getByTestId("preview").textContent()).resolves.toMatch(/3\s*项任务.*4\s*个责任单位.*6\s*项责任分工/);
    await shot(b, "10-xlsx-sheet.png");
  });

  it("follows an English Office", async () => {
    if (!hasChromium) return;
    const b = await openPane({ ExcelApi: "1.17" }, "en-US");
    const build = b.page.getByTestId("build");
    await build.waitFor({ state: "visible", timeout: 30_000 });
    expect(await build.textContent()).toBe("Build tracker");
    await shot(b, "06-english.png");
  });

  it("asks once for the sheets' password, refuses a wrong one with nothing changed, and keeps the right one", async () => {
    if (!hasChromium) return;
    const PASSWORD = "跟踪-2026";
    const node = newHost();
    await node.run((ctx) => buildTracker(ctx, parseTaskList(seedText()), buildOptions({ listSource: seedText(), password: PASSWORD })));
    const b = await openPane(undefined, undefined, node);
    const { page, host } = b;
    await page.getByTestId("step-summary").click({ timeout: 30_000 });
    const refresh = page.getByTestId("refresh");
    await refresh.waitFor({ state: "visible", timeout: 30_000 });
    const stampBefore = host.values("'汇总'!A1:B5");

    await refresh.click();
    // A form named by its title: found by role and name, as a screen reader would.
    const prompt = page.getByRole("form", { name: "需要工作表保护密码" });
    await prompt.waitFor({ state: "visible", timeout: 30_000 });
    await expect(prompt.textContent()).resolves.toContain("“汇总”设置了保护密码");
    const field = page.getByLabel(/^工作表保护密码\s*\*?$/);
    // The field has focus: a user types straight away.
    await expect(field.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await shot(b, "09-password-asked.png");

    await field.fill("不对的密码");
    await page.keyboard.press("Enter");
    await page.getByText("密码不正确，工作簿未作任何修改").waitFor({ state: "visible", timeout: 30_000 });
    await shot(b, "10-password-wrong.png");
    expect(host.values("'汇总'!A1:B5")).toEqual(stampBefore);
    expect(host.sheet("汇总").protection).toMatchObject({ protected: true, password: PASSWORD });

    // Esc cancels, and says nothing was changed; the next click asks again.
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("problem").textContent()).resolves.toContain("已取消：没有密码无法修改受保护的工作表");
    expect(await prompt.count()).toBe(0);
    await refresh.click();
    await prompt.waitFor({ state: "visible", timeout: 30_000 });
    await page.getByLabel(/^工作表保护密码\s*\*?$/).fill(PASSWORD);
    await page.getByTestId("password-submit").click();
    await page.getByText("汇总已刷新").waitFor({ state: "visible", timeout: 60_000 });
    expect(await prompt.count()).toBe(0);
    for (const sheet of ["汇总", "任务总表", "_meta", "省教育厅"]) expect(host.sheet(sheet).protection).toMatchObject({ protected: true, password: PASSWORD });

    // Kept for the session: archiving does not ask again.
    await page.getByTestId("step-archive").click();
    await page.getByTestId("period").fill("2026年11月");
    await page.getByTestId("archive").click();
    await page.getByText("已归档：2026年11月").waitFor({ state: "visible", timeout: 60_000 });
    expect(await prompt.count()).toBe(0);
    expect(host.sheet("历次汇总").protection).toMatchObject({ protected: true, password: PASSWORD });
    expect(b.pageErrors).toEqual([]);
  });

  it("reopened on a tracker built from the user's own list, rebuilds with that list, and asks before another list replaces it", async () => {
    if (!hasChromium) return;
    const OWN = ["序号\t政策内容\t责任部门", "1\t推进中职学校达标建设\t省教育厅、省财政厅", "2\t落实学生资助政策\t本地专项办", "3\t开展督导评估\t省教育厅"].join("\n");
    const node = newHost();
    await node.run((ctx) => buildTracker(ctx, parseTaskList(OWN, { name: "本地清单" }), buildOptions({ listSource: OWN })));
    await typeStatuses(node, "本地专项办", [[2, "已完成", "已发放到位"]]);
    await typeStatuses(node, "省教育厅", [[1, "推进中"]]);
    const b = await openPane(undefined, undefined, node);
    const { page, host } = b;
    // Two of four assignments reported: the pane suggests collecting the rest.
    await page.getByTestId("panel-collect").waitFor({ state: "visible", timeout: 30_000 });
    await page.getByTestId("step-list").click();
    await page.getByTestId("list-setup-toggle").click();
    const build = page.getByTestId("build");
    await build.waitFor({ state: "visible", timeout: 30_000 });
    // The tracker's own list is chosen, not the built-in one.
    await expect(page.getByTestId("preview").textContent()).resolves.toMatch(/3\s*项任务.*3\s*个责任单位/);
    await expect(page.getByLabel("跟踪表现有清单").isChecked()).resolves.toBe(true);

    // Same list: rebuilt at once, both reports kept.
    await build.click();
    await page.getByText("跟踪表已生成").waitFor({ state: "visible", timeout: 60_000 });
    expect(await page.getByTestId("rebuild-confirm").count()).toBe(0);
    await expect(page.getByTestId("notice").textContent()).resolves.toContain("已保留填报内容：2");

    await page.getByTestId("step-list").click();
    await page.getByTestId("list-setup-toggle").click();
    // The built-in list: asked first, with what changes and the report that would lose its row.
    await page.getByLabel("内置清单").check();
    await expect(page.getByTestId("preview").textContent()).resolves.toMatch(/50\s*项任务/);
    const sheetsBefore = host.sheetNames();
    await build.click();
    const confirm = page.getByTestId("rebuild-confirm");
    await confirm.waitFor({ state: "visible", timeout: 30_000 });
    const changes = await page.getByTestId("rebuild-changes").textContent();
    expect(changes).toMatch(/新增单位（35 个）/);
    expect(changes).toMatch(/删除单位（1 个）：本地专项办/);
    await expect(page.getByTestId("rebuild-lost").textContent()).resolves.toMatch(/以下 1 条已填报内容.*序号 2 · 本地专项办/);
    // Focus goes to the question, so a keyboard or screen-reader user meets it first.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("rebuild-confirm-title");
    await shot(b, "11-rebuild-confirm.png");
    await expectAxeClean(b, "rebuild confirmation");
    expect(await build.isDisabled()).toBe(true);

    // Cancel: nothing written.
    await page.getByTestId("rebuild-confirm-no").click();
    await page.getByText("已取消，工作簿未作任何修改。").waitFor({ state: "visible" });
    expect(host.sheetNames()).toEqual(sheetsBefore);

    // Confirm: rebuilt with the built-in list; the pane no longer claims the lost report was kept.
    await build.click();
    await confirm.waitFor({ state: "visible", timeout: 30_000 });
    await page.getByTestId("rebuild-confirm-yes").click();
    await page.getByText("跟踪表已生成").waitFor({ state: "visible", timeout: 60_000 });
    expect(host.sheetNames()).not.toContain("本地专项办");
    expect(host.sheetNames()).toContain("省外办");
    expect(await page.getByTestId("notice").textContent()).not.toContain("已保留填报内容：2");
    expect(b.pageErrors).toEqual([]);
  });

  it("walks the month's steps at 270, 320 and 350 px in Chinese and English, fitting the pane and clean under axe", async () => {
    if (!hasChromium) return;
    const node = newHost();
    await node.run((ctx) => buildTracker(ctx, parseTaskList(seedText()), buildOptions({ listSource: seedText() })));
    const firstTask = parseTaskList(seedText()).tasks.find((t) => t.units.includes("省外办"))!.id;
    await typeStatuses(node, "省外办", [[firstTask, "已完成", "已办结"]]);
    for (const [locale, tag] of [["zh-CN", "zh"], ["en-US", "en"]] as const) {
      const b = await openPane(undefined, locale, node);
      const { page } = b;
      await page.getByTestId("steps").waitFor({ state: "visible", timeout: 30_000 });
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe(locale);
      // Keyboard: the arrow keys move between the steps.
      await page.getByTestId("step-collect").focus();
      await page.keyboard.press("ArrowRight");
      await expect(page.getByTestId("step-summary").getAttribute("aria-selected")).resolves.toBe("true");
      for (const step of ["list", "send", "collect", "summary", "archive"]) {
        await page.getByTestId(`step-${step}`).click();
        await page.getByTestId(`panel-${step}`).waitFor({ state: "visible" });
        if (step === "list") await page.getByTestId("list-setup-toggle").click();
        for (const width of [270, 320, 350]) {
          await page.setViewportSize({ width, height: 800 });
          await expectNoSideScroll(b, `${tag} ${step} ${width}px`);
          await shot(b, `step-${tag}-${step}-${width}.png`);
        }
        await expectAxeClean(b, `${tag} ${step}`);
      }
      // A search narrows the 37 units; sorting by 未填报 puts the units with most missing first.
      await page.getByTestId("step-summary").click();
      await page.getByTestId("unit-search").fill("省外");
      await expect(page.getByTestId("unit-row").count()).resolves.toBe(1);
      await page.getByTestId("unit-search").fill("");
      await page.getByTestId("sort-notReported").click();
      const missing = await page.getByTestId("unit-row").evaluateAll((rows) => rows.map((r) => Number(r.lastElementChild?.textContent)));
      expect(missing).toHaveLength(37);
      expect(missing).toEqual([...missing].sort((x, y) => y - x));
      expect(b.pageErrors).toEqual([]);
    }
  }, 300_000);

  it("explains what an old Excel lacks", async () => {
    if (!hasChromium) return;
    const b = await openPane({ ExcelApi: "1.7" });
    const { page } = b;
    const req = page.getByTestId("requirements");
    await req.waitFor({ state: "visible", timeout: 30_000 });
    await expect(req.textContent()).resolves.toContain("需要 ExcelApi 1.9");
    await expect(req.textContent()).resolves.toContain("批量许可版 Office 2019 只支持到 ExcelApi 1.7");
    expect(await page.getByTestId("build").isDisabled()).toBe(true);
    await shot(b, "05-old-excel.png");
  });
});

/** axe-core's rules, run in the page as it stands; any violation fails with its id and nodes. */
async function expectAxeClean(b: BrowserHost, state: string): Promise<void> {
  if (!(await b.page.evaluate(() => "axe" in window))) await b.page.addScriptTag({ path: AXE_PATH });
  // Judge the settled state: a button re-enabled a moment ago is still fading its colours in
  // (Fluent's CSS transitions), and axe would measure the contrast of a frame nobody reads.
  await b.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().endTime === Infinity), undefined, { timeout: 10_000 });
  const violations = await b.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(" ")}`);
  });
  expect({ state, violations }).toEqual({ state, violations: [] });
}

/** Nothing wider than the pane: no horizontal scroll bar. */
async function expectNoSideScroll(b: BrowserHost, state: string): Promise<void> {
  const widths = await b.page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // The innermost elements reaching past the pane's edge, named so a failure says what to fix.
    const over = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((e) => e.getBoundingClientRect().right > client + 0.5 && ![...e.children].some((c) => c.getBoundingClientRect().right > client + 0.5))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.dataset.testid ? `[${e.dataset.testid}]` : ""} “${(e.textContent ?? "").trim().slice(0, 30)}” right ${Math.round(e.getBoundingClientRect().right)}`);
    return { scroll: document.documentElement.scrollWidth, client, over };
  });
  const fits = widths.scroll <= widths.client;
  expect({ state, fits, over: fits ? [] : widths.over }).toEqual({ state, fits: true, over: [] });
}

async function expectEnabled(locator: { isDisabled(): Promise<boolean> }): Promise<void> {
  expect(await locator.isDisabled()).toBe(false);
}
