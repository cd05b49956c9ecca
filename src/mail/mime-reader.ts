/**
 * A small reader for saved emails (.eml) and IMAP message sources: headers, the MIME
 * tree and attachments, nothing else. Emails are untrusted input like returned files:
 * sizes, nesting and the number of parts are bounded before anything is decoded.
 * Pure TypeScript over Uint8Array (no Node streams), so the pane can use it too.
 */

export const EML_LIMITS = {
  /** A 20 MB workbook is ~27 MB once base64-encoded, plus the text around it. */
  messageBytes: 32 * 1024 * 1024,
  headerBytes: 256 * 1024,
  parts: 200,
  depth: 8,
} as const;

export class EmailRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmailRefused";
  }
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

export interface ReadEmail {
  subject: string;
  from: string;
  messageId: string;
  attachments: MailAttachment[];
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Bytes as a binary string: one char per byte, so offsets and base64 stay exact. */
function binaryString(data: Uint8Array): string {
  let s = "";
  for (let i = 0; i < data.length; i += 0x8000) s += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return s;
}

const bytesOf = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function decodeCharset(bytes: Uint8Array, charset: string): string {
  const label = charset.toLowerCase() === "gb2312" ? "gbk" : charset;
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export function decodeBase64(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (const ch of text) {
    const v = B64_INDEX.get(ch);
    if (v === undefined) continue; // line breaks, padding and stray characters
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

function decodeQuotedPrintable(text: string, header = false): Uint8Array {
  const s = (header ? text.replace(/_/g, " ") : text).replace(/=\r?\n/g, "");
  return bytesOf(s.replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
}

/** RFC 2047 words in a header (raw bytes as a binary string; bare UTF-8 is also read). */
export function decodeHeader(raw: string): string {
  const words = raw.replace(/(\?=)\s+(=\?)/g, "$1$2");
  let out = "";
  let last = 0;
  for (const m of words.matchAll(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g)) {
    out += decodeCharset(bytesOf(words.slice(last, m.index)), "utf-8");
    const charset = m[1].split("*")[0];
    out += decodeCharset(m[2].toUpperCase() === "B" ? decodeBase64(m[3]) : decodeQuotedPrintable(m[3], true), charset);
    last = m.index! + m[0].length;
  }
  return out + decodeCharset(bytesOf(words.slice(last)), "utf-8");
}

function splitHeaders(text: string): Part {
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  if (head.length > EML_LIMITS.headerBytes) throw new EmailRefused(`邮件头超过 ${EML_LIMITS.headerBytes / 1024} KB，不像正常邮件，未读取。`);
  const body = m ? text.slice(m.index + m[0].length) : "";
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** A header's value and its parameters, with RFC 2231 continuations and charsets joined. */
export function headerParams(value: string): { value: string; params: Map<string, string> } {
  const [first, ...rest] = value.match(/(?:[^;"]|"(?:[^"\\]|\\.)*")+/g) ?? [""];
  const pieces = new Map<string, { index: number; text: string; encoded: boolean }[]>();
  for (const p of rest) {
    const eq = p.indexOf("=");
    if (eq < 0) continue;
    const m = /^([^*]+)(?:\*(\d+))?(\*)?$/.exec(p.slice(0, eq).trim().toLowerCase());
    if (!m) continue;
    let text = p.slice(eq + 1).trim();
    if (text.startsWith('"')) text = text.slice(1, -1).replace(/\\(.)/g, "$1");
    const list = pieces.get(m[1]) ?? [];
    list.push({ index: Number(m[2] ?? 0), text, encoded: m[3] === "*" });
    pieces.set(m[1], list);
  }
  const params = new Map<string, string>();
  for (const [name, list] of pieces) {
    list.sort((a, b) => a.index - b.index);
    if (!list.some((p) => p.encoded)) {
      params.set(name, decodeHeader(list.map((p) => p.text).join("")));
      continue;
    }
    const first2231 = /^([^']*)'[^']*'(.*)$/.exec(list[0].text);
    const charset = first2231?.[1] || "utf-8";
    const raw = list.map((p, i) => (i === 0 && first2231 ? first2231[2] : p.text)).map((t, i) => (list[i].encoded ? t.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : t));
    params.set(name, decodeCharset(bytesOf(raw.join("")), charset));
  }
  return { value: first.trim().toLowerCase(), params };
}

function decodeBody(part: Part): Uint8Array {
  const cte = (part.headers.get("content-transfer-encoding") ?? "").trim().toLowerCase();
  if (cte === "base64") return decodeBase64(part.body);
  if (cte === "quoted-printable") return decodeQuotedPrintable(part.body);
  return bytesOf(part.body);
}

function walk(text: string, depth: number, out: MailAttachment[], count: { parts: number }): void {
  if (depth > EML_LIMITS.depth) throw new EmailRefused(`邮件嵌套超过 ${EML_LIMITS.depth} 层，未读取。`);
  if (++count.parts > EML_LIMITS.parts) throw new EmailRefused(`邮件有超过 ${EML_LIMITS.parts} 个部分，未读取。`);
  const part = splitHeaders(text);
  const type = headerParams(part.headers.get("content-type") ?? "text/plain");
  if (type.value.startsWith("multipart/")) {
    const boundary = type.params.get("boundary");
    if (!boundary) return;
    const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // What follows the closing delimiter is the epilogue, what precedes the first the preamble: neither is a part.
    const closing = new RegExp(`(?:^|\\r?\\n)--${escaped}--`).exec(part.body);
    const inner = closing ? part.body.slice(0, closing.index) : part.body;
    const chunks = inner.split(new RegExp(`(?:^|\\r?\\n)--${escaped}[ \\t]*(?:\\r?\\n|$)`));
    for (const chunk of chunks.slice(1)) walk(chunk, depth + 1, out, count);
    return;
  }
  if (type.value === "message/rfc822") {
    walk(binaryString(decodeBody(part)), depth + 1, out, count);
    return;
  }
  const disposition = headerParams(part.headers.get("content-disposition") ?? "");
  const filename = disposition.params.get("filename") ?? type.params.get("name");
  if (filename) out.push({ filename: filename.replace(/[\\/]/g, "_"), contentType: type.value, data: decodeBody(part) });
}

/** Reads a saved email: subject, sender and every named attachment (nested forwards included). */
export function readEmail(data: Uint8Array): ReadEmail {
  if (data.length > EML_LIMITS.messageBytes) throw new EmailRefused(`邮件有 ${(data.length / 1024 / 1024).toFixed(0)} MB，超过 ${EML_LIMITS.messageBytes / 1024 / 1024} MB 上限，未读取。`);
  const text = binaryString(data);
  const top = splitHeaders(text);
  const attachments: MailAttachment[] = [];
  walk(text, 0, attachments, { parts: 0 });
  const h = (n: string) => decodeHeader(top.headers.get(n) ?? "");
  return { subject: h("subject"), from: h("from"), messageId: h("message-id"), attachments };
}

/** The attachments a merge takes: workbooks by name or type. */
export function workbookAttachments(email: ReadEmail): MailAttachment[] {
  return email.attachments.filter((a) => /\.xlsx$/i.test(a.filename) || a.contentType === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}
