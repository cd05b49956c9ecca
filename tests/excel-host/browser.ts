/**
 * `startBrowserHost()`: Debian's Chromium (driven by playwright-core, never a downloaded
 * browser) loads a page that uses the REAL office.js loader. The loader finds the stubbed
 * `window.external` (Excel win32), loads excel-win32-16.01.js from the npm package (the CDN
 * address is routed to node_modules/@microsoft/office-js/dist) and sends every ProcessQuery
 * through the native bridge to the same TypeScript ExcelHost running in Node. All other
 * network requests are refused and recorded.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, BrowserContext, Page, Route } from "playwright-core";
import { HOST_PROCESS_BINDING, hostStubScript } from "./client/host-stub-script";
import { OFFICE_JS_DIST } from "./client/office-dist";
import { DEFAULT_MATRIX, RequirementMatrix } from "./client/office-stub";
import { fileUnder, startStaticServer } from "./client/static-server";
import { ExcelHost } from "./host";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
export const OFFICE_CDN_PREFIX = "https://appsforoffice.microsoft.com/lib/1/hosted/";
/** Tells office.js it runs inside Excel for Windows (the web variant needs a postMessage host). */
export const WIN32_HOST_INFO = "Excel$Win32$16.01$en-US$$$$0";
const INLINE_PAGE = "/__excel-host/page.html";

export interface BrowserHostOptions {
  /** The host answering the page's requests; a fresh one by default. */
  host?: ExcelHost;
  /** A page on disk (e.g. the built dist/taskpane.html); its folder is served at `/`. */
  pageHtmlPath?: string;
  /** Or an inline page. */
  html?: string;
  /** Requirement sets the host reports (GetSupportedMatrix), e.g. `{ ExcelApi: "1.7" }`. */
  supportedMatrix?: RequirementMatrix;
  hostInfo?: string;
  /** Office's UI and data locale (Office.context.displayLanguage), e.g. "zh-CN". */
  locale?: string;
  executablePath?: string;
  /** Extra query parameters for the page URL. */
  query?: Record<string, string>;
}

export interface BrowserHost {
  readonly host: ExcelHost;
  readonly page: Page;
  readonly context: BrowserContext;
  readonly baseUrl: string;
  readonly url: string;
  /** Requests that tried to leave 127.0.0.1 (refused). */
  readonly blockedRequests: string[];
  /** Files the page asked for that do not exist (local server or office.js dist). */
  readonly missingFiles: string[];
  readonly pageErrors: string[];
  readonly consoleMessages: string[];
  /** Resolves when `Office.onReady` has fired in the page. */
  officeReady(timeoutMs?: number): Promise<void>;
  /** Waits until no batch has arrived for `quietMs` (e.g. Excel.run's trailing cleanup). */
  settle(quietMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function chromiumExecutable(candidate = CHROMIUM_PATH): string | null {
  return fs.existsSync(candidate) ? candidate : null;
}

export async function startBrowserHost(options: BrowserHostOptions = {}): Promise<BrowserHost> {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  if (!options.pageHtmlPath && options.html === undefined) throw new Error("startBrowserHost needs pageHtmlPath or html");
  const host = options.host ?? new ExcelHost();
  const pageRoot = options.pageHtmlPath ? path.dirname(path.resolve(options.pageHtmlPath)) : null;
  const server = await startStaticServer(pageRoot, options.html === undefined ? {} : { [INLINE_PAGE]: options.html });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "excel-host-chromium-"));
  const blockedRequests: string[] = [];
  const missingFiles = server.misses;
  const pageErrors: string[] = [];
  const consoleMessages: string[] = [];
  let lastBatchAt = Date.now();

  let context: BrowserContext | null = null;
  const cleanup = async (): Promise<void> => {
    await context?.close();
    await server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    await context.route("**/*", (route: Route) => {
      const url = route.request().url();
      if (url.startsWith(OFFICE_CDN_PREFIX)) {
        const file = fileUnder(OFFICE_JS_DIST, new URL(url).pathname.slice(new URL(OFFICE_CDN_PREFIX).pathname.length - 1));
        if (!file) {
          missingFiles.push(url);
          return route.fulfill({ status: 404, body: "not in @microsoft/office-js dist" });
        }
        return route.fulfill({ path: file });
      }
      if (url.startsWith(server.baseUrl)) return route.continue();
      blockedRequests.push(url);
      return route.abort("blockedbyclient");
    });
    await context.exposeFunction(HOST_PROCESS_BINDING, (body: string): string => {
      lastBatchAt = Date.now();
      return host.processRequestText(body);
    });
    await context.addInitScript({ content: hostStubScript(options.supportedMatrix ?? DEFAULT_MATRIX, options.locale) });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => pageErrors.push(e.stack ?? e.message));
    page.on("console", (m) => consoleMessages.push(`${m.type()}: ${m.text()}`));
    const pagePath = options.pageHtmlPath ? `/${path.basename(options.pageHtmlPath)}` : INLINE_PAGE;
    const query = new URLSearchParams({ _host_Info: options.hostInfo ?? WIN32_HOST_INFO, ...options.query });
    const url = `${server.baseUrl}${pagePath}?${query.toString().replace(/%24/g, "$")}`;
    await page.goto(url);
    const liveContext = context;
    return {
      host,
      page,
      context: liveContext,
      baseUrl: server.baseUrl,
      url,
      blockedRequests,
      missingFiles,
      pageErrors,
      consoleMessages,
      async officeReady(timeoutMs = 20_000): Promise<void> {
        await page.waitForFunction(() => typeof (window as { Office?: { onReady?: unknown } }).Office?.onReady === "function", null, {
          timeout: timeoutMs,
        });
        await page.evaluate(
          () => new Promise<void>((resolve) => (window as unknown as { Office: { onReady(cb: () => void): void } }).Office.onReady(() => resolve())),
        );
      },
      async settle(quietMs = 150): Promise<void> {
        const deadline = Date.now() + 10_000;
        while (Date.now() - lastBatchAt < quietMs && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, quietMs / 3));
        }
      },
      close: cleanup,
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}
