import fs from "fs";
import path from "path";
import JSZip from "jszip";
import { simpleParser } from "mailparser";
import { BrowserHost, CHROMIUM_PATH, startBrowserHost } from "../excel-host/browser";
import { ExcelHost } from "../excel-host/host";
import { buildPane } from "../support/build-pane";
import { toolAvailable } from "../support/tools";
import { parseTaskList } from "../../src/domain";
import { localDate } from "../../src/taskpane/excel-actions";
import { seedText } from "../support/seed";

const SCREENSHOTS = path.resolve(__dirname, "../../test-artifacts/taskpane-screenshots");
const AXE_PATH = require.resolve("axe-core/axe.min.js");
const hasChromium = toolAvailable("Chromium (Debian package chromium)", CHROMIUM_PATH);
let dist = "";
let opened: BrowserHost | undefined;

beforeAll(async () => {
  if (!hasChromium) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  dist = await buildPane();
}, 600_000);

afterAll(async () => {
  await opened?.close();
});

async function expectAxeClean(b: BrowserHost, state: string): Promise<void> {
  if (!(await b.page.evaluate(() => "axe" in window))) await b.page.addScriptTag({ path: AXE_PATH });
  // Fluent fades colours in; axe must judge the settled frame.
  await b.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().endTime === Infinity), undefined, { timeout: 10_000 });
  const violations = await b.page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(" ")}`);
  });
  expect({ state, violations }).toEqual({ state, violations: [] });
  const widths = await b.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect({ state, fits: widths.scroll <= widths.client }).toEqual({ state, fits: true });
}

describe("联络员 and 下载邮件草稿 in the pane, in Chromium with the production bundle at 320 px", () => {
  it("refuses a bad table unchanged, saves pasted and typed contacts, and downloads drafts and reminders as .zip files of .eml", async () => {
    if (!hasChromium) return;
    const b = await startBrowserHost({ pageHtmlPath: path.join(dist, "taskpane.html"), supportedMatrix: { ExcelApi: "1.17" }, host: new ExcelHost(), locale: "zh-CN" });
    opened = b;
    const { page, host } = b;
    await page.setViewportSize({ width: 320, height: 900 });
    await b.officeReady(30_000);
    await page.getByTestId("build").click();
    await page.getByTestId("panel-send").waitFor({ state: "visible", timeout: 60_000 });
    await page.getByTestId("contacts-count").waitFor({ state: "visible", timeout: 30_000 });
    expect(await page.getByTestId("contacts-count").textContent()).toBe("已有 0/37 个单位填写了邮箱。");
    const units = parseTaskList(seedText()).units;

    // A table with a bad address: the error says which row and why, and no sheet appears.
    await page.getByTestId("contacts-paste").fill(`单位\t联系人\t邮箱\n${units[0]}\t张三\tzhang-at-jyt\n`);
    await page.getByTestId("contacts-paste-button").click();
    await page.getByTestId("problem").waitFor({ state: "visible", timeout: 60_000 });
    expect(await page.getByTestId("problem").textContent()).toMatch(/第 2 行.*“zhang-at-jyt”不是有效的邮箱地址/);
    expect(host.sheetNames()).not.toContain("联络员");
    // The refused table stays in the box to be corrected.
    expect(await page.getByTestId("contacts-paste").inputValue()).toContain("zhang-at-jyt");

    await page.getByTestId("contacts-paste").fill(`单位\t联系人\t电话\t邮箱\t抄送\n${units[0]}\t张三\t0791-1\tzhang@jyt.gov.cn\tchu@jyt.gov.cn\n${units[1]}\t李四\t\tli@b.gov.cn\t\n`);
    await page.getByTestId("contacts-paste-button").click();
    await page.getByTestId("notice").filter({ hasText: "联络员已写入工作表" }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("notice").textContent()).toContain("尚无邮箱的单位（35）");
    expect(await page.getByTestId("contacts-paste").inputValue()).toBe("");
    expect(host.values("'联络员'!A1:E3")).toEqual([
      ["单位", "联系人", "电话", "邮箱", "抄送"],
      [units[0], "张三", "0791-1", "zhang@jyt.gov.cn", "chu@jyt.gov.cn"],
      [units[1], "李四", "", "li@b.gov.cn", ""],
    ]);

    // One unit typed in: a bad address is named beside the field and nothing is written.
    await page.getByTestId("contacts-unit").selectOption(units[2]);
    await page.getByTestId("contacts-name").fill("王五");
    await page.getByTestId("contacts-email").fill("wang@");
    await page.getByTestId("contacts-save-row").click();
    await page.getByText("“wang@”不是有效的邮箱地址，应形如 name@example.gov.cn。").waitFor({ state: "visible" });
    await expectAxeClean(b, "contacts with a field error");
    await page.getByTestId("contacts-email").fill("wang@c.gov.cn");
    await page.getByTestId("contacts-save-row").click();
    await page.getByTestId("notice").filter({ hasText: "尚无邮箱的单位（34）" }).waitFor({ timeout: 60_000 });
    expect(host.values("'联络员'!A4:E4")).toEqual([[units[2], "王五", "", "wang@c.gov.cn", ""]]);
    expect(await page.getByTestId("contacts-count").textContent()).toBe("已有 3/37 个单位填写了邮箱。");
    // Choosing a saved unit shows its saved values.
    await page.getByTestId("contacts-unit").selectOption(units[0]);
    expect(await page.getByTestId("contacts-email").inputValue()).toBe("zhang@jyt.gov.cn");

    await page.getByTestId("drafts-deadline").fill("2026年12月25日");
    await page.getByTestId("drafts-signature").fill("省教育厅督查室");
    await page.getByTestId("drafts-template-toggle").click();
    await page.getByTestId("drafts-template").waitFor({ state: "visible" });
    await expectAxeClean(b, "drafts with the template open");
    await page.getByTestId("panel-send").screenshot({ path: path.join(SCREENSHOTS, "mail-send-step-320.png") });
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("drafts-button").click()]);
    await page.getByTestId("notice").filter({ hasText: "已生成 3 封邮件草稿" }).waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("notice").textContent()).toContain("没有邮箱、未生成邮件的单位");
    expect(download.suggestedFilename()).toBe(`邮件草稿-${localDate()}.zip`);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    expect(Object.keys(zip.files).sort()).toEqual(units.slice(0, 3).map((u) => `${u}.eml`).sort());
    const mail = await simpleParser(await zip.file(`${units[0]}.eml`)!.async("nodebuffer"));
    expect(mail.headers.get("x-unsent")).toBe("1");
    expect((mail.to as { text: string }).text).toBe("zhang@jyt.gov.cn");
    expect((mail.cc as { text: string }).text).toBe("chu@jyt.gov.cn");
    expect(mail.text).toContain("2026年12月25日");
    expect(mail.text).toContain("省教育厅督查室");
    expect(mail.attachments[0].filename).toMatch(new RegExp(`${units[0]}.*\\.xlsx$`));
    expect(mail.attachments[0].content.subarray(0, 2).toString()).toBe("PK");

    // Nothing reported yet: a reminder to the one chosen unit lists its tasks.
    await page.getByTestId("drafts-kind-remind").click();
    await page.getByTestId("drafts-all").click();
    await page.getByTestId("drafts-units").getByText(units[1], { exact: true }).click();
    const [reminder] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("drafts-button").click()]);
    expect(reminder.suggestedFilename()).toBe(`催报邮件-${localDate()}.zip`);
    const rzip = await JSZip.loadAsync(fs.readFileSync((await reminder.path())!));
    expect(Object.keys(rzip.files)).toEqual([`${units[1]}.eml`]);
    const rmail = await simpleParser(await rzip.file(`${units[1]}.eml`)!.async("nodebuffer"));
    expect(rmail.subject).toContain("【催报】");
    expect(rmail.text).toContain("〔未填报〕");
    await expectAxeClean(b, "after the reminders");
    expect(b.pageErrors).toEqual([]);
    expect(b.blockedRequests).toEqual([]);
  });
});
