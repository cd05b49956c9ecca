import { simpleParser } from "mailparser";
import { composeDraft, encodeBase64, Draft } from "../../src/mail/compose";
import { readEmail } from "../../src/mail/mime-reader";

const longName = "江西省工作任务清单（2026年12月）-各设区市、县（市、区）人民政府及赣江新区管委会-填报.xlsx";
const draft = (over: Partial<Draft> = {}): Draft => ({
  from: "江西省教育厅督查室 <duchashi@jyt.jiangxi.gov.cn>",
  to: ["zhang@a.gov.cn", "li@b.gov.cn"],
  cc: ["wang@c.gov.cn"],
  subject: "请报送2026年12月政策任务落实情况（各设区市、县（市、区）人民政府及赣江新区管委会）",
  text: "张三同志：您好！\n\n请填写附件。\n\n督查室",
  // Every byte value, odd length: padding and high bytes both exercised.
  attachment: { filename: longName, content: Uint8Array.from({ length: 200_001 }, (_, i) => (i * 7919) % 256) },
  date: new Date(Date.UTC(2026, 11, 1, 8, 5, 9)),
  messageId: "T1.drafts.2026-12-01-16-05.3@policy-tracker.invalid",
  ...over,
});

describe("the MIME composer shared by the pane and the CLI", () => {
  it("writes what mailparser reads back exactly: headers, text, and the attachment byte for byte", async () => {
    const d = draft();
    const raw = composeDraft(d);
    const parsed = await simpleParser(Buffer.from(raw));
    expect(parsed.subject).toBe(d.subject);
    expect(parsed.from?.value).toEqual([{ name: "江西省教育厅督查室", address: "duchashi@jyt.jiangxi.gov.cn" }]);
    const addresses = (a: typeof parsed.to) => (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => v.address));
    expect(addresses(parsed.to)).toEqual(d.to);
    expect(addresses(parsed.cc)).toEqual(d.cc);
    expect(parsed.messageId).toBe(`<${d.messageId}>`);
    expect(parsed.date?.toISOString()).toBe("2026-12-01T08:05:09.000Z");
    expect(parsed.headers.get("x-unsent")).toBe("1");
    expect(parsed.text?.replace(/\r\n/g, "\n").trimEnd()).toBe(d.text);
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0].filename).toBe(longName);
    expect(parsed.attachments[0].contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(Buffer.compare(parsed.attachments[0].content, Buffer.from(d.attachment.content))).toBe(0);
    // Our own reader (the pane's merge) agrees on name and bytes.
    const mine = readEmail(raw);
    expect(mine.attachments.map((a) => a.filename)).toEqual([longName]);
    expect(Buffer.compare(Buffer.from(mine.attachments[0].data), Buffer.from(d.attachment.content))).toBe(0);
  });

  it("is 7-bit, CRLF only, every line at most 76 characters, and the same bytes for the same input", () => {
    const raw = composeDraft(draft());
    expect(raw.every((b) => b < 0x80)).toBe(true);
    const text = Buffer.from(raw).toString("latin1");
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(76);
    const head = text.slice(0, text.indexOf("\r\n\r\n"));
    expect(head).toMatch(/^X-Unsent: 1$/m);
    expect(head).toMatch(/^Date: Tue, 01 Dec 2026 08:05:09 \+0000$/m);
    // Encoded-words carry whole characters: each one decodes to valid UTF-8 on its own.
    for (const w of head.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)) {
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(w[1], "base64"))).not.toThrow();
    }
    expect(text).toMatch(/filename\*0\*=UTF-8''/);
    expect(Buffer.from(composeDraft(draft())).equals(Buffer.from(raw))).toBe(true);
    const other = Buffer.from(composeDraft(draft({ messageId: "other@policy-tracker.invalid" }))).toString("latin1");
    expect(other.split("\r\n").find((l) => l.startsWith(" boundary"))).not.toBe(lines.find((l) => l.startsWith(" boundary")));
  });

  it("keeps plain ASCII headers plain, writes international domains in their ASCII form and omits an absent From and Cc", async () => {
    const raw = composeDraft(draft({ from: undefined, cc: [], to: ["chu@教育厅.中国"], subject: "Monthly report", attachment: { filename: "a.xlsx", content: new Uint8Array([]) } }));
    const text = Buffer.from(raw).toString("latin1");
    expect(text).toMatch(/^Subject: Monthly report$/m);
    expect(text).not.toMatch(/^(From|Cc):/m);
    expect(text).toMatch(/^To: chu@xn--imrt82bd4t\.xn--fiqs8s$/m);
    const parsed = await simpleParser(Buffer.from(raw));
    // mailparser shows the domain in Unicode again: the same address.
    expect((parsed.to as { value: Array<{ address: string }> }).value[0].address).toBe("chu@教育厅.中国");
    expect(parsed.attachments[0].content.length).toBe(0);
  });

  it("encodes base64 as Node does, for every tail length, in headers and in 76-character body lines", async () => {
    for (const n of [0, 1, 2, 3, 4, 5, 56, 57, 58, 59, 113, 114, 115]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => 255 - i);
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
      const raw = Buffer.from(composeDraft(draft({ attachment: { filename: "a.xlsx", content: bytes } })));
      const body = raw.toString("latin1").split(/\r\n\r\n/).at(-1)!.replace(/\r\n--=_policy-tracker_[0-9a-f]+--\r\n$/, "");
      expect(body).toBe(Buffer.from(bytes).toString("base64").match(/.{1,76}/g)?.join("\r\n") ?? "");
      expect(Buffer.compare((await simpleParser(raw)).attachments[0]?.content ?? Buffer.alloc(0), Buffer.from(bytes))).toBe(0);
    }
  });

  it("refuses a draft without recipients or with a malformed Message-ID", () => {
    expect(() => composeDraft(draft({ to: [] }))).toThrow(/收件人/);
    expect(() => composeDraft(draft({ messageId: "<x@y>" }))).toThrow(/Message-ID/);
  });
});
