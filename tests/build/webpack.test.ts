import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { spawnSync } from "child_process";
import webpack from "webpack";
import * as acorn from "acorn";
import {
  REPO_ROOT,
  allUrls,
  byTag,
  NS,
  parseXml,
  shouldRunXmllintTests,
  validateAgainstXsd,
} from "../support/manifest-tools";

type ConfigFactory = ((
  env?: Record<string, unknown>,
  argv?: { mode?: string },
) => Promise<webpack.Configuration & { devServer?: { server?: unknown } }>) & {
  DEV_URL: string;
  rewriteManifestUrls(xml: string, prodUrl: string): string;
};

// webpack.config.js is plain CommonJS with no type declarations; ConfigFactory describes what is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const configFactory = require("../../webpack.config.js") as ConfigFactory;

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const PROD_URL = "https://tracker.example.test/policy-tasks/";
const ENGINE_CHECK = "engine-check.js";
const INITIAL_GZIP_BUDGET = 350 * 1024;

interface StatsModule {
  name?: string;
  modules?: StatsModule[];
}
interface StatsChunk {
  id: string | number;
  names: string[];
  initial: boolean;
  files: string[];
  modules?: StatsModule[];
}
interface BuildResult {
  outDir: string;
  chunks: StatsChunk[];
  entrypoints: Record<string, { chunks: (string | number)[]; assets: { name: string }[] }>;
  warnings: string[];
}

async function build(
  mode: "production" | "development",
  override: (config: webpack.Configuration) => webpack.Configuration = (c) => c,
): Promise<BuildResult> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `addin-${mode}-`));
  const config = override(await configFactory({ WEBPACK_BUILD: true }, { mode }));
  config.context = REPO_ROOT;
  config.output = { ...config.output, path: outDir };
  config.infrastructureLogging = { level: "error" };
  const compiler = webpack(config);
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, result) => (err || !result ? reject(err ?? new Error("webpack returned no stats")) : resolve(result))),
  );
  await new Promise<void>((resolve, reject) => compiler.close((err) => (err ? reject(err) : resolve())));
  const json = stats.toJson({
    all: false,
    ids: true,
    chunks: true,
    chunkModules: true,
    nestedModules: true,
    entrypoints: true,
    errors: true,
    warnings: true,
  });
  if (stats.hasErrors()) {
    throw new Error(`webpack ${mode} build failed:\n${(json.errors ?? []).map((e) => e.message).join("\n")}`);
  }
  return {
    outDir,
    chunks: (json.chunks ?? []) as unknown as StatsChunk[],
    entrypoints: json.entrypoints as unknown as BuildResult["entrypoints"],
    warnings: (json.warnings ?? []).map((w) => w.message),
  };
}

function moduleNames(modules: StatsModule[] = []): string[] {
  return modules.flatMap((m) => [m.name ?? "", ...moduleNames(m.modules)]);
}

function initialChunks(result: BuildResult, entry: string): StatsChunk[] {
  const ids = new Set(result.entrypoints[entry].chunks);
  const chunks = result.chunks.filter((c) => ids.has(c.id));
  if (chunks.length === 0 || chunks.some((c) => !c.initial)) {
    throw new Error(`stats list no initial chunks for entry ${entry} (ids ${[...ids].join(", ")})`);
  }
  return chunks;
}

const isExcelJs = (name: string): boolean => /node_modules[\\/]exceljs[\\/]/.test(name);

function scriptSources(html: string): string[] {
  // Production HTML is minified, so attribute quotes may be gone.
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
}

describe("webpack.config.js", () => {
  const savedProdUrl = process.env.ADDIN_PROD_URL;
  afterEach(() => {
    if (savedProdUrl === undefined) delete process.env.ADDIN_PROD_URL;
    else process.env.ADDIN_PROD_URL = savedProdUrl;
  });

  test("rewrites dev-server URLs, and the bare dev origin, to the production location", () => {
    const xml =
      `<SourceLocation DefaultValue="${configFactory.DEV_URL}taskpane.html"/>` +
      `<AppDomain>${configFactory.DEV_URL.slice(0, -1)}</AppDomain>`;
    expect(configFactory.rewriteManifestUrls(xml, "https://www.example.gov.cn/policy-tracker/")).toBe(
      '<SourceLocation DefaultValue="https://www.example.gov.cn/policy-tracker/taskpane.html"/>' +
        "<AppDomain>https://www.example.gov.cn</AppDomain>",
    );
  });

  test.each([undefined, ""])("a production build without ADDIN_PROD_URL (%p) stops and says how to set it", async (unset) => {
    if (unset === undefined) delete process.env.ADDIN_PROD_URL;
    else process.env.ADDIN_PROD_URL = unset;
    const attempt = configFactory({ WEBPACK_BUILD: true }, { mode: "production" });
    await expect(attempt).rejects.toThrow(/ADDIN_PROD_URL is not set/);
    await expect(attempt).rejects.toThrow(/ADDIN_PROD_URL=https:\/\/\S+\/ npm run build/);
  });

  test("a development build needs no ADDIN_PROD_URL", async () => {
    delete process.env.ADDIN_PROD_URL;
    const config = await configFactory({ WEBPACK_BUILD: true }, { mode: "development" });
    expect(config.mode).toBe("development");
  });

  test("`npm run build` itself (webpack CLI, production) fails without ADDIN_PROD_URL and writes nothing", () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "addin-noprodurl-"));
    try {
      const env = { ...process.env };
      delete env.ADDIN_PROD_URL;
      const run = spawnSync(
        process.execPath,
        [require.resolve("webpack/bin/webpack.js"), "--mode", "production", "--output-path", outDir],
        { cwd: REPO_ROOT, env, encoding: "utf8", timeout: 60_000 },
      );
      expect(run.status).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(/ADDIN_PROD_URL is not set/);
      expect(fs.readdirSync(outDir)).toEqual([]);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);

  test.each(["http://www.example.gov.cn/tracker/", "https://www.example.gov.cn/tracker", "www.example.gov.cn/"])(
    "a production build refuses ADDIN_PROD_URL=%s",
    async (bad) => {
      process.env.ADDIN_PROD_URL = bad;
      await expect(configFactory({ WEBPACK_BUILD: true }, { mode: "production" })).rejects.toThrow(/ADDIN_PROD_URL/);
    },
  );

  test("building does not ask office-addin-dev-certs for certificates", async () => {
    const config = await configFactory({ WEBPACK_BUILD: true }, { mode: "development" });
    expect(config.devServer?.server).toBe("https");
  });
});

describe("production build", () => {
  let result: BuildResult;

  beforeAll(async () => {
    const saved = process.env.ADDIN_PROD_URL;
    process.env.ADDIN_PROD_URL = PROD_URL;
    try {
      result = await build("production");
    } finally {
      if (saved === undefined) delete process.env.ADDIN_PROD_URL;
      else process.env.ADDIN_PROD_URL = saved;
    }
  }, 600_000); // minifying the pane and the web page's worker takes minutes on 2 shared cores

  afterAll(() => {
    if (result) fs.rmSync(result.outDir, { recursive: true, force: true });
  });

  const read = (file: string): string => fs.readFileSync(path.join(result.outDir, file), "utf8");

  test("has no warnings (size budgets included)", () => {
    expect(result.warnings).toEqual([]);
  });

  test.each([
    ["taskpane.html", "taskpane"],
    ["commands.html", "commands"],
  ])("%s loads office.js from the CDN, then exactly its own entry's scripts", (page, entry) => {
    const sources = scriptSources(read(page));
    expect(sources[0]).toBe(OFFICE_JS);
    // The task pane checks the engine first (ES5, for IE11 / EdgeHTML), before its bundle.
    const own = page === "taskpane.html" ? sources.slice(2) : sources.slice(1);
    if (page === "taskpane.html") expect(sources[1]).toBe(ENGINE_CHECK);
    const entryJs = result.entrypoints[entry].assets.map((a) => a.name).filter((n) => n.endsWith(".js"));
    expect(entryJs.length).toBeGreaterThan(0);
    expect(own.sort()).toEqual(entryJs.sort());
    for (const js of entryJs) expect(fs.existsSync(path.join(result.outDir, js))).toBe(true);
  });

  test("engine-check.js is emitted unbundled and still ES5 after minifying, while the bundle itself is not ES5", () => {
    expect(read(ENGINE_CHECK)).toContain("任务窗格无法在此 Office 中运行");
    expect(() => acorn.parse(read(ENGINE_CHECK), { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    // Why the check exists: IE11 cannot parse what webpack emits for the pane.
    const bundle = result.entrypoints.taskpane.assets.map((a) => a.name).filter((n) => n.endsWith(".js"));
    for (const js of bundle) expect(() => acorn.parse(read(js), { ecmaVersion: 5, sourceType: "script" })).toThrow(SyntaxError);
  });

  test("taskpane.html has the React mount point and declares its language", () => {
    const html = read("taskpane.html");
    expect(html).toMatch(/<html[^>]*\blang=["']?zh-CN/);
    expect(html).toMatch(/<div[^>]*\bid=["']?container/);
  });

  test("the copied manifest points at ADDIN_PROD_URL only and every URL is an emitted file", () => {
    const text = read("manifest.xml");
    expect(text).not.toMatch(/localhost/i);
    const urls = allUrls(parseXml(text));
    const files = urls.filter((u) => u.startsWith(PROD_URL));
    expect(files.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith(PROD_URL))).toEqual([new URL(PROD_URL).origin]);
    for (const url of new Set(files)) {
      const file = url.slice(PROD_URL.length);
      expect(`${file} emitted: ${fs.existsSync(path.join(result.outDir, file))}`).toBe(`${file} emitted: true`);
    }
    const appDomains = byTag(parseXml(text), NS.app, "AppDomain").map((d) => d.textContent);
    expect(appDomains).toEqual([new URL(PROD_URL).origin]);
  });

  if (shouldRunXmllintTests("XSD validation of the production manifest")) {
    test("the copied manifest is still valid", () => {
      const validation = validateAgainstXsd(path.join(result.outDir, "manifest.xml"));
      expect(validation.output).toContain("validates");
      expect(validation.ok).toBe(true);
    });
  }

  test("copies every file of assets/ unchanged", () => {
    const assets = fs.readdirSync(path.join(REPO_ROOT, "assets"));
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      const copied = path.join(result.outDir, "assets", asset);
      expect(`${asset} copied: ${fs.existsSync(copied)}`).toBe(`${asset} copied: true`);
      expect(fs.readFileSync(copied).equals(fs.readFileSync(path.join(REPO_ROOT, "assets", asset)))).toBe(true);
    }
  });

  test("the task pane's initial JavaScript fits the gzip budget and carries no ExcelJS", () => {
    const chunks = initialChunks(result, "taskpane");
    expect(moduleNames(chunks.flatMap((c) => c.modules ?? [])).filter(isExcelJs)).toEqual([]);

    const files = chunks.flatMap((c) => c.files).filter((f) => f.endsWith(".js"));
    expect(files.length).toBeGreaterThan(0);
    let raw = 0;
    let gzip = 0;
    const lines = files.map((file) => {
      const bytes = fs.readFileSync(path.join(result.outDir, file));
      const gz = zlib.gzipSync(bytes, { level: 9 }).length;
      raw += bytes.length;
      gzip += gz;
      return `  ${file}: ${(bytes.length / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip`;
    });
    console.log(
      `taskpane initial JS: ${(raw / 1024).toFixed(1)} KiB raw, ${(gzip / 1024).toFixed(1)} KiB gzip ` +
        `(budget ${INITIAL_GZIP_BUDGET / 1024} KiB gzip)\n${lines.join("\n")}`,
    );
    expect(gzip).toBeLessThan(INITIAL_GZIP_BUDGET);
  });
});

describe("code splitting", () => {
  let result: BuildResult;

  beforeAll(async () => {
    // A development build of a stand-in entry keeps this fast: minifying ExcelJS adds ~20 s and proves nothing more.
    result = await build("development", (config) => ({
      ...config,
      devtool: false,
      entry: { taskpane: "./tests/build/fixtures/lazy-exceljs.ts" },
    }));
  }, 90_000);

  afterAll(() => {
    if (result) fs.rmSync(result.outDir, { recursive: true, force: true });
  });

  test("a dynamic import() of ExcelJS becomes its own async chunk named exceljs", () => {
    const initial = initialChunks(result, "taskpane");
    expect(moduleNames(initial.flatMap((c) => c.modules ?? [])).filter(isExcelJs)).toEqual([]);

    const excel = result.chunks.filter((c) => moduleNames(c.modules).some(isExcelJs));
    expect(excel).toHaveLength(1);
    expect(excel[0].names).toEqual(["exceljs"]);
    expect(excel[0].initial).toBe(false);
    expect(excel[0].files).toContain("exceljs.js");
    expect(fs.existsSync(path.join(result.outDir, "exceljs.js"))).toBe(true);
  });
});
