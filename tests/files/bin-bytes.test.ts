import { execFile, execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { promisify } from "util";
import { buildTrackerFile } from "../../src/files/build-tracker-file";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { SEED_PATH, seedText } from "../support/seed";

/**
 * The shipped bin (esbuild bundle, its own native-zlib zip writer) writes the tracker that
 * src/files writes — which web.html runs — for the same list, id and minute: the same parts in
 * the same order, each byte for byte and dated the same. Only the deflate differs: Node's zlib
 * (Chromium's fork) compresses differently from the pako the page uses, and is what makes the
 * bin's build ~0.17 s faster (README, Benchmarks).
 */
const REPO = path.resolve(__dirname, "../..");
const BUNDLE_DIR = path.join(REPO, "dist-cli", `.test-files-${process.pid}`);
const BUNDLE = path.join(BUNDLE_DIR, "main.js");

beforeAll(() => {
  execFileSync(process.execPath, [path.join(REPO, "scripts", "build-cli.js"), "--outfile", BUNDLE, "--quiet"], { cwd: REPO, stdio: "pipe" });
}, 120_000);

afterAll(() => rmSync(BUNDLE_DIR, { recursive: true, force: true }));

it("the bin's tracker holds the shared function's parts, byte for byte, for the same id and minute", async () => {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "bin-bytes-")), "t.xlsx");
  await promisify(execFile)(process.execPath, [BUNDLE, "--tasks", SEED_PATH, "--tracker-id", "BIN", "--out", out], { timeout: 60_000 });
  const bin = readFileSync(out);
  // The minute the bin stamped (it reads the clock itself) is the time handed to the function.
  const [, y, mo, d, h, mi] = /^(\d+)-(\d+)-(\d+) (\d+):(\d+)$/.exec((await readTrackerFile(bin)).meta.generatedAt)!.map(Number);
  const shared = await buildTrackerFile({ fileName: SEED_PATH, content: seedText() }, { trackerId: "BIN", now: new Date(y, mo - 1, d, h, mi) });
  const parts = async (data: Uint8Array) => {
    const zip = await JSZip.loadAsync(data);
    const files = Object.values(zip.files).filter((f) => !f.dir);
    return Promise.all(files.map(async (f) => ({ name: f.name, date: f.date.getTime(), bytes: Buffer.from(await f.async("uint8array")).toString("base64") })));
  };
  const [fromBin, fromShared] = await Promise.all([parts(bin), parts(shared.data)]);
  expect(fromBin.length).toBeGreaterThan(40);
  expect(fromBin).toEqual(fromShared);
}, 120_000);
