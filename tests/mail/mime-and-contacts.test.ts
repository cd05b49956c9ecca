import { simpleParser } from "mailparser";
import { checkContacts, parseContactTable } from "../../src/mail/contacts";
import { composeDraft } from "../../src/mail/compose";
import { EML_LIMITS, EmailRefused, readEmail } from "../../src/mail/mime-reader";
import { fillTemplate, parseTemplate, DRAFT_TEMPLATE } from "../../src/mail/template";

describe("the bounded MIME reader", () => {
  it("takes the same attachment bytes and names out of a composed draft as mailparser", async () => {
    const content = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
    const raw = Buffer.from(composeDraft({ to: ["a@b.cn"], cc: [], subject: "请报送 2026年12月 落实情况", text: "正文", attachment: { filename: "江西省工作任务清单-各市、县(市、区)人民政府-填报.xlsx", content }, date: new Date(0), messageId: "m1@t.invalid" }));
    const mine = readEmail(raw);
    const theirs = await simpleParser(raw);
    expect(mine.subject).toBe(theirs.subject);
    expect(mine.attachments.map((a) => a.filename)).toEqual([theirs.attachments[0].filename]);
    expect(Buffer.from(mine.attachments[0].data).equals(Buffer.from(content))).toBe(true);
  });

  it("reads GBK RFC 2047 names and forwarded messages; refuses oversized and deeply nested mail", () => {
    const gbkName = "=?GBK?B?" + Buffer.from([0xcc, 0xee, 0xb1, 0xa8]).toString("base64") + "?=.xlsx"; // 填报
    const inner = `Content-Type: multipart/mixed; boundary="in"\r\n\r\n--in\r\nContent-Type: application/octet-stream; name="${gbkName}"\r\nContent-Transfer-Encoding: base64\r\n\r\nAQID\r\n--in--\r\n`;
    const outer = `Subject: Fw\r\nContent-Type: multipart/mixed; boundary="out"\r\n\r\npreamble\r\n--out\r\nContent-Type: text/plain\r\n\r\nsee below\r\n--out\r\nContent-Type: message/rfc822\r\n\r\n${inner}\r\n--out--\r\nepilogue\r\n`;
    const read = readEmail(Buffer.from(outer));
    expect(read.attachments.map((a) => [a.filename, [...a.data]])).toEqual([["填报.xlsx", [1, 2, 3]]]);
    expect(() => readEmail(new Uint8Array(EML_LIMITS.messageBytes + 1))).toThrow(EmailRefused);
    let nested = "Content-Type: text/plain\r\n\r\nx";
    for (let i = 0; i < EML_LIMITS.depth + 2; i++) nested = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${nested}\r\n--b${i}--\r\n`;
    expect(() => readEmail(Buffer.from(nested))).toThrow(/嵌套超过/);
  });
});

describe("contacts and templates", () => {
  const units = ["省教育厅", "省发展改革委"];
  it("reads a pasted tab-separated table with other header words, folds widths and splits addresses", () => {
    const rows = parseContactTable("责任单位\t姓名\t电子邮箱\tCC\n省教育厅\t张三\tｚｈａｎｇ＠jyt.gov.cn；li@jyt.gov.cn\t\n");
    const { contacts, problems } = checkContacts(rows, units);
    expect(contacts).toEqual([{ unit: "省教育厅", name: "张三", phone: "", email: "zhang@jyt.gov.cn; li@jyt.gov.cn", cc: "" }]);
    expect(problems).toEqual([expect.objectContaining({ unit: "省发展改革委", severity: "warning" })]);
  });
  it("flags unknown units, duplicates and bad addresses with the row to fix", () => {
    const rows = parseContactTable("单位,邮箱\n省教育厅,a@b.cn\n省教育厅,c@d.cn\n省财政厅,e@f.cn\n省发展改革委,not-an-address\n");
    const errors = checkContacts(rows, units).problems.filter((p) => p.severity === "error").map((p) => p.message);
    expect(errors).toEqual([expect.stringMatching(/第 3 行.*重复/), expect.stringMatching(/第 4 行.*省财政厅/), expect.stringMatching(/第 5 行.*not-an-address/)]);
    expect(() => parseContactTable("名称,电话\nx,1\n")).toThrow(/单位.*邮箱/);
  });
  it("fills the template and refuses unknown placeholders", () => {
    const t = fillTemplate(parseTemplate(DRAFT_TEMPLATE), { 单位: "省教育厅", 联系人: "张三", 期间: "2026年12月", 回报截止: "12月25日", 任务数: "3", 附件: "x.xlsx", 落款: "督查室", 待办任务: "" });
    expect(t.subject).toBe("请报送2026年12月政策任务落实情况（省教育厅）");
    expect(t.body).toContain("12月25日");
    expect(() => parseTemplate("主题:{单位}\n{部门}")).toThrow(/\{部门\}/);
  });
});
