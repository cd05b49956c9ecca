import { execFileSync } from "child_process";
import { buildSync } from "esbuild";
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { buildUnitCopy } from "../../src/blueprint";
import { parseTaskList } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { seedText } from "../support/seed";
import { claimSize, editWorkbook, inflatingEntry, typeInto, wholeSheetMerge, wholeSheetValidation } from "../xlsx/hostile-returns";

const list = parseTaskList(seedText());
const KEY = "3c".repeat(32);
const ROOT = path.resolve(__dirname, "../..");
/** What the issue allows a single refused file to cost the merge. */
const LIMIT_MB = 300;

/** Peak memory of a fresh Node process reading one file, measured by the process itself. */
function measure(bundle: string, file: string): { outcome: string; maxRssMb: number } {
  const out = execFileSync(process.execPath, [bundle, file, KEY, "M", JSON.stringify(list.units), String(list.tasks.length)], {
    env: { ...process.env, NODE_PATH: path.join(ROOT, "node_modules") },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(String(out));
}

describe("peak memory of reading a hostile return, in a process of its own", () => {
  it(`stays under ${LIMIT_MB} MB for every hostile file, refused or read`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "return-memory-"));
    const bundle = path.join(dir, "child.js");
    buildSync({ entryPoints: [path.join(__dirname, "support/read-return-child.ts")], bundle: true, platform: "node", outfile: bundle, external: ["exceljs", "jszip"], logLevel: "error" });

    const copy = await writeXlsxBuffer(buildUnitCopy(list, "省外办", { trackerId: "M", exportedAt: "2026-12-01 09:00", copyKey: KEY }));
    // 300 MB of zeros deflate to ~300 KB; the guard stops at its limit whatever the size.
    const bomb = await inflatingEntry(copy, 300);
    const files: Record<string, Uint8Array> = {
      genuine: await typeInto(copy, [[12, "status", "已完成"]]),
      "whole-sheet merge": await wholeSheetMerge(copy),
      "whole-sheet validation": await wholeSheetValidation(copy),
      "300 MB of zeros, declared": bomb,
      "300 MB of zeros, declared as 1 KB": claimSize(bomb, 1024),
      "300 MB of zeros, declared as 40 MB (just under the limit)": claimSize(bomb, 40 * 1024 * 1024),
      "100,000 junk rows": await editWorkbook(copy, (wb) => {
        for (let i = 0; i < 100_000; i++) wb.worksheets[0].getCell(10 + i, 2).value = `junk ${i}`;
      }),
      "40,000-character text": await typeInto(copy, [[12, "progress", "长".repeat(40_000)]]),
      // The largest file the limits let through: ~45 MB of distinct 32,000-character texts.
      "45 MB of text, under every limit": await editWorkbook(copy, (wb) => {
        for (let i = 0; i < 470; i++) wb.worksheets[0].getCell(10 + Math.floor(i / 5), 2 + (i % 5)).value = String.fromCharCode(0x4e00 + i).repeat(32_000);
      }),
    };
    const results: Record<string, { outcome: string; maxRssMb: number; bytes: number }> = {};
    for (const [name, data] of Object.entries(files)) {
      const file = path.join(dir, `${name.replace(/[^\w]+/g, "-")}.xlsx`);
      writeFileSync(file, data);
      results[name] = { ...measure(bundle, file), bytes: data.length };
    }
    mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
    writeFileSync(path.join(ROOT, "test-artifacts", "hostile-return-memory.json"), JSON.stringify(results, null, 2));

    expect(results.genuine.outcome).toBe("read 2");
    expect(results["whole-sheet merge"].outcome).toBe("read 2");
    expect(results["whole-sheet validation"].outcome).toBe("read 2");
    expect(results["300 MB of zeros, declared"].outcome).toContain("refused 文件解压后有 300 MB");
    expect(results["300 MB of zeros, declared as 1 KB"].outcome).toContain("refused 压缩包内部件“xl/worksheets/sheet9.xml”的实际大小超过其声明的大小");
    expect(results["300 MB of zeros, declared as 40 MB (just under the limit)"].outcome).toContain("实际大小超过其声明的大小");
    expect(results["100,000 junk rows"].outcome).toContain("超过上限 1100 行");
    expect(results["40,000-character text"].outcome).toBe("read 2");
    expect(results["45 MB of text, under every limit"].outcome).toBe("read 2");
    for (const [name, r] of Object.entries(results)) expect([name, r.maxRssMb < LIMIT_MB]).toEqual([name, true]);
  }, 300_000);
});
