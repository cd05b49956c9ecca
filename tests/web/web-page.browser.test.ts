/**
 * web.html opened from disk (file://) in Debian's Chromium, with no office.js: builds the
 * Jiangxi tracker, exports the copies, merges copies edited in LibreOffice and hands back a
 * tracker whose figures LibreOffice recomputes to the roll-up — byte for byte what the
 * CLI's functions write for the same inputs and the same time.
 */
import fs from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { Browser, BrowserContext, Page, chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH, OFFICE_CDN_PREFIX } from "../excel-host/browser";
import { OFFICE_JS_DIST } from "../excel-host/client/office-dist";
import { fileUnder } from "../excel-host/client/static-server";
import { buildPane } from "../support/build-pane";
import { toolAvailable } from "../support/tools";
import { LoEditJob, editInLibreOffice, libreOfficeAvailable, recomputeSheets } from "../support/libreoffice";
import { reportWith } from "../support/fill";
import { seedText } from "../support/seed";
import { expectSummaryEqualsRollup } from "../support/summary-figures";
import { SHEET } from "../../src/blueprint/layout";
import { Report, Status, computeRollup, parseTaskList, reportKey } from "../../src/domain";
import { buildTrackerFile } from "../../src/files/build-tracker-file";
import { loadTrackerBytes } from "../../src/files/loaded-tracker";
import { mergeTracker } from "../../src/files/merge-tracker-file";
import { reportDocxFile } from "../../src/files/report-file";
import { todayIso } from "../../src/files/stamps";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { BUILTIN_FILE_NAME } from "../../src/web/builtin";

const AXE_PATH = require.resolve("axe-core/axe.min.js");
/** The page's clock, fixed: the same time is handed to the CLI's functions. */
const NOW = new Date(2026, 11, 1, 10, 0);
const hasTools = toolAvailable("Chromium (Debian package chromium)", CHROMIUM_PATH) && libreOfficeAvailable();

const EDITS: Array<{ unit: string; statuses: Array<[number, Status, string]> }> = [
  { unit: "省财政厅", statuses: [[14, "已完成", "资金已下达"], [26, "推进中", "分批拨付"], [21, "滞后", "预算未批"]] },
  { unit: "省教育厅", statuses: [[1, "推进中", "起草选聘办法"], [26, "已完成", "全部达标"], [13, "长期坚持", "每年培训"]] },
  { unit: "省外办", statuses: [[12, "已完成", "已签约"]] },
];

let dist = "";
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "web-page-"));
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!hasTools) return;
  dist = await buildPane();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  context = await browser.newContext({ locale: "zh-CN", acceptDownloads: true });
  page = await context.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.clock.setFixedTime(NOW);
  await page.goto(`file://${path.join(dist, "web.html")}`);
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

/** Clicks a job's button and waits for its result (or fails with the page's error). */
async function runJob(testid: string): Promise<string> {
  await page.getByTestId(testid).click();
  await page.waitForFunction(() => !document.querySelector("button[data-testid=build]")?.hasAttribute("disabled"), undefined, { timeout: 300_000 });
  const error = page.getByTestId("error");
  if (await error.count()) throw new Error(`the page says: ${await error.textContent()}`);
  return (await page.getByTestId("results").textContent()) ?? "";
}

/** Downloads the result link whose name ends in `suffix` and returns its bytes. */
async function download(suffix: string): Promise<{ name: string; data: Buffer }> {
  const link = page.getByTestId("results").locator(`a[download$="${suffix}"]`);
  const [d] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), data: fs.readFileSync(file) };
}

async function expectAxeClean(state: string): Promise<void> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(" ")}`);
  });
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect({ state, violations, fits: widths.scroll <= widths.client }).toEqual({ state, violations: [], fits: true });
}

describe("web.html from disk, without Office", () => {
  it("builds, exports, merges LibreOffice-edited returns and downloads the CLI's tracker", async () => {
    if (!hasTools) return;
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    await expectAxeClean("at start, 320 px");

    // Build the built-in list: the CLI's build function gives the same bytes for the same id and time.
    expect(await runJob("build")).toContain("已生成跟踪表：50 项任务，37 个责任单位");
    const built = await download(".xlsx");
    expect(built.name).toBe("江西省工作任务清单-跟踪表.xlsx");
    const trackerId = (await readTrackerFile(built.data)).meta.trackerId;
    const cliBuilt = await buildTrackerFile({ fileName: BUILTIN_FILE_NAME, content: seedText() }, { trackerId, now: NOW });
    expect(Buffer.from(cliBuilt.data).equals(built.data)).toBe(true);
    await expectAxeClean("after the build, 320 px");

    // Export: a .zip of 37 signed copies, and the tracker that records them.
    expect(await runJob("export")).toContain("已导出 37 份单位填报表（2026年12月）");
    const zip = await JSZip.loadAsync((await download(".zip")).data);
    expect(Object.keys(zip.files)).toHaveLength(37);
    const exported = await download(".xlsx");

    // Three units fill their copies in LibreOffice (typed statuses, the rows sorted).
    const jobs: LoEditJob[] = [];
    for (const [i, e] of EDITS.entries()) {
      const copy = path.join(dir, `copy-${i}.xlsx`);
      fs.writeFileSync(copy, await zip.file(`江西省工作任务清单-${e.unit}-填报.xlsx`)!.async("nodebuffer"));
      jobs.push({ in: copy, out: path.join(dir, `${e.unit}-回收.xlsx`), sheet: e.unit, statuses: e.statuses, sort: true });
    }
    await editInLibreOffice(jobs);

    await page.getByTestId("returns").setInputFiles(jobs.map((j) => j.out));
    const text = await runJob("merge");
    expect(text).toContain("已合并 3 个文件，未合并 0 个文件；更新 7 条填报");
    const merged = await download("-合并.xlsx");
    await expectAxeClean("after the merge, 320 px");

    // The CLI's merge of the same tracker and returns at the same time: the same bytes.
    const master = await loadTrackerBytes(exported.data, exported.name);
    const returns = jobs.map((j) => ({ source: path.basename(j.out), data: fs.readFileSync(j.out) }));
    const cli = await mergeTracker(master, returns, [], { now: NOW });
    expect(cli.refused).toEqual([]);
    expect(Buffer.from(cli.data).equals(merged.data)).toBe(true);

    // LibreOffice recomputes the downloaded tracker's formulas to the roll-up of what was typed.
    const file = path.join(dir, "merged.xlsx");
    fs.writeFileSync(file, merged.data);
    const reports = new Map<string, Report>();
    for (const e of EDITS) for (const [id, status, progress] of e.statuses) reports.set(reportKey(id, e.unit), reportWith(status, progress));
    const expected = computeRollup(parseTaskList(seedText()), reports, todayIso(new Date()));
    const sheets = await recomputeSheets(file);
    const summary = sheets.get(SHEET.summary)!;
    expectSummaryEqualsRollup(summary, expected);
    expect(sheets.get(SHEET.mergeLog)!.filter((r) => r[3] === "汇总").map((r) => r[4])).toEqual(["3", "3", "1"]);

    // The progress report: the same .docx as the CLI's for this tracker and date.
    expect(await runJob("report")).toContain("责任分工 171 项，已完成 3");
    const docx = await download(".docx");
    expect(Buffer.from((await reportDocxFile(merged.data, todayIso(NOW))).data).equals(docx.data)).toBe(true);

    // Archive: the period lands in 历次汇总 of the tracker the page now holds.
    expect(await runJob("archive")).toContain("已归档 2026年12月（共 1 期");
    const archived = await readTrackerFile((await download(".xlsx")).data);
    expect(new Set((archived.history ?? []).map((r) => r[0]))).toEqual(new Set(["2026年12月"]));

    // Worked in a worker (no in-page notice), never left the disk.
    expect(await page.getByTestId("in-page").count()).toBe(0);
    expect(requests.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 900_000);

  it("says what is wrong with a pasted list, in Chinese, and keeps the text", async () => {
    if (!hasTools) return;
    await page.getByTestId("paste").fill("序号\t政策内容\n1\t没有责任部门的任务");
    await page.getByTestId("build").click();
    const error = page.getByTestId("error");
    await error.waitFor({ timeout: 120_000 });
    expect(await error.textContent()).toMatch(/任务清单有问题/);
    expect(await page.getByTestId("paste").inputValue()).toBe("序号\t政策内容\n1\t没有责任部门的任务");
    await expectAxeClean("after a list error, 320 px");
  }, 300_000);

  it.each([
    ["office.js cannot load (offline)", false, "Office.js 未加载"],
    ["office.js loads but no Office host", true, "当前不在 Excel 中运行"],
  ])("taskpane.html opened in a browser (%s) points to web.html", async (_case, serveOfficeJs, reason) => {
    if (!hasTools) return;
    const other = await browser.newContext({ locale: "zh-CN" });
    // The CDN is either unreachable or answered from the pinned @microsoft/office-js package.
    await other.route(`${OFFICE_CDN_PREFIX}**`, (route) => {
      const file = serveOfficeJs ? fileUnder(OFFICE_JS_DIST, new URL(route.request().url()).pathname.slice(new URL(OFFICE_CDN_PREFIX).pathname.length - 1)) : null;
      return file ? route.fulfill({ path: file }) : route.abort("internetdisconnected");
    });
    const pane = await other.newPage();
    await pane.goto(`file://${path.join(dist, "taskpane.html")}`);
    const notice = pane.getByTestId("outside-office");
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain(reason);
    await notice.getByRole("link", { name: "网页版（web.html）" }).click();
    await pane.getByTestId("build").waitFor({ timeout: 30_000 });
    expect(pane.url()).toBe(`file://${path.join(dist, "web.html")}`);
    await other.close();
  }, 120_000);
});
