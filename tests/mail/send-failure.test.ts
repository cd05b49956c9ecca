import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { composeDraft } from "../../src/mail/compose";
import { DraftManifest, MANIFEST_FILE, SEND_LOG_FILE, sendDrafts } from "../../src/mail/send";
import { freePort } from "./support/dovecot";

describe("mail send when the server cannot be reached", () => {
  it("stops at the first connection failure, says so for every message and logs nothing as sent", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "mail-fail-"));
    const manifest: DraftManifest = { trackerId: "T", kind: "drafts", createdAt: "2026-12-01 10:00", messages: [] };
    for (const n of [1, 2, 3]) {
      const file = `单位${n}.eml`;
      writeFileSync(path.join(dir, file), composeDraft({ to: [`u${n}@x.test`], cc: [], subject: `s${n}`, text: "t", attachment: { filename: "a.xlsx", content: new Uint8Array([1]) }, date: new Date(0), messageId: `s${n}@t.invalid` }));
      manifest.messages.push({ unit: `单位${n}`, file, to: [`u${n}@x.test`], cc: [], subject: `s${n}`, attachment: "a.xlsx" });
    }
    writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
    const port = await freePort(); // nothing listens there
    const outcomes = await sendDrafts(dir, { host: "127.0.0.1", port, tls: "none", from: "c@x.test" }, { dryRun: false, pauseMs: 0, out: () => undefined });
    expect(outcomes.map((o) => o.sent)).toEqual([[], [], []]);
    expect(outcomes[0].failed[0].error).toMatch(/ECONNREFUSED|connect/i);
    expect(outcomes[1].failed[0].error).toMatch(/^未发送：连接或登录邮件服务器失败/);
    expect(existsSync(path.join(dir, SEND_LOG_FILE))).toBe(true);
    const log = readFileSync(path.join(dir, SEND_LOG_FILE), "utf8");
    expect(log).not.toContain("已发送");
    expect(log.split("\n").filter((l) => l.includes(",失败,"))).toHaveLength(1);
  });
});
