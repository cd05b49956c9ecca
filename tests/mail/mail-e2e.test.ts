import ExcelJS from "exceljs";
import { ImapFlow } from "imapflow";
import { simpleParser } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer";
import { SMTPServer } from "smtp-server";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { readEmail } from "../../src/mail/mime-reader";
import { DraftManifest, messageToSend } from "../../src/mail/send";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { toolAvailable } from "../support/tools";
import { DOVECOT, startDovecot } from "./support/dovecot";

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join("\n") };
}

const compose = (o: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> =>
  new Promise((resolve, reject) => new MailComposer(o).compile().build((e, m) => (e ? reject(e) : resolve(m))));

/** Fills every 完成状态 of a returned copy the way a unit does, in ExcelJS. */
async function fillCopy(data: Buffer, status: (taskId: number) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.state === "visible" && w.getRow(2).values.toString().includes("完成状态"))!;
  const header = ws.getRow(2).values as unknown[];
  const idCol = header.indexOf("序号");
  const statusCol = header.indexOf("完成状态");
  ws.eachRow((row, r) => {
    if (r > 2 && typeof row.getCell(idCol).value === "number") row.getCell(statusCol).value = status(row.getCell(idCol).value as number);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const run_ = toolAvailable("Dovecot (Debian package dovecot-imapd)", DOVECOT) ? it : it.skip;

describe("sharing by email, end to end (real SMTP and IMAP servers on 127.0.0.1)", () => {
  run_("37 drafts sent over SMTP arrive intact; 30 edited replies collected from Dovecot merge every status; 7 silent units listed", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tracker-mail-"));
    const tracker = path.join(dir, "跟踪表.xlsx");
    expect((await run(["build", "--out", tracker, "--tracker-id", "MAIL-E2E"])).code).toBe(0);
    const units = (await readTrackerFile(readFileSync(tracker))).meta.units.map((u) => u.unit);
    expect(units).toHaveLength(37);

    // Contacts: a bad table changes nothing; a good one fills 联络员.
    const before = readFileSync(tracker);
    writeFileSync(path.join(dir, "bad.csv"), "单位,联系人,邮箱\n不存在的局,王五,wang@x.test\n省教育厅,李四,li@@x\n");
    await expect(run(["contacts", "import", tracker, path.join(dir, "bad.csv")])).rejects.toThrow(/不存在的局[\s\S]*li@@x/);
    expect(readFileSync(tracker).equals(before)).toBe(true);
    const address = (i: number) => `unit${i}@units.test`;
    const csv = ["单位,联系人,电话,邮箱,抄送", ...units.map((u, i) => `"${u}",联络员${i},0791-8000${i},${address(i)},${i === 0 ? "deputy0@units.test" : ""}`)].join("\n");
    writeFileSync(path.join(dir, "contacts.csv"), csv);
    expect((await run(["contacts", "import", tracker, path.join(dir, "contacts.csv")])).code).toBe(0);
    const listed = await run(["contacts", tracker]);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(address(36));

    // Drafts: one .eml per unit, Outlook draft marker, the unit's own copy attached.
    const drafts = path.join(dir, "drafts");
    expect((await run(["mail", "drafts", tracker, "--out", drafts, "--from", "协调员 <coord@office.test>", "--deadline", "2026年12月25日", "--sign", "省政府督查室"])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(drafts, "drafts.json"), "utf8")) as DraftManifest;
    expect(manifest.messages.map((m) => m.unit)).toEqual(units);
    expect(readdirSync(drafts).filter((f) => f.endsWith(".eml"))).toHaveLength(37);
    const draftBytes = new Map(manifest.messages.map((m) => [m.unit, readFileSync(path.join(drafts, m.file))]));
    for (const [unit, raw] of draftBytes) {
      expect(raw.toString("latin1")).toMatch(/^X-Unsent: 1\r$/m);
      const parsed = await simpleParser(raw);
      expect(parsed.subject).toContain(unit);
      expect(parsed.text).toContain("2026年12月25日");
      expect(parsed.attachments).toHaveLength(1);
      // Our reader and mailparser take the same bytes out of the draft.
      expect(Buffer.from(readEmail(raw).attachments[0].data).equals(parsed.attachments[0].content)).toBe(true);
      const copy = await readTrackerFile(parsed.attachments[0].content);
      expect(copy.meta.extra.unit).toBe(unit);
      expect(parsed.attachments[0].filename).toBe(manifest.messages.find((m) => m.unit === unit)!.attachment);
    }

    // Sending through a real SMTP server.
    const received: Array<{ from: string; to: string[]; raw: Buffer }> = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      onRcptTo(a, _s, cb) {
        cb(a.address === address(5) ? Object.assign(new Error("550 mailbox unavailable"), { responseCode: 550 }) : undefined);
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({ from: (session.envelope.mailFrom as { address: string }).address, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
    const smtpPort = String((smtp.server.address() as { port: number }).port);
    const sendArgs = ["mail", "send", drafts, "--smtp-host", "127.0.0.1", "--smtp-port", smtpPort, "--smtp-tls", "none", "--pause", "0.01", "--from", "coord@office.test"];
    try {
      const dry = await run([...sendArgs, "--dry-run"]);
      expect(dry.out.split("\n").filter((l) => l.startsWith("将发送"))).toHaveLength(37);
      expect(dry.out).toContain("以上 37 封均未发送");
      expect(received).toHaveLength(0);
      const sent = await run(sendArgs);
      // unit5's address is refused by the server: reported, logged as failed, never as sent.
      expect(sent.code).toBe(2);
      expect(sent.out).toMatch(new RegExp(`${units[5]} <${address(5)}>[:：].*550`));
      expect(received).toHaveLength(36);
      const log = readFileSync(path.join(drafts, "发送记录.csv"), "utf8");
      expect(log).toContain(`${address(5)},失败`);
      expect(log).not.toContain(`${address(5)},已发送`);
      expect(log.split("\n").filter((l) => l.includes(",已发送,"))).toHaveLength(37); // 36 units + unit0's cc
      // A second run sends nothing already sent, and tries the failed address again.
      const again = await run(sendArgs);
      expect(again.code).toBe(2);
      expect(received).toHaveLength(36);
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
    for (const r of received) {
      const m = manifest.messages.find((x) => x.to.includes(r.to[0]))!;
      expect(r.from).toBe("coord@office.test");
      expect(r.to).toEqual([...m.to, ...m.cc]);
      // Byte for byte: what the server received is the draft without its X-Unsent line.
      const expected = messageToSend(draftBytes.get(m.unit)!, "coord@office.test");
      expect(r.raw.toString("latin1").replace(/\r\n$/, "")).toBe(expected.toString("latin1").replace(/\r\n$/, ""));
      expect(r.raw.toString("latin1")).not.toMatch(/^X-Unsent/m);
      const [got, draft] = await Promise.all([simpleParser(r.raw), simpleParser(draftBytes.get(m.unit)!)]);
      expect(got.attachments[0].content.equals(draft.attachments[0].content)).toBe(true);
      expect(got.attachments[0].filename).toBe(draft.attachments[0].filename);
    }

    // Replies: 30 units return their copy edited; 7 stay silent (unit5 never got one).
    const dovecot = await startDovecot(mkdtempSync(path.join(os.tmpdir(), "dovecot-")));
    const statusOf = (unitIndex: number, taskId: number) => ((unitIndex + taskId) % 2 === 0 ? "已完成" : "长期坚持");
    const answering = units.map((u, i) => ({ u, i })).filter(({ i }) => i !== 5 && i < 31);
    expect(answering).toHaveLength(30);
    const client = new ImapFlow({ host: "127.0.0.1", port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.pass }, logger: false });
    let savedReply: Buffer | undefined;
    try {
      await client.connect();
      for (const { u, i } of answering) {
        const got = await simpleParser(received.find((r) => r.to[0] === address(i))!.raw);
        const edited = await fillCopy(got.attachments[0].content, (id) => statusOf(i, id));
        const reply = await compose({ from: address(i), to: "coord@office.test", subject: `回复:${got.subject}`, text: `${u}已填报。`, attachments: [{ filename: got.attachments[0].filename, content: edited }] });
        if (i === 1) savedReply = reply;
        await client.append("INBOX", reply);
      }
      await client.append("INBOX", await compose({ from: "someone@else.test", to: "coord@office.test", subject: "会议通知", text: "无附件" }));
    } finally {
      await client.logout();
    }
    try {
      process.env.IMAP_PASS = dovecot.pass;
      const merged = path.join(dir, "合并.xlsx");
      const saved = path.join(dir, "saved");
      const collected = await run(["mail", "collect", tracker, "--imap-host", "127.0.0.1", "--imap-port", String(dovecot.port), "--imap-tls", "none", "--imap-user", dovecot.user, "--out", merged, "--save", saved]);
      expect(collected.code).toBe(0);
      expect(readdirSync(saved)).toHaveLength(30);
      const silent = units.filter((_, i) => !answering.some((a) => a.i === i));
      expect(collected.out).toContain(`尚未回复的单位（7）/ not answered: ${silent.join("、")}`);
      const result = await readTrackerFile(readFileSync(merged));
      let checked = 0;
      for (const a of result.assignments) {
        const idx = units.indexOf(a.unit);
        if (answering.some((x) => x.i === idx)) {
          expect(a.report.status).toBe(statusOf(idx, a.taskId));
          checked++;
        } else expect(a.report.status).toBe("");
      }
      expect(checked).toBeGreaterThan(30);
      expect(result.contacts).toHaveLength(37);

      // Nothing was marked read or removed on the server.
      const check = new ImapFlow({ host: "127.0.0.1", port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.pass }, logger: false });
      await check.connect();
      try {
        const lock = await check.getMailboxLock("INBOX", { readOnly: true });
        try {
          const all = await check.fetchAll("1:*", { flags: true });
          expect(all).toHaveLength(31);
          expect(all.filter((m) => m.flags?.has("\\Seen"))).toHaveLength(0);
        } finally {
          lock.release();
        }
      } finally {
        await check.logout();
      }

      // Reminders after the collection go to the 7 silent units only, listing their tasks.
      const reminders = path.join(dir, "reminders");
      expect((await run(["mail", "remind", merged, "--out", reminders, "--today", "2026-12-01"])).code).toBe(0);
      const rm = JSON.parse(readFileSync(path.join(reminders, "drafts.json"), "utf8")) as DraftManifest;
      expect(rm.messages.map((m) => m.unit)).toEqual(silent);
      const first = await simpleParser(readFileSync(path.join(reminders, rm.messages[0].file)));
      expect(first.subject).toContain("催报");
      expect(first.text).toMatch(/〔未填报〕/);

      // A reply saved as .eml merges through `merge` as well.
      writeFileSync(path.join(dir, "reply.eml"), savedReply!);
      const viaEml = await run(["merge", tracker, path.join(dir, "reply.eml"), "--out", path.join(dir, "eml.xlsx")]);
      expect(viaEml.code).toBe(0);
      const emlMerged = await readTrackerFile(readFileSync(path.join(dir, "eml.xlsx")));
      const unit1 = emlMerged.assignments.filter((a) => a.unit === units[1]);
      expect(unit1.length).toBeGreaterThan(0);
      for (const a of unit1) expect(a.report.status).toBe(statusOf(1, a.taskId));
    } finally {
      delete process.env.IMAP_PASS;
      await dovecot.stop();
    }
  }, 300_000);
});
