import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { buildBlueprint, buildUnitCopy, unitCopyFileName } from "../../src/blueprint";
import { AUTHORITY_META_KEY } from "../../src/blueprint/copy-authority";
import { describeFailure, main } from "../../src/cli/main";
import { parseTaskList } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { seedText } from "../support/seed";
import { typeInto } from "../xlsx/hostile-returns";

const source = seedText();
const list = parseTaskList(source);

async function runCli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join("\n") };
}

/** A tracker made before copies were signed: no key in its metadata. */
async function oldTracker(dir: string): Promise<string> {
  const file = path.join(dir, "tracker.xlsx");
  writeFileSync(file, await writeXlsxBuffer(buildBlueprint(list, { trackerId: "C1", generatedAt: "2026-10-01 09:00", listSource: source })));
  return file;
}

const copyPath = (dir: string, unit: string) => path.join(dir, unitCopyFileName(list.name, unit));

describe("merge on the command line: signed copies only, full trackers on request, all or nothing", () => {
  it("migrates a tracker without a key on its next export; copies exported before are refused with a request to re-export", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cli-merge-"));
    const tracker = await oldTracker(dir);
    const unsigned = path.join(dir, "旧副本.xlsx");
    writeFileSync(unsigned, await typeInto(await writeXlsxBuffer(buildUnitCopy(list, "省外办", { trackerId: "C1", exportedAt: "2026-10-02 09:00" })), [[12, "status", "已完成"]]));

    const exported = await runCli(["export", tracker, "--unit", "省外办", "--out", path.join(dir, "copies"), "--period", "2026年12月"]);
    expect(exported.out).toContain("并在总表中记录本次导出");
    const authority = JSON.parse((await readTrackerFile(readFileSync(tracker))).meta.extra[AUTHORITY_META_KEY]);
    expect(authority.key).toMatch(/^[0-9a-f]{64}$/);
    expect(authority.exports.省外办.period).toBe("2026年12月");
    const copy = copyPath(path.join(dir, "copies"), "省外办");
    expect(readFileSync(copy).includes(Buffer.from(authority.key))).toBe(false);
    writeFileSync(copy, await typeInto(readFileSync(copy), [[46, "status", "推进中"]]));

    const out = path.join(dir, "merged.xlsx");
    const merged = await runCli(["merge", tracker, unsigned, copy, "--out", out]);
    expect(merged.code).toBe(2);
    expect(merged.out).toContain("拒收 旧副本.xlsx:“省外办”的填报表没有校验码（由旧版本导出）");
    const read = await readTrackerFile(readFileSync(out));
    expect(read.assignments.filter((a) => a.report.status !== "").map((a) => [a.taskId, a.unit, a.report.status])).toEqual([[46, "省外办", "推进中"]]);
    // The key survives the merge's regenerated tracker.
    expect(JSON.parse(read.meta.extra[AUTHORITY_META_KEY]).key).toBe(authority.key);
  });

  it("merges a full tracker only when --accept-full-tracker names it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cli-merge-"));
    const tracker = await oldTracker(dir);
    const full = path.join(dir, "整表.xlsx");
    const reports = new Map([["26|省教育厅", { status: "已完成" as const, progress: "", problems: "", nextSteps: "", evidence: "", reporter: "", reportDate: "" }]]);
    writeFileSync(full, await writeXlsxBuffer(buildBlueprint(list, { trackerId: "C1", generatedAt: "x", reports })));
    const out = path.join(dir, "merged.xlsx");
    const refused = await runCli(["merge", tracker, full, "--out", out]);
    expect(refused.out).toContain("是一份完整的跟踪表");
    expect(refused.out).toContain('--accept-full-tracker "整表.xlsx"');
    const accepted = await runCli(["merge", tracker, full, "--out", out, "--accept-full-tracker", full]);
    expect(accepted.code).toBe(0);
    expect((await readTrackerFile(readFileSync(out))).assignments.find((a) => a.taskId === 26 && a.unit === "省教育厅")!.report.status).toBe("已完成");
  });

  it("writes the merged tracker whole or not at all", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cli-merge-"));
    const tracker = await oldTracker(dir);
    await runCli(["export", tracker, "--unit", "省外办", "--out", dir]);
    const before = readFileSync(tracker);
    const copy = copyPath(dir, "省外办");
    writeFileSync(copy, await typeInto(readFileSync(copy), [[12, "status", "已完成"]]));
    // The output path is taken by a folder: the final rename fails.
    const blocked = path.join(dir, "blocked.xlsx");
    mkdirSync(blocked);
    let failure: unknown;
    await runCli(["merge", tracker, copy, "--out", blocked]).catch((e: unknown) => (failure = e));
    expect(describeFailure(failure)).toMatch(/^错误 \/ error: 写入 .*blocked\.xlsx 失败（EISDIR），没有做任何修改/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(readdirSync(blocked)).toEqual([]);
    // Merging in place: the tracker is replaced only by a complete file.
    const inPlace = await runCli(["merge", tracker, copy, "--out", tracker]);
    expect(inPlace.code).toBe(0);
    expect(readFileSync(tracker).equals(before)).toBe(false);
    expect((await readTrackerFile(readFileSync(tracker))).assignments.find((a) => a.taskId === 12 && a.unit === "省外办")!.report.status).toBe("已完成");
  });

  it("recognises last period's copy after a new export and says which period it is from", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cli-merge-"));
    const tracker = await oldTracker(dir);
    await runCli(["export", tracker, "--unit", "省外办", "--out", path.join(dir, "nov"), "--period", "2026年11月"]);
    const auth = JSON.parse((await readTrackerFile(readFileSync(tracker))).meta.extra[AUTHORITY_META_KEY]);
    auth.exports.省外办.exportedAt = "2000-01-01 00:00";
    // Rewind the recorded export so that the real clock's next export is later than it.
    writeFileSync(tracker, await writeXlsxBuffer(buildBlueprint(list, { trackerId: "C1", generatedAt: "x", listSource: source, copyAuthority: JSON.stringify(auth) })));
    const novCopy = await typeInto(await writeXlsxBuffer(buildUnitCopy(list, "省外办", { trackerId: "C1", exportedAt: "2000-01-01 00:00", period: "2026年11月", copyKey: auth.key })), [[12, "status", "已完成"]]);
    writeFileSync(path.join(dir, "十一月.xlsx"), novCopy);
    await runCli(["export", tracker, "--unit", "省外办", "--out", path.join(dir, "dec"), "--period", "2026年12月"]);
    const r = await runCli(["merge", tracker, path.join(dir, "十一月.xlsx"), "--out", path.join(dir, "m.xlsx")]);
    expect(r.out).toContain("这是 2026年11月 的填报表（导出于 2000-01-01 00:00）");
    expect(r.out).toContain("“省外办”2026年12月 的填报表已于");
  });
});
