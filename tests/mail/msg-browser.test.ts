/**
 * The .msg reader in Debian's Chromium: @kenjiuno/msgreader decodes through iconv-lite,
 * which expects Node's Buffer module; the bundle must carry what it needs, lazily.
 */
import fs from "fs";
import os from "os";
import path from "path";
import webpack from "webpack";
import { Browser, chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../excel-host/browser";
import { toolAvailable } from "../support/tools";
import { outlookMsg } from "./support/outlook-msg";

const hasChromium = toolAvailable("Chromium (Debian package chromium)", CHROMIUM_PATH);
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "msg-browser-"));
let browser: Browser | undefined;
let chunks: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    context: path.resolve(__dirname, "../.."),
    entry: { main: "./tests/mail/support/msg-browser-entry.ts" },
    output: { path: outDir, filename: "[name].js", chunkFilename: "chunk-[id].js", publicPath: "" },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } } } }] },
    infrastructureLogging: { level: "error" },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((e, s) => (e || !s ? reject(e) : resolve(s))));
  await new Promise((resolve) => compiler.close(resolve));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  chunks = stats.toJson({ all: false, chunks: true, chunkModules: true }).chunks!.filter((c) => !c.initial).flatMap((c) => (c.modules ?? []).map((m) => m.name ?? ""));
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(outDir, { recursive: true, force: true });
});

(hasChromium ? it : it.skip)("reads a .msg's workbook in Chromium, from a chunk loaded only for it", async () => {
  expect(chunks.some((n) => n.includes("@kenjiuno/msgreader"))).toBe(true);
  const page = await browser!.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  fs.writeFileSync(path.join(outDir, "index.html"), '<!doctype html><meta charset="utf-8"><script src="main.js"></script>');
  await page.goto(`file://${path.join(outDir, "index.html")}`);
  const book = Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) % 256);
  const msg = outlookMsg({ subject: "回复", attachments: [{ name: "省外办-填报.xlsx", data: book }] });
  const empty = outlookMsg({ subject: "收到", attachments: [] });
  const b64 = (d: Uint8Array) => Buffer.from(d).toString("base64");
  const result = await page.evaluate(
    (files) => (window as unknown as { expandInBrowser: (f: unknown) => Promise<{ uploads: Array<{ name: string; bytes: number[] }>; refused: Array<{ source: string; reason: string }> }> }).expandInBrowser(files),
    [{ name: "回复.msg", base64: b64(msg) }, { name: "收到.msg", base64: b64(empty) }, { name: "假.msg", base64: b64(book) }],
  );
  expect(errors).toEqual([]);
  expect(result.uploads.map((u) => u.name)).toEqual(["回复.msg/省外办-填报.xlsx"]);
  expect(Buffer.from(result.uploads[0].bytes).equals(Buffer.from(book))).toBe(true);
  expect(result.refused).toEqual([
    { source: "收到.msg", reason: expect.stringContaining("邮件中没有 .xlsx 附件") },
    { source: "假.msg", reason: expect.stringContaining("不是 Outlook 邮件（.msg）文件") },
  ]);
});
