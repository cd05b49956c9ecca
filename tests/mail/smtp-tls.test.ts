import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { simpleParser } from "mailparser";
import { SMTPServer, SMTPServerOptions } from "smtp-server";
import { main } from "../../src/cli/main";
import { composeDraft } from "../../src/mail/compose";
import { DraftManifest, MANIFEST_FILE, SEND_LOG_FILE } from "../../src/mail/send";
import { toolAvailable } from "../support/tools";
import { OPENSSL, makeCertificate } from "./support/cert";

const hasOpenssl = toolAvailable("OpenSSL (Debian package openssl)", OPENSSL);
const work = mkdtempSync(path.join(os.tmpdir(), "smtp-tls-"));
const { certFile, keyFile } = { certFile: path.join(work, "cert.pem"), keyFile: path.join(work, "key.pem") };
const attachment = Uint8Array.from({ length: 5000 }, (_, i) => (i * 13) % 256);

/** A folder of two drafts as `mail drafts` leaves it. */
function draftFolder(): string {
  const dir = mkdtempSync(path.join(work, "drafts-"));
  const manifest: DraftManifest = { trackerId: "TLS", kind: "drafts", createdAt: "2026-12-01 10:00", messages: [] };
  for (const n of [1, 2]) {
    const file = `单位${n}.eml`;
    const to = [`unit${n}@units.test`];
    writeFileSync(path.join(dir, file), composeDraft({ to, cc: [], subject: `请报送（单位${n}）`, text: "请填写附件。", attachment: { filename: `单位${n}-填报.xlsx`, content: attachment }, date: new Date(0), messageId: `tls${n}@policy-tracker.invalid` }));
    manifest.messages.push({ unit: `单位${n}`, file, to, cc: [], subject: `请报送（单位${n}）`, attachment: `单位${n}-填报.xlsx` });
  }
  writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest));
  return dir;
}

interface Received {
  secure: boolean;
  user: unknown;
  raw: Buffer;
}

/** smtp-server with TLS and a required login; records what arrives and how. */
async function server(options: Partial<SMTPServerOptions>): Promise<{ port: string; received: Received[]; logins: string[]; errors: Error[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const errors: Error[] = [];
  const logins: string[] = [];
  const smtp = new SMTPServer({
    key: readFileSync(keyFile),
    cert: readFileSync(certFile),
    authOptional: false,
    onAuth(auth, session, cb) {
      logins.push(`${auth.method}:${auth.username}:${session.secure}`);
      if (auth.username === "coord@office.test" && auth.password === "授权码-123") cb(null, { user: auth.username });
      else cb(Object.assign(new Error("535 Authentication failed"), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({ secure: session.secure, user: session.user, raw: Buffer.concat(chunks) });
        cb();
      });
    },
    ...options,
  });
  // A client that hangs up during the handshake is an error event on the server: kept for the test to judge.
  smtp.on("error", (e: Error) => errors.push(e));
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
  return { port: String((smtp.server.address() as { port: number }).port), received, logins, errors, close: () => new Promise<void>((r) => smtp.close(() => r())) };
}

async function send(dir: string, port: string, tls: string, pass: string, ca = true): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const saved = process.env.SMTP_PASS;
  process.env.SMTP_PASS = pass;
  try {
    const args = ["mail", "send", dir, "--smtp-host", "127.0.0.1", "--smtp-port", port, "--smtp-tls", tls, "--smtp-user", "coord@office.test", "--from", "coord@office.test", "--pause", "0", ...(ca ? ["--smtp-ca", certFile] : [])];
    const code = await main(args, (s) => lines.push(s));
    return { code, out: lines.join("\n") };
  } finally {
    if (saved === undefined) delete process.env.SMTP_PASS;
    else process.env.SMTP_PASS = saved;
  }
}

const sentLines = (dir: string) => readFileSync(path.join(dir, SEND_LOG_FILE), "utf8").split("\n").filter((l) => l.includes(",已发送,"));

const run_ = hasOpenssl ? it : it.skip;

describe("mail send over TLS with a login (smtp-server on 127.0.0.1, a certificate made by openssl)", () => {
  beforeAll(() => {
    if (hasOpenssl) makeCertificate(work);
  });

  run_("STARTTLS with AUTH PLAIN: logs in only after the upgrade and delivers the attachment byte for byte", async () => {
    // Without TLS the server does not even offer AUTH, so a login over plain text cannot happen.
    // allowInsecureAuth is off: the server takes no password before STARTTLS.
    const s = await server({ secure: false, authMethods: ["PLAIN"] });
    try {
      const dir = draftFolder();
      const r = await send(dir, s.port, "starttls", "授权码-123");
      expect(r.code).toBe(0);
      // One connection per message, each logging in after its upgrade.
      expect(s.logins).toEqual(["PLAIN:coord@office.test:true", "PLAIN:coord@office.test:true"]);
      expect(s.received.map((m) => [m.secure, m.user])).toEqual([[true, "coord@office.test"], [true, "coord@office.test"]]);
      const parsed = await simpleParser(s.received[0].raw);
      expect(parsed.attachments[0].filename).toBe("单位1-填报.xlsx");
      expect(Buffer.compare(parsed.attachments[0].content, Buffer.from(attachment))).toBe(0);
      expect(sentLines(dir)).toHaveLength(2);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  run_("implicit TLS (465-style) with AUTH LOGIN; a wrong password stops the run with nothing logged as sent", async () => {
    const s = await server({ secure: true, authMethods: ["LOGIN"] });
    try {
      const wrong = draftFolder();
      const bad = await send(wrong, s.port, "ssl", "wrong");
      expect(bad.code).toBe(2);
      expect(bad.out).toMatch(/单位1 <unit1@units\.test>[:：].*535/);
      expect(bad.out).toMatch(/单位2 <unit2@units\.test>[:：]未发送：连接或登录邮件服务器失败（EAUTH/);
      expect(sentLines(wrong)).toHaveLength(0);
      expect(s.received).toHaveLength(0);

      const dir = draftFolder();
      const good = await send(dir, s.port, "ssl", "授权码-123");
      expect(good.code).toBe(0);
      expect(s.logins.at(-1)).toBe("LOGIN:coord@office.test:true");
      expect(s.received.map((m) => m.secure)).toEqual([true, true]);
      expect(sentLines(dir)).toHaveLength(2);
    } finally {
      await s.close();
    }
  });

  run_("refuses a certificate it was not told to trust: nothing sent, the reason named", async () => {
    const s = await server({ secure: true, authMethods: ["PLAIN"] });
    try {
      const dir = draftFolder();
      const r = await send(dir, s.port, "ssl", "授权码-123", false);
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/self[- ]signed certificate/i);
      // The server hears of the hang-up a moment after the client gives up.
      for (let i = 0; i < 100 && s.errors.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(s.errors.map((e) => e.message)).toEqual([expect.stringMatching(/TLS/)]);
      expect(s.received).toHaveLength(0);
      expect(sentLines(dir)).toHaveLength(0);
      await expect(main(["mail", "send", dir, "--smtp-host", "h", "--from", "a@b.cn", "--smtp-ca", path.join(work, "none.pem")], () => undefined)).rejects.toThrow(/读不到 --smtp-ca 指定的证书文件 .*none\.pem（ENOENT）/);
      await expect(main(["mail", "send", dir, "--smtp-host", "h", "--from", "a@b.cn", "--smtp-ca", keyFile], () => undefined)).rejects.toThrow(/不是 PEM 格式的证书/);
    } finally {
      await s.close();
    }
  });
});
