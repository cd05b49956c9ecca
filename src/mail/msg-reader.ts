import MsgReader from "@kenjiuno/msgreader";
import { checkCompoundFile } from "./cfb-guard";
import { EML_LIMITS, EmailRefused, MailAttachment, ReadEmail } from "./mime-reader";

/**
 * Outlook saved messages (.msg, [MS-OXMSG]): a Compound File whose streams hold the MAPI
 * properties. Read with @kenjiuno/msgreader into the same shape as a saved .eml, so the
 * merge treats both alike. Like every returned file it is untrusted: its size is checked
 * before anything is parsed and its structure before the library walks it (see cfb-guard).
 */

const NOT_MSG = "不是 Outlook 邮件（.msg）文件，未读取。请在 Outlook 中用「另存为 → Outlook 邮件格式」保存回复，或直接保存其中的 .xlsx 附件再合并。";

export function msgTooBig(bytes: number): EmailRefused | undefined {
  return bytes > EML_LIMITS.messageBytes ? new EmailRefused(`邮件有 ${(bytes / 1024 / 1024).toFixed(0)} MB，超过 ${EML_LIMITS.messageBytes / 1024 / 1024} MB 上限，未读取。`) : undefined;
}

/** Reads a saved Outlook message: subject, sender and its attached files (embedded messages are not opened). */
export function readMsg(data: Uint8Array): ReadEmail {
  const tooBig = msgTooBig(data.length);
  if (tooBig) throw tooBig;
  checkCompoundFile(data, NOT_MSG);
  let reader: MsgReader;
  let fields: ReturnType<MsgReader["getFileData"]>;
  try {
    // An exact copy: given a view, the library reads its whole underlying buffer, and a
    // Node Buffer may share one with other data.
    const own = new ArrayBuffer(data.length);
    new Uint8Array(own).set(data);
    reader = new MsgReader(own);
    fields = reader.getFileData();
  } catch {
    // The library throws plain errors (RangeError and the like) on damaged files.
    throw new EmailRefused(NOT_MSG);
  }
  // PidTagMessageClass is present on every message ([MS-OXCMSG] 2.2.1.3); a Word or Excel
  // 97 file is a Compound File too, but has none.
  if (fields.error || typeof fields.messageClass !== "string" || !fields.messageClass) throw new EmailRefused(NOT_MSG);
  const listed = fields.attachments ?? [];
  if (listed.length > EML_LIMITS.parts) throw new EmailRefused(`邮件有超过 ${EML_LIMITS.parts} 个附件，未读取。`);
  const attachments: MailAttachment[] = [];
  for (const a of listed) {
    if (a.innerMsgContent || a.dataId === undefined) continue;
    const filename = (a.fileName || a.fileNameShort || "").replace(/[\\/]/g, "_");
    if (!filename) continue;
    try {
      attachments.push({ filename, contentType: (a.attachMimeTag ?? "").toLowerCase(), data: reader.getAttachment(a).content });
    } catch {
      throw new EmailRefused(`邮件附件「${filename}」已损坏，无法读取。请让对方重新发送，或在 Outlook 中另存附件后合并。`);
    }
  }
  const from = fields.senderSmtpAddress || fields.senderEmail || "";
  return {
    subject: fields.subject ?? "",
    from: fields.senderName && from ? `${fields.senderName} <${from}>` : fields.senderName || from,
    messageId: fields.messageId ?? "",
    attachments,
  };
}
