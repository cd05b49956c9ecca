/**
 * web.html with 500 tasks × 35 units, opened from disk in Debian's Chromium: times and sizes
 * of build, export and a merge of 35 filled returns, and the longest stall of the page's own
 * thread meanwhile (a 50 ms interval timer that falls behind shows a frozen page).
 *
 *   node -r ts-node/register/transpile-only bench/web-page.ts [BUILT_DIST]
 *
 * Without BUILT_DIST it builds the add-in and the page first (tests/support/build-pane).
 */
import fs from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/excel-host/browser";
import { buildPane } from "../tests/support/build-pane";
import { syntheticListText } from "./synthetic-list";
import { fillCopy } from "./returns";

async function main(): Promise<void> {
  const dist = process.argv[2] ?? (await buildPane());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "web-bench-"));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await (await browser.newContext({ locale: "zh-CN", acceptDownloads: true })).newPage();
  await page.goto(`file://${path.join(dist, "web.html")}`);
  // Page-thread stalls: the longest gap between ticks of a 50 ms timer, reset per job.
  await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; last: number };
    w.maxGap = 0;
    w.last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.maxGap = Math.max(w.maxGap, now - w.last);
      w.last = now;
    }, 50);
  });
  const figures: Record<string, string> = {};
  const job = async (testid: string, label: string) => {
    await page.evaluate(() => ((window as unknown as { maxGap: number }).maxGap = 0));
    const t0 = Date.now();
    await page.getByTestId(testid).click();
    await page.waitForFunction(() => !document.querySelector("button[data-testid=build]")?.hasAttribute("disabled"), undefined, { timeout: 1_800_000 });
    const ms = Date.now() - t0;
    if (await page.getByTestId("error").count()) throw new Error(`${label}: ${await page.getByTestId("error").textContent()}`);
    const gap = await page.evaluate(() => (window as unknown as { maxGap: number }).maxGap);
    figures[label] = `${(ms / 1000).toFixed(1)} s, longest page stall ${gap.toFixed(0)} ms`;
  };
  const download = async (suffix: string): Promise<Buffer> => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId("results").locator(`a[download$="${suffix}"]`).click()]);
    const file = path.join(dir, d.suggestedFilename());
    await d.saveAs(file);
    return fs.readFileSync(file);
  };
  const kb = (b: Buffer | Uint8Array) => `${(b.length / 1024).toFixed(0)} KB`;

  await page.getByTestId("paste").fill(syntheticListText({ tasks: 500, units: 35 }));
  await job("build", "build 500 × 35");
  figures["tracker"] = kb(await download(".xlsx"));
  await job("export", "export 35 copies");
  const zipBytes = await download(".zip");
  figures["copies .zip"] = kb(zipBytes);
  figures["tracker after export"] = kb(await download(".xlsx"));
  const zip = await JSZip.loadAsync(zipBytes);
  const names = Object.keys(zip.files);
  const returns: string[] = [];
  for (const [i, name] of names.entries()) {
    const filled = await fillCopy(await zip.file(name)!.async("uint8array"), "all", i);
    const file = path.join(dir, `return-${i}.xlsx`);
    fs.writeFileSync(file, filled.data);
    returns.push(file);
  }
  figures["35 returns"] = kb(Buffer.concat(returns.map((f) => fs.readFileSync(f))));
  await page.getByTestId("returns").setInputFiles(returns);
  await job("merge", "merge 35 returns");
  figures["merged tracker"] = kb(await download("-合并.xlsx"));
  figures["merge result"] = ((await page.getByTestId("results").locator("li").first().textContent()) ?? "").slice(0, 80);
  const memory = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  figures["page heap after merge"] = `${(memory / 1024 / 1024).toFixed(0)} MB`;
  await browser.close();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(24)} ${v}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
