import { ImapFlow, MessageStructureObject } from "imapflow";
import { EML_LIMITS, EmailRefused, MailAttachment, readEmail, workbookAttachments } from "./mime-reader";

export interface ImapSettings {
  host: string;
  port: number;
  tls: "ssl" | "starttls" | "none";
  user: string;
  pass: string;
  mailbox: string;
  /** Only messages received on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Mark the messages whose attachments were taken as read; off by default. */
  markSeen: boolean;
  /** PEM certificates to trust besides the system's (see readCaFile). */
  ca?: string;
}

export interface CollectedMail {
  uid: number;
  from: string;
  subject: string;
  attachments: MailAttachment[];
}

function hasWorkbook(node: MessageStructureObject | undefined): boolean {
  if (!node) return false;
  const name = node.dispositionParameters?.filename ?? node.parameters?.name ?? "";
  if (/\.xlsx$/i.test(name) || node.type === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") return true;
  return (node.childNodes ?? []).some(hasWorkbook);
}

/**
 * The messages of a mailbox that carry a workbook, with those attachments. The mailbox
 * is opened read-only (EXAMINE) unless asked to mark messages read: nothing on the
 * server changes otherwise, and nothing is ever deleted or moved. Messages above the
 * email size limit, or that cannot be read, are listed apart with the reason.
 */
export async function collectFromImap(s: ImapSettings): Promise<{ mails: CollectedMail[]; skipped: Array<{ uid: number; reason: string }> }> {
  const client = new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.tls === "ssl",
    doSTARTTLS: s.tls === "starttls" ? true : s.tls === "none" ? false : undefined,
    auth: { user: s.user, pass: s.pass },
    ...(s.ca ? { tls: { ca: s.ca } } : {}),
    logger: false,
  });
  await client.connect();
  const mails: CollectedMail[] = [];
  const skipped: Array<{ uid: number; reason: string }> = [];
  try {
    const lock = await client.getMailboxLock(s.mailbox, { readOnly: !s.markSeen });
    try {
      const uids = await client.search(s.since ? { since: new Date(`${s.since}T00:00:00`) } : { all: true }, { uid: true });
      if (!uids || uids.length === 0) return { mails, skipped };
      const heads = await client.fetchAll(uids.join(","), { uid: true, size: true, bodyStructure: true }, { uid: true });
      const wanted = heads.filter((h) => hasWorkbook(h.bodyStructure));
      for (const h of wanted) {
        if ((h.size ?? 0) > EML_LIMITS.messageBytes) {
          skipped.push({ uid: h.uid, reason: `邮件有 ${((h.size ?? 0) / 1024 / 1024).toFixed(0)} MB，超过 ${EML_LIMITS.messageBytes / 1024 / 1024} MB 上限，未下载。` });
          continue;
        }
        // BODY.PEEK: fetching the source does not set \Seen.
        const full = await client.fetchOne(String(h.uid), { uid: true, source: true }, { uid: true });
        if (!full || !full.source) continue;
        let email;
        try {
          email = readEmail(full.source);
        } catch (e) {
          if (!(e instanceof EmailRefused)) throw e;
          skipped.push({ uid: h.uid, reason: e.message });
          continue;
        }
        mails.push({ uid: h.uid, from: email.from, subject: email.subject, attachments: workbookAttachments(email) });
      }
      if (s.markSeen && mails.length > 0) await client.messageFlagsAdd(mails.map((m) => m.uid).join(","), ["\\Seen"], { uid: true });
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return { mails, skipped };
}
