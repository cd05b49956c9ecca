import { mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { describeFailure, main } from "../../src/cli/main";

async function failure(args: string[]): Promise<string> {
  try {
    await main(args, () => undefined);
  } catch (e) {
    return describeFailure(e);
  }
  throw new Error("expected the command to fail");
}

describe("mail and contacts on the command line: mistakes are named", () => {
  it("refuses an unknown subcommand, a mistyped option and a missing SMTP host, with the usage", async () => {
    expect(await failure(["mail", "sned", "x"])).toMatch(/^错误 \/ error: mail 后应是 drafts、remind、send 或 collect(.|\n)*policy-tracker mail/);
    expect(await failure(["mail", "send", "x", "--smtp-hots", "h"])).toContain("不认识选项 --smtp-hots（是不是 --smtp-host？）");
    const env = { ...process.env };
    for (const k of ["SMTP_HOST", "MAIL_FROM", "SMTP_USER"]) delete process.env[k];
    try {
      expect(await failure(["mail", "send", "x"])).toContain("--smtp-host 或环境变量 SMTP_HOST");
    } finally {
      Object.assign(process.env, env);
    }
    expect(await failure(["mail", "collect", "t.xlsx", "--imap-host", "h", "--imap-user", "u"])).toMatch(/IMAP_PASS|无法读取/);
  });

  it("says how to fix a contact table that has no header", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "mail-cli-"));
    const tracker = path.join(dir, "t.xlsx");
    expect(await main(["build", "--out", tracker, "--tracker-id", "CLI"], () => undefined)).toBe(0);
    writeFileSync(path.join(dir, "c.csv"), "省教育厅,a@b.cn\n");
    expect(await failure(["contacts", "import", tracker, path.join(dir, "c.csv")])).toMatch(/第 1 行应是表头，至少包括“单位”和“邮箱”/);
    expect(await failure(["mail", "drafts", tracker, "--out", path.join(dir, "d")])).toContain("还没有“联络员”表");
  });
});
