import fs from "fs";
import path from "path";
import JSZip from "jszip";
import { BrowserHost, CHROMIUM_PATH, startBrowserHost } from "../excel-host/browser";
import { ExcelHost } from "../excel-host/host";
import { buildPane } from "../support/build-pane";
import { toolAvailable } from "../support/tools";
import { readMetaGrid } from "../../src/blueprint/read-grid";
import { parseTaskList } from "../../src/domain";
import { buildProgressReport } from "../../src/report/report-model";
import { renderReportDocx } from "../../src/report/render-docx";
import { localDate } from "../../src/taskpane/excel-actions";

const SCREENSHOTS = path.resolve(__dirname, "../../test-artifacts/report");
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

describe("生成进展报告 in the pane, in Chromium with the production bundle", () => {
  it("downloads the report with the bytes Node renders for the same tracker and date", async () => {
    if (!hasChromium) return;
    const b = await startBrowserHost({ pageHtmlPath: path.join(dist, "taskpane.html"), supportedMatrix: { ExcelApi: "1.17" }, host: new ExcelHost(), locale: "zh-CN" });
    opened = b;
    const { page, host } = b;
    await page.setViewportSize({ width: 380, height: 900 });
    await b.officeReady(30_000);
    const build = page.getByTestId("build");
    await build.waitFor({ state: "visible", timeout: 30_000 });
    await build.click();
    // A new tracker: the pane moves on to its next step.
    await page.getByTestId("panel-send").waitFor({ state: "visible", timeout: 60_000 });

    const today = localDate();
    // The report is handed up at the end of the month: it sits with the archive step.
    await page.getByTestId("step-archive").click();
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByTestId("progress-report-button").click()]);
    await page.getByTestId("notice").waitFor({ state: "visible" });
    await expect(page.getByTestId("notice").textContent()).resolves.toContain("进展报告已生成");
    await page.getByTestId("progress-report").screenshot({ path: path.join(SCREENSHOTS, "pane-progress-report.png") });
    const bytes = fs.readFileSync((await download.path())!);

    // What the pane built: its list as stored in the tracker's metadata, nothing reported yet.
    const meta = readMetaGrid(host.values("'_meta'!A1:F200"));
    const list = parseTaskList(meta.extra.list_source, { name: meta.listName });
    expect(download.suggestedFilename()).toBe(`${list.name}进展情况通报-${today}.docx`);
    const expected = await renderReportDocx(buildProgressReport({ trackerId: meta.trackerId, list, reports: new Map(), history: [] }, today));
    expect(Buffer.compare(bytes, Buffer.from(expected))).toBe(0);

    const doc = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    expect(doc).toContain("责任分工171项");
    expect(b.pageErrors).toEqual([]);
    expect(b.blockedRequests).toEqual([]);
  });
});
