import { ImapFlow } from "imapflow";
import { mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { composeDraft } from "../../src/mail/compose";
import { collectFromImap } from "../../src/mail/imap-collect";
import { toolAvailable } from "../support/tools";
import { OPENSSL, makeCertificate } from "./support/cert";
import { DOVECOT, Dovecot, startDovecot } from "./support/dovecot";

const ready = toolAvailable("Dovecot (Debian package dovecot-imapd)", DOVECOT) && toolAvailable("OpenSSL (Debian package openssl)", OPENSSL);
const run_ = ready ? it : it.skip;
const workbook = Uint8Array.from({ length: 9000 }, (_, i) => (i * 29) % 256);

describe("mail collect over TLS from Dovecot (IMAPS and STARTTLS, a certificate made by openssl)", () => {
  let dovecot: Dovecot | undefined;
  let ca = "";
  beforeAll(async () => {
    if (!ready) return;
    // Dovecot's own folder is opened to its unprivileged processes: it gets one of its own, apart from the key.
    const cert = makeCertificate(mkdtempSync(path.join(os.tmpdir(), "imap-tls-cert-")));
    ca = readFileSync(cert.certFile, "utf8");
    dovecot = await startDovecot(mkdtempSync(path.join(os.tmpdir(), "imap-tls-")), cert);
    const client = new ImapFlow({ host: "127.0.0.1", port: dovecot.tlsPort!, secure: true, tls: { ca }, auth: { user: dovecot.user, pass: dovecot.pass }, logger: false });
    await client.connect();
    await client.append("INBOX", Buffer.from(composeDraft({ to: ["coord@office.test"], cc: [], subject: "回复:请报送", text: "已填报。", attachment: { filename: "省教育厅-填报.xlsx", content: workbook }, date: new Date(0), messageId: "reply1@units.test" })));
    await client.logout();
  }, 60_000);
  afterAll(async () => {
    await dovecot?.stop();
  });

  const settings = () => ({ host: "127.0.0.1", user: dovecot!.user, pass: dovecot!.pass, mailbox: "INBOX", markSeen: false });

  run_("takes the attachment byte for byte over IMAPS and over STARTTLS, trusting the given CA", async () => {
    for (const [tls, port] of [["ssl", dovecot!.tlsPort!], ["starttls", dovecot!.port]] as const) {
      const { mails, skipped } = await collectFromImap({ ...settings(), tls, port, ca });
      expect({ tls, skipped }).toEqual({ tls, skipped: [] });
      expect(mails.map((m) => m.attachments.map((a) => a.filename))).toEqual([["省教育厅-填报.xlsx"]]);
      expect(Buffer.compare(Buffer.from(mails[0].attachments[0].data), Buffer.from(workbook))).toBe(0);
    }
  });

  run_("refuses a certificate it was not told to trust, over IMAPS and over STARTTLS", async () => {
    await expect(collectFromImap({ ...settings(), tls: "ssl", port: dovecot!.tlsPort! })).rejects.toThrow(/self[- ]signed certificate/i);
    await expect(collectFromImap({ ...settings(), tls: "starttls", port: dovecot!.port })).rejects.toThrow(/self[- ]signed certificate/i);
  });
});
