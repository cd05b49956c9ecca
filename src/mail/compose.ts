/**
 * Our own MIME writer, so the pane (no Node streams or Buffer) and the CLI make the same
 * bytes. Everything it writes is 7-bit ASCII: UTF-8 headers become RFC 2047 encoded-words,
 * the file name an RFC 2231 parameter, both bodies base64.
 */

export interface Draft {
  /** "a@b.cn" or "督查室 <a@b.cn>"; absent in a draft the coordinator's own mail program sends. */
  from?: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  attachment: { filename: string; content: Uint8Array };
  /** Given, not read from a clock, so the same draft is the same bytes (tests, re-runs). */
  date: Date;
  /** Without angle brackets, e.g. "tracker-id.3.20261201@policy-tracker". */
  messageId: string;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** RFC 5322 §2.1.1: lines SHOULD be at most 78 characters; RFC 2045 §6.8 caps base64 lines at 76. */
const LINE = 76;
const CRLF = "\r\n";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function encodeBase64(bytes: Uint8Array): string {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += B64[n >> 18] + B64[(n >> 12) & 63] + B64[(n >> 6) & 63] + B64[n & 63];
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=") + "=";
  }
  return out;
}

const B64_CODES = Uint8Array.from(B64, (c) => c.charCodeAt(0));
const EQUALS = 61;

/**
 * A body as base64 lines of 76 characters (RFC 2045 §6.8: 57 bytes a line), written
 * straight into bytes: a 20 MB workbook never becomes a 27 MB JavaScript string.
 */
function base64Lines(bytes: Uint8Array): Uint8Array {
  const full = Math.floor(bytes.length / 57);
  const rest = bytes.length % 57;
  const lines = full + (rest > 0 ? 1 : 0);
  const out = new Uint8Array(full * 76 + Math.ceil(rest / 3) * 4 + Math.max(0, lines - 1) * 2);
  let o = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    if (i > 0 && i % 57 === 0) {
      out[o++] = 13;
      out[o++] = 10;
    }
    const left = bytes.length - i;
    const b0 = bytes[i];
    const b1 = left > 1 ? bytes[i + 1] : 0;
    const b2 = left > 2 ? bytes[i + 2] : 0;
    out[o++] = B64_CODES[b0 >> 2];
    out[o++] = B64_CODES[((b0 & 3) << 4) | (b1 >> 4)];
    out[o++] = left > 1 ? B64_CODES[((b1 & 15) << 2) | (b2 >> 6)] : EQUALS;
    out[o++] = left > 2 ? B64_CODES[b2 & 63] : EQUALS;
  }
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const utf8 = new TextEncoder();
const isPlain = (s: string) => /^[\x20-\x7e]*$/.test(s);

/**
 * The text as RFC 2047 "B" encoded-words, each whole characters only (§5: a word must not
 * split a character) and short enough that its line stays within 76 characters: the first
 * after `used` characters already on the line, the others after the folding space.
 */
function encodedWords(text: string, used: number): string[] {
  const words: string[] = [];
  const overhead = "=?UTF-8?B??=".length;
  let budget = Math.floor((LINE - used - overhead) / 4) * 3;
  let chunk: number[] = [];
  for (const ch of text) {
    const bytes = [...utf8.encode(ch)];
    if (chunk.length + bytes.length > budget && chunk.length > 0) {
      words.push(`=?UTF-8?B?${encodeBase64(Uint8Array.from(chunk))}?=`);
      chunk = [];
      budget = Math.floor((LINE - 1 - overhead) / 4) * 3;
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0 || words.length === 0) words.push(`=?UTF-8?B?${encodeBase64(Uint8Array.from(chunk))}?=`);
  return words;
}

/** An unstructured header (Subject): plain when it is short ASCII, else folded encoded-words. */
function unstructured(name: string, value: string): string {
  const prefix = `${name}: `;
  if (isPlain(value) && prefix.length + value.length <= LINE) return prefix + value;
  return prefix + encodedWords(value, prefix.length).join(`${CRLF} `);
}

/** An internationalized domain as its ASCII (punycode) form, which every server accepts. */
function asciiAddress(address: string): string {
  const at = address.lastIndexOf("@");
  const domain = address.slice(at + 1);
  if (isPlain(domain)) return address;
  return `${address.slice(0, at)}@${new URL(`http://${domain}`).hostname}`;
}

/** "Name <a@b>" or "a@b": the display name encoded when it is not plain ASCII. */
function mailbox(text: string, used: number): string {
  const m = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(text);
  if (!m || m[1] === "") return asciiAddress((m?.[2] ?? text).trim());
  const name = m[1].replace(/^"(.*)"$/, "$1");
  const address = `<${asciiAddress(m[2].trim())}>`;
  if (isPlain(name)) return `"${name.replace(/["\\]/g, "\\$&")}" ${address}`;
  // The address goes on its own line: after the last word it could pass 76 characters.
  return `${encodedWords(name, used).join(`${CRLF} `)}${CRLF} ${address}`;
}

/** An address list, one address per line after the first so no line outgrows 76 characters. */
function addressList(name: string, addresses: readonly string[]): string {
  const prefix = `${name}: `;
  return prefix + addresses.map((a, i) => mailbox(a, i === 0 ? prefix.length : 1)).join(`,${CRLF} `);
}

/** RFC 5322 §3.3 date-time, in UTC so the bytes do not depend on the machine's time zone. */
export function rfc5322Date(d: Date): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/**
 * The file name twice: RFC 2231 `filename*` in Content-Disposition (the standard form,
 * continued over lines of at most 76 characters without splitting a character) and an
 * RFC 2047 `name` in Content-Type, which Outlook and older readers look at instead.
 */
function filenameParameter(filename: string): string {
  const pieces: string[] = [];
  let piece = "";
  const room = (i: number) => LINE - ` filename*${i}*=`.length - (i === 0 ? "UTF-8''".length : 0) - 1;
  for (const ch of filename) {
    const enc = /^[A-Za-z0-9._-]$/.test(ch) ? ch : [...utf8.encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
    if (piece.length + enc.length > room(pieces.length) && piece !== "") {
      pieces.push(piece);
      piece = "";
    }
    piece += enc;
  }
  pieces.push(piece);
  return pieces.map((p, i) => ` filename*${i}*=${i === 0 ? "UTF-8''" : ""}${p}`).join(`;${CRLF}`);
}

function nameParameter(filename: string): string {
  if (isPlain(filename) && filename.length <= LINE - 8) return ` name="${filename.replace(/["\\]/g, "\\$&")}"`;
  return ` name="${encodedWords(filename, ' name="'.length).join(`${CRLF} `)}"`;
}

/** A boundary that base64 lines cannot contain ("=" and "_" are not in their alphabet mid-line), tied to the message. */
function boundaryFor(messageId: string): string {
  let h = 2166136261;
  for (const b of utf8.encode(messageId)) h = Math.imul(h ^ b, 16777619) >>> 0;
  return `=_policy-tracker_${h.toString(16).padStart(8, "0")}`;
}

/**
 * A draft as an .eml: RFC 5322 headers, multipart/mixed with the letter and the unit's
 * copy, CRLF line ends, every line at most 76 characters. `X-Unsent: 1` makes Outlook open
 * the file as a message ready to send rather than a received one.
 */
export function composeDraft(d: Draft): Uint8Array {
  if (d.to.length === 0) throw new Error("邮件没有收件人。");
  if (/[<>\s]/.test(d.messageId) || !d.messageId.includes("@")) throw new Error(`Message-ID“${d.messageId}”应形如 id@host（不含空格和尖括号）。`);
  if (Number.isNaN(d.date.getTime())) throw new Error("邮件日期无效。");
  const boundary = boundaryFor(d.messageId);
  const headers = [
    ...(d.from ? [addressList("From", [d.from])] : []),
    addressList("To", d.to),
    ...(d.cc.length > 0 ? [addressList("Cc", d.cc)] : []),
    unstructured("Subject", d.subject),
    `Date: ${rfc5322Date(d.date)}`,
    `Message-ID: <${d.messageId}>`,
    "MIME-Version: 1.0",
    "X-Unsent: 1",
    `Content-Type: multipart/mixed;${CRLF} boundary="${boundary}"`,
  ];
  const text = d.text.replace(/\r?\n/g, CRLF);
  const lines = (...l: string[]) => utf8.encode(l.join(CRLF));
  return concat([
    lines(...headers, "", "This is a multi-part message in MIME format.", `--${boundary}`, "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "", ""),
    base64Lines(utf8.encode(text)),
    lines(
      "",
      `--${boundary}`,
      // The type alone nearly fills a line: folded after the colon (RFC 5322 §3.2.2 allows FWS there).
      `Content-Type:${CRLF} ${XLSX_TYPE};${CRLF}${nameParameter(d.attachment.filename)}`,
      "Content-Transfer-Encoding: base64",
      `Content-Disposition: attachment;${CRLF}${filenameParameter(d.attachment.filename)}`,
      "",
      "",
    ),
    base64Lines(d.attachment.content),
    lines("", `--${boundary}--`, ""),
  ]);
}
