import { execFile, execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import { SHEET } from "../../src/blueprint/layout";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { libreOfficeAvailable, recomputeSheets } from "../support/libreoffice";

/**
 * The CLI as `npm ci` leaves it: scripts/build-cli.js bundles it (ExcelJS trimmed, the .xlsx
 * packed by scripts/cli-zip-writer.js). Built here, two folders below the repository like the
 * shipped dist-cli/cli/main.js, so the test never runs a stale bundle.
 */
const REPO = path.resolve(__dirname, "../..");
const BUNDLE_DIR = path.join(REPO, "dist-cli", `.test-${process.pid}`);
const BUNDLE = path.join(BUNDLE_DIR, "main.js");
const SCRIPT = path.join(BUNDLE_DIR, "policy-tracker.js");
const CACHE = path.join(BUNDLE_DIR, "policy-tracker.v8cache");
const run = promisify(execFile);

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BUNDLE, ...args], { cwd, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === "number" ? err.code : -1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

/** The local file headers of a zip written without data descriptors (APPNOTE 4.3.7). */
function zipLocalEntries(zip: Buffer): { name: string; method: number; time: number; date: number }[] {
  const entries = [];
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const name = zip.toString("utf8", at + 30, at + 30 + nameLength);
    entries.push({ name, method: zip.readUInt16LE(at + 8), time: zip.readUInt16LE(at + 10), date: zip.readUInt16LE(at + 12) });
    at += 30 + nameLength + extra + zip.readUInt32LE(at + 18);
  }
  return entries;
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(REPO, "scripts", "build-cli.js"), "--outfile", BUNDLE], { cwd: REPO, stdio: "pipe" });
});

afterAll(() => rmSync(BUNDLE_DIR, { recursive: true, force: true }));

describe("the bundled CLI (package bin)", () => {
  it("is an executable launcher next to one script that holds no CSV or streaming code of ExcelJS", () => {
    expect(readFileSync(BUNDLE, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(BUNDLE).mode & 0o111).not.toBe(0);
    const text = readFileSync(SCRIPT, "utf8");
    expect(text.startsWith("#!")).toBe(false);
    expect(text).not.toContain("unzipper");
    expect(text).not.toContain("fast-csv");
    expect(text).not.toMatch(/require\("\.\.?\//);
    // The launcher reads it as latin1 (scripts/build-cli.js, asciiOnly).
    expect(text).not.toMatch(/[^\x00-\x7f]/);
  });

  it("--help prints the usage", async () => {
    const r = await cli(["--help"], os.tmpdir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("policy-tracker [build] [--tasks FILE]");
  });

  it("builds the built-in Jiangxi tracker, which ExcelJS and LibreOffice both open", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tracker-bundle-"));
    const r = await cli(["--tracker-id", "bundle-1"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const file = path.join(dir, "out", "江西省工作任务清单-跟踪表.xlsx");
    expect(r.stdout).toContain(file);
    expect(r.stdout).toContain("50 项任务，37 个责任单位，41 张工作表");

    const read = await readTrackerFile(readFileSync(file));
    expect(read.meta.trackerId).toBe("bundle-1");
    // Packed once, natively: every part deflated and dated the tracker's minute (as the
    // JSZip repack of the add-in and web page dates them), so the file depends only on the
    // list and that minute.
    const [day, minute] = read.meta.generatedAt.split(" ");
    const at = new Date(`${day}T${minute}:00`);
    const dos = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
    const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5);
    const entries = zipLocalEntries(readFileSync(file));
    expect(entries.map((e) => e.name)).toContain("xl/workbook.xml");
    expect(entries.filter((e) => e.method !== 8 || e.date !== dos || e.time !== time)).toEqual([]);
    expect(read.meta.units).toHaveLength(37);
    expect(read.assignments).toHaveLength(171);

    const report = await cli(["report", file, "--today", "2026-01-01"], dir);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain("跟踪表 bundle-1");

    if (!libreOfficeAvailable()) return;
    const sheets = await recomputeSheets(file);
    const master = sheets.get(SHEET.master)!;
    expect(master).toBeDefined();
    // 任务总表 lists every task once, below its header.
    expect(master.filter((row) => /^\d+$/.test(row[0] ?? "")).map((row) => Number(row[0]))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("runs from V8's code cache, and replaces a cache V8 rejects", async () => {
    // The build made the cache from a warm-up build: it holds the build's compiled functions.
    expect(statSync(CACHE).size).toBeGreaterThan(100_000);
    writeFileSync(CACHE, Buffer.from("not a V8 code cache"));
    const dir = mkdtempSync(path.join(os.tmpdir(), "tracker-bundle-"));
    const r = await cli(["--out", "t.xlsx"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, "t.xlsx"))).toBe(true);
    expect(statSync(CACHE).size).toBeGreaterThan(100_000);
    // The rewritten cache is one V8 accepts: a run with it writes nothing.
    const written = statSync(CACHE).mtimeMs;
    expect((await cli(["--help"], dir)).code).toBe(0);
    expect(statSync(CACHE).mtimeMs).toBe(written);
  });

  it("refuses a bad list with the Chinese message and exit code 1, writing nothing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tracker-bundle-"));
    writeFileSync(path.join(dir, "bad.txt"), "序号\t政策内容\t责任部门\n1\t甲\t\n");
    const r = await cli(["--tasks", "bad.txt", "--out", "x.xlsx"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("错误 / error: 第 2 行：序号 1 缺少责任部门");
    expect(existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });
});
