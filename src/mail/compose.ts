import MailComposer from "nodemailer/lib/mail-composer";

export interface Draft {
  from?: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  attachment: { filename: string; content: Uint8Array };
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * An RFC 5322 message: multipart/mixed, UTF-8 headers as RFC 2047 words, the copy's
 * name as RFC 2231 (Content-Disposition) and RFC 2047 (Content-Type name, for older
 * readers), base64 body. `X-Unsent: 1` makes Outlook open the file as a draft to send.
 * Node only: nodemailer's composer needs Node's streams and crypto, which the pane's
 * bundle does not carry.
 */
export async function composeDraft(d: Draft): Promise<Buffer> {
  const composer = new MailComposer({
    ...(d.from ? { from: d.from } : {}),
    to: d.to,
    ...(d.cc.length > 0 ? { cc: d.cc } : {}),
    subject: d.subject,
    text: d.text,
    headers: { "X-Unsent": "1" },
    attachments: [{ filename: d.attachment.filename, content: Buffer.from(d.attachment.content), contentType: XLSX_TYPE }],
  });
  return new Promise((resolve, reject) => composer.compile().build((err, message) => (err ? reject(err) : resolve(message))));
}
