import { EML_LIMITS, EmailRefused, readEmail, workbookAttachments } from "./mime-reader";

/** A returned file as the pane holds it (see ReturnUpload in src/excel/merge-returns.ts). */
export interface Upload {
  name: string;
  size?: number;
  data: Uint8Array | (() => Promise<Uint8Array>);
}

/**
 * Saved emails (.eml, Outlook .msg) among the chosen files become their .xlsx attachments,
 * named "mail.eml/attachment.xlsx"; an email that is too big, unreadable or has no workbook
 * is refused with the reason. Other files pass through untouched (and unread).
 * The .msg reader (a library with its own text decoders) loads only when a .msg is chosen.
 */
export async function expandEmailUploads<T extends Upload>(uploads: readonly T[]): Promise<{ uploads: Upload[]; refused: Array<{ source: string; reason: string }> }> {
  const out: Upload[] = [];
  const refused: Array<{ source: string; reason: string }> = [];
  for (const u of uploads) {
    const msg = /\.msg$/i.test(u.name);
    if (!msg && !/\.eml$/i.test(u.name)) {
      out.push(u);
      continue;
    }
    try {
      if (u.size !== undefined && u.size > EML_LIMITS.messageBytes) throw new EmailRefused(`邮件有 ${(u.size / 1024 / 1024).toFixed(0)} MB，超过 ${EML_LIMITS.messageBytes / 1024 / 1024} MB 上限，未读取。`);
      const data = typeof u.data === "function" ? await u.data() : u.data;
      const books = workbookAttachments(msg ? (await import("./msg-reader")).readMsg(data) : readEmail(data));
      if (books.length === 0) refused.push({ source: u.name, reason: "邮件中没有 .xlsx 附件，未合并。请确认对方回复时附上了填好的填报表。" });
      out.push(...books.map((b) => ({ name: `${u.name}/${b.filename}`, size: b.data.length, data: b.data })));
    } catch (e) {
      if (!(e instanceof EmailRefused)) throw e;
      refused.push({ source: u.name, reason: e.message });
    }
  }
  return { uploads: out, refused };
}
