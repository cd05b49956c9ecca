/**
 * Task pane figures: the initial JavaScript of a production build (gzip), and the time from
 * navigation to an interactive pane in headless Chromium with the real office.js loader
 * talking to the test host (tests/excel-host/browser.ts).
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import path from "path";
import { gzipSync } from "zlib";
import { ExcelHost } from "../tests/excel-host/host";
import { CHROMIUM_ARGS, chromiumExecutable, startBrowserHost } from "../tests/excel-host/browser";

const REPO = path.resolve(__dirname, "..");

export interface BundleFigures {
  buildMs: number;
  /** Files the task pane loads before it can run: its entry point's chunks. */
  initialFiles: Array<{ file: string; bytes: number; gzipBytes: number }>;
  initialBytes: number;
  initialGzipBytes: number;
  /** Loaded on demand (ExcelJS for export/merge, ...). */
  lazyFiles: Array<{ file: string; bytes: number; gzipBytes: number }>;
  scriptTagsInHtml: string[];
}

interface StatsJson {
  entrypoints: Record<string, { assets: Array<{ name: string }> }>;
  chunks: Array<{ files: string[]; initial: boolean }>;
}

const sizes = (dir: string, file: string) => {
  const data = readFileSync(path.join(dir, file));
  return { file, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
};

/** `webpack --mode production` into outDir, as a child process; sizes from webpack's own stats. */
export function buildTaskpane(outDir: string): BundleFigures {
  const statsFile = path.join(outDir, "..", "webpack-stats.json");
  const t0 = performance.now();
  // node_modules/.bin entries may lack the exec bit here, so webpack's script runs under node.
  // Output is only wanted when the build fails, and then execFileSync's error carries it.
  execFileSync(process.execPath, [require.resolve("webpack/bin/webpack.js"), "--mode", "production", "--output-path", outDir, `--json=${statsFile}`], {
    cwd: REPO,
    // A production build requires a publishing address; the benchmark serves dist/ itself.
    env: { ...process.env, ADDIN_PROD_URL: process.env.ADDIN_PROD_URL || "https://bench.example.test/policy-tracker/" },
    stdio: "pipe",
    maxBuffer: 256 * 1024 * 1024,
  });
  const buildMs = Math.round(performance.now() - t0);
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as StatsJson;
  const initialNames = stats.entrypoints.taskpane.assets.map((a) => a.name).filter((n) => n.endsWith(".js"));
  const initialFiles = initialNames.map((f) => sizes(outDir, f));
  const lazyFiles = stats.chunks
    .filter((c) => !c.initial)
    .flatMap((c) => c.files.filter((f) => f.endsWith(".js")))
    .map((f) => sizes(outDir, f));
  const html = readFileSync(path.join(outDir, "taskpane.html"), "utf8");
  return {
    buildMs,
    initialFiles,
    initialBytes: initialFiles.reduce((n, f) => n + f.bytes, 0),
    initialGzipBytes: initialFiles.reduce((n, f) => n + f.gzipBytes, 0),
    lazyFiles,
    scriptTagsInHtml: [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]),
  };
}

export interface PaneRun {
  /** performance.now() in the page (ms since navigation start) when the build button was visible and enabled. */
  interactiveMs: number;
  domContentLoadedMs: number;
  loadEventMs: number;
  /** When the last office.js file and the pane's own initial script had arrived. */
  officeJsLoadedMs: number;
  paneScriptLoadedMs: number;
  /** Requests the host answered before the pane became interactive (the pane's status read). */
  hostRoundTrips: number;
  pageErrors: string[];
  blockedRequests: string[];
  missingFiles: string[];
}

/** One cold start: fresh Chromium, fresh user data dir, the built taskpane.html served on 127.0.0.1. */
export async function timePane(distDir: string): Promise<PaneRun> {
  if (!chromiumExecutable()) throw new Error("Chromium not found at /usr/bin/chromium");
  const host = new ExcelHost();
  const browser = await startBrowserHost({ host, pageHtmlPath: path.join(distDir, "taskpane.html") });
  try {
    // Polled every animation frame, so the figure is at most one frame late.
    const handle = await browser.page.waitForFunction(
      () => {
        const b = document.querySelector<HTMLButtonElement>('[data-testid="build"]');
        if (!b || b.disabled || b.getAttribute("aria-disabled") === "true") return false;
        const r = b.getBoundingClientRect();
        const style = getComputedStyle(b);
        return r.width > 0 && r.height > 0 && style.visibility !== "hidden" && style.display !== "none" ? performance.now() : false;
      },
      null,
      { polling: "raf", timeout: 60_000 },
    );
    const interactiveMs = (await handle.jsonValue()) as number;
    const nav = await browser.page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
      const last = (test: (url: string) => boolean) => Math.max(-1, ...resources.filter((r) => test(r.name)).map((r) => r.responseEnd));
      return {
        dcl: n?.domContentLoadedEventEnd ?? -1,
        load: n?.loadEventEnd ?? -1,
        office: last((u) => u.includes("appsforoffice.microsoft.com")),
        pane: last((u) => /\/taskpane\.[0-9a-f]+\.js/.test(u)),
      };
    });
    return {
      interactiveMs: Math.round(interactiveMs),
      domContentLoadedMs: Math.round(nav.dcl),
      loadEventMs: Math.round(nav.load),
      officeJsLoadedMs: Math.round(nav.office),
      paneScriptLoadedMs: Math.round(nav.pane),
      hostRoundTrips: host.stats.snapshot().roundTrips,
      pageErrors: [...browser.pageErrors],
      blockedRequests: [...browser.blockedRequests],
      missingFiles: [...browser.missingFiles],
    };
  } finally {
    await browser.close();
  }
}

export const CHROMIUM_FLAGS = CHROMIUM_ARGS;
