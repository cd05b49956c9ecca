import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { buildTrackerFile } from "../../src/files/build-tracker-file";
import { signCopies } from "../../src/files/export-copies";
import { loadTrackerBytes } from "../../src/files/loaded-tracker";
import { mergeTracker, returnInputsFromBytes } from "../../src/files/merge-tracker-file";
import { expandEmailUploads } from "../../src/mail/eml-uploads";
import { EML_LIMITS, EmailRefused } from "../../src/mail/mime-reader";
import { readMsg } from "../../src/mail/msg-reader";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { seedText } from "../support/seed";
import { editWorkbook, rowOf } from "../xlsx/hostile-returns";
import { outlookMsg } from "./support/outlook-msg";

const NOW = new Date(2026, 11, 1, 9, 5, 42);
const builtin = { fileName: "jiangxi-vocational-education-tasks.txt", content: seedText() };
async function signedCopy() {
  const tracker = await loadTrackerBytes((await buildTrackerFile(builtin, { trackerId: "MSG", now: NOW })).data, "t.xlsx");
  const signed = await signCopies(tracker, ["省外办"], { now: NOW });
  const filled = await editWorkbook(signed.copies[0].data, (wb) => {
    rowOf(wb.worksheets[0], 12).getCell(7).value = "推进中";
  });
  return { master: signed.master, filled };
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof EmailRefused) return e.message;
    throw e;
  }
  throw new Error("not refused");
};

describe("saved Outlook messages (.msg) as returns", () => {
  it("reads subject, sender and the attached copy byte for byte; src/files merges it and the status arrives", async () => {
    const { master, filled } = await signedCopy();
    const msg = outlookMsg({ subject: "回复:请报送12月进展", attachments: [{ name: "说明.txt", data: Buffer.from("见附件") }, { name: "省外办-填报.xlsx", data: filled }] });

    const read = readMsg(msg);
    expect([read.subject, read.from]).toEqual(["回复:请报送12月进展", "省外办 联络员 <lly@wb.test>"]);
    expect(read.attachments.map((a) => a.filename)).toEqual(["说明.txt", "省外办-填报.xlsx"]);
    expect(Buffer.from(read.attachments[1].data).equals(Buffer.from(filled))).toBe(true);

    const r = returnInputsFromBytes("回复.msg", msg);
    expect([r.inputs.map((i) => i.source), r.refused]).toEqual([["回复.msg/省外办-填报.xlsx"], []]);
    const merged = await mergeTracker(await loadTrackerBytes(master, "t.xlsx"), r.inputs, r.refused, { now: NOW });
    expect(merged.unitOf.get("回复.msg/省外办-填报.xlsx")).toBe("省外办");
    const back = await readTrackerFile(merged.data);
    expect(back.assignments.find((a) => a.taskId === 12 && a.unit === "省外办")!.report.status).toBe("推进中");
  });

  it("the CLI merges a .msg and refuses an .xlsx renamed .msg, naming the file", async () => {
    const { master, filled } = await signedCopy();
    const dir = mkdtempSync(path.join(os.tmpdir(), "cli-msg-"));
    const tracker = path.join(dir, "tracker.xlsx");
    writeFileSync(tracker, master);
    writeFileSync(path.join(dir, "回复.msg"), outlookMsg({ subject: "回复", attachments: [{ name: "省外办-填报.xlsx", data: filled }] }));
    writeFileSync(path.join(dir, "假.msg"), filled);
    const out = path.join(dir, "merged.xlsx");
    const lines: string[] = [];
    const code = await main(["merge", tracker, path.join(dir, "回复.msg"), path.join(dir, "假.msg"), "--out", out], (s) => lines.push(s));
    expect(code).toBe(2);
    expect(lines.join("\n")).toContain("拒收 假.msg:不是 Outlook 邮件（.msg）文件");
    const back = await readTrackerFile(readFileSync(out));
    expect(back.assignments.filter((a) => a.report.status !== "").map((a) => [a.taskId, a.unit, a.report.status])).toEqual([[12, "省外办", "推进中"]]);
    expect(back.mergeLog.map((row) => row.join("|")).filter((row) => row.includes("回复.msg/省外办-填报.xlsx"))).not.toHaveLength(0);
  });

  it("refuses, with the reason: no .xlsx attached, not a message, another Compound File, too big", () => {
    const noBook = outlookMsg({ subject: "收到", attachments: [{ name: "回执.pdf", data: Buffer.from("%PDF-1.4") }] });
    const noAttachment = outlookMsg({ subject: "收到", attachments: [] });
    const notMessage = outlookMsg({ subject: "x", messageClass: "", attachments: [{ name: "a.xlsx", data: Buffer.from("PK") }] });
    const reasons = [noBook, noAttachment, notMessage, Buffer.from("Subject: 我是 eml\r\n\r\n")].map((data, i) => returnInputsFromBytes(`${i}.msg`, new Uint8Array(data)));
    expect(reasons.map((r) => [r.inputs, r.refused.map((x) => [x.source, x.reason])])).toEqual([
      [[], [["0.msg", expect.stringContaining("没有 .xlsx 附件")]]],
      [[], [["1.msg", expect.stringContaining("没有 .xlsx 附件")]]],
      [[], [["2.msg", expect.stringMatching(/^不是 Outlook 邮件（\.msg）文件，未读取。请在 Outlook 中用「另存为/)]]],
      [[], [["3.msg", expect.stringContaining("不是 Outlook 邮件")]]],
    ]);
    // Refused by size before a byte is parsed: a buffer of zeros would otherwise be "not a message".
    expect(refusal(() => readMsg(new Uint8Array(EML_LIMITS.messageBytes + 1)))).toContain("超过 32 MB 上限");
  });

  it("refuses damaged files whose sector chain or directory loops, instead of hanging", () => {
    const good = outlookMsg({ subject: "回复", attachments: [{ name: "a.xlsx", data: new Uint8Array(6000).fill(7) }] });
    const view = (d: Uint8Array) => new DataView(d.buffer, d.byteOffset, d.byteLength);
    const sector = (s: number) => (s + 1) * 512;
    const dirSector = view(good).getInt32(0x30, true);
    const fatSector = view(good).getInt32(0x4c, true);

    const loopedChain = good.slice();
    view(loopedChain).setInt32(sector(fatSector) + 4 * dirSector, dirSector, true);
    const dirChain = [dirSector];
    for (let s = dirSector; view(good).getInt32(sector(fatSector) + 4 * s, true) >= 0; ) dirChain.push((s = view(good).getInt32(sector(fatSector) + 4 * s, true)));
    const entryAt = (i: number) => sector(dirChain[Math.floor(i / 4)]) + 128 * (i % 4);
    const loopedTree = good.slice();
    const rootChild = view(good).getInt32(entryAt(0) + 0x4c, true);
    const childAt = entryAt(rootChild);
    view(loopedTree).setInt32(childAt + 0x44, rootChild, true);
    const huge = good.slice();
    view(huge).setInt32(childAt + 0x78, 0x7fffffff, true);

    expect(readMsg(good).attachments[0].data).toEqual(new Uint8Array(6000).fill(7));
    const fatMissing = good.slice();
    view(fatMissing).setInt32(0x2c, view(good).getInt32(0x2c, true) + 1, true); // one more FAT sector than listed

    for (const damaged of [loopedChain, loopedTree, huge, fatMissing]) expect(refusal(() => readMsg(damaged))).toContain("文件结构损坏");
  });

  it("the pane's uploads take a .msg's workbook and refuse one without, loading the reader only then", async () => {
    const { filled } = await signedCopy();
    const msg = outlookMsg({ subject: "回复", attachments: [{ name: "省外办-填报.xlsx", data: filled }] });
    const plain = { name: "财政.xlsx", data: new Uint8Array([1, 2]) };
    const r = await expandEmailUploads([
      plain,
      { name: "回复.MSG", size: msg.length, data: async () => msg },
      { name: "收到.msg", data: outlookMsg({ subject: "收到", attachments: [] }) },
      { name: "大.msg", size: EML_LIMITS.messageBytes + 1, data: async () => Promise.reject(new Error("must not be read")) },
    ]);
    expect(r.uploads.map((u) => u.name)).toEqual(["财政.xlsx", "回复.MSG/省外办-填报.xlsx"]);
    expect(r.uploads[0]).toBe(plain);
    expect(Buffer.from(r.uploads[1].data as Uint8Array).equals(Buffer.from(filled))).toBe(true);
    expect(r.refused.map((x) => [x.source, x.reason])).toEqual([
      ["收到.msg", expect.stringContaining("没有 .xlsx 附件")],
      ["大.msg", expect.stringContaining("超过 32 MB 上限")],
    ]);
  });
});
