import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { currentPeriod } from "../../src/cli/archive-command";
import { main } from "../../src/cli/main";
import { DraftManifest } from "../../src/mail/send";
import { periodName } from "../../src/domain/vocabulary";
import { todayIso } from "../../src/files/stamps";
import { readTrackerFile } from "../../src/xlsx/read-tracker";

async function runCli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join("\n") };
}

describe("a quarterly tracker names its periods by quarter wherever nobody typed one", () => {
  it("archive without --period files the figures under this quarter, and the drafts' subject names it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cli-cadence-"));
    const tracker = path.join(dir, "tracker.xlsx");
    expect((await runCli(["build", "--out", tracker, "--tracker-id", "CADENCE", "--vocabulary", "schedule"])).code).toBe(0);
    const quarter = periodName(todayIso(new Date()), "季");
    expect(quarter).toMatch(/^\d{4}年第[一二三四]季度$/);

    const archived = await runCli(["archive", tracker, "--today", "2026-11-30"]);
    expect(archived.code).toBe(0);
    const history = (await readTrackerFile(readFileSync(tracker))).history ?? [];
    expect(history.length).toBeGreaterThan(0);
    expect(new Set(history.map((r) => r[0]))).toEqual(new Set([quarter]));

    const units = (await readTrackerFile(readFileSync(tracker))).meta.units.map((u) => u.unit).slice(0, 2);
    writeFileSync(path.join(dir, "contacts.csv"), ["单位,联系人,邮箱", ...units.map((u, i) => `${u},联络员${i},unit${i}@units.test`)].join("\n"));
    expect((await runCli(["contacts", "import", tracker, path.join(dir, "contacts.csv")])).code).toBe(0);
    const drafts = path.join(dir, "drafts");
    expect((await runCli(["mail", "drafts", tracker, "--out", drafts, "--today", "2026-11-30", "--from", "coord@office.test"])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(drafts, "drafts.json"), "utf8")) as DraftManifest;
    expect(manifest.messages).toHaveLength(2);
    for (const m of manifest.messages) expect(m.subject).toBe(`请报送2026年第四季度政策任务落实情况（${m.unit}）`);
  });

  it("a monthly tracker (our preset) keeps the month, as before", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "cli-cadence-"));
    const tracker = path.join(dir, "tracker.xlsx");
    expect((await runCli(["build", "--out", tracker, "--tracker-id", "MONTHLY"])).code).toBe(0);
    expect((await runCli(["archive", tracker])).code).toBe(0);
    const history = (await readTrackerFile(readFileSync(tracker))).history ?? [];
    const now = new Date();
    expect(new Set(history.map((r) => r[0]))).toEqual(new Set([`${now.getFullYear()}年${now.getMonth() + 1}月`]));
    expect(currentPeriod(new Date(2026, 10, 5), "双月")).toBe("2026年11—12月");
  });
});
