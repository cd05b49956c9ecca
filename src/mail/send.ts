import { existsSync, readFileSync, appendFileSync, writeFileSync } from "fs";
import path from "path";
import nodemailer from "nodemailer";
import { readCaFile } from "./ca-file";
import { isValidAddress, splitAddresses } from "./contacts";

/** What `mail drafts` / `mail remind` write next to the .eml files, and `mail send` reads. */
export interface DraftManifest {
  trackerId: string;
  kind: "drafts" | "reminders";
  createdAt: string;
  messages: Array<{ unit: string; file: string; to: string[]; cc: string[]; subject: string; attachment: string }>;
}
export const MANIFEST_FILE = "drafts.json";
export const SEND_LOG_FILE = "发送记录.csv";

export interface SmtpSettings {
  host: string;
  port: number;
  /** ssl: TLS from the first byte (465); starttls: upgrade required (587/25); none: only for a local test server. */
  tls: "ssl" | "starttls" | "none";
  user?: string;
  pass?: string;
  from: string;
  /** PEM certificates to trust besides the system's: a unit or office server signed by its own CA. */
  ca?: string;
}

export interface SendOutcome {
  unit: string;
  file: string;
  sent: string[];
  failed: Array<{ address: string; error: string }>;
  /** Recipients the log already shows as sent: not sent again. */
  skipped: string[];
  /** Recipients this run was to send to. */
  pending: string[];
}

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Recipients already logged as sent, per draft file: a re-run never sends twice. */
function alreadySent(logFile: string): Map<string, Set<string>> {
  const sent = new Map<string, Set<string>>();
  if (!existsSync(logFile)) return sent;
  for (const line of readFileSync(logFile, "utf8").split("\n").slice(1)) {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"')) ?? [];
    if (cells[4] !== "已发送") continue;
    if (!sent.has(cells[2])) sent.set(cells[2], new Set());
    sent.get(cells[2])!.add(cells[3]);
  }
  return sent;
}

/**
 * The draft as sent: without `X-Unsent` (a draft marker, not part of the letter), with a
 * From header when the draft has none. The body and attachment bytes are untouched.
 */
export function messageToSend(draft: Buffer, from: string): Buffer {
  const text = draft.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const head = text.slice(0, end).replace(/^X-Unsent:[^\r\n]*\r?\n/im, "");
  const withFrom = /^From:/im.test(head) ? head : `From: ${from}\r\n${head}`;
  return Buffer.from(withFrom + text.slice(end), "latin1");
}

const CONNECTION_ERRORS = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EAUTH", "EDNS", "ETLS", "ECONNREFUSED"]);

/**
 * Sends the drafts of a folder one by one with a pause between them, logging each
 * recipient's result as it happens. A recipient is logged 已发送 only once the server has
 * accepted it; a refused address gets its server's answer. A failure to connect or log
 * in stops the run: every later message is left unsent and said so.
 */
export async function sendDrafts(
  dir: string,
  settings: SmtpSettings | undefined,
  options: { dryRun: boolean; pauseMs: number; units?: readonly string[]; out: (s: string) => void },
): Promise<SendOutcome[]> {
  const manifestFile = path.join(dir, MANIFEST_FILE);
  if (!existsSync(manifestFile)) throw new Error(`${dir} 中没有 ${MANIFEST_FILE}：请先用 mail drafts 或 mail remind 生成邮件草稿。`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as DraftManifest;
  const logFile = path.join(dir, SEND_LOG_FILE);
  const done = alreadySent(logFile);
  if (!options.dryRun && !existsSync(logFile)) writeFileSync(logFile, "\ufeff时间,单位,文件,收件人,结果,说明\n");
  const log = (unit: string, file: string, address: string, result: string, note: string) =>
    appendFileSync(logFile, [new Date().toISOString(), unit, file, address, result, note].map(csvField).join(",") + "\n");
  const transport = options.dryRun || !settings
    ? undefined
    : nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.tls === "ssl",
        requireTLS: settings.tls === "starttls",
        ignoreTLS: settings.tls === "none",
        ...(settings.user ? { auth: { user: settings.user, pass: settings.pass ?? "" } } : {}),
        ...(settings.ca ? { tls: { ca: settings.ca } } : {}),
        connectionTimeout: 30_000,
      });
  const outcomes: SendOutcome[] = [];
  let stopped: string | undefined;
  try {
    for (const m of manifest.messages) {
      if (options.units && !options.units.includes(m.unit)) continue;
      const recipients = [...m.to, ...m.cc];
      const skipped = recipients.filter((a) => done.get(m.file)?.has(a));
      const pending = recipients.filter((a) => !skipped.includes(a));
      const outcome: SendOutcome = { unit: m.unit, file: m.file, sent: [], failed: [], skipped, pending };
      outcomes.push(outcome);
      if (pending.length === 0) continue;
      if (options.dryRun) {
        options.out(`将发送 / would send  ${m.file}  →  ${pending.join("; ")}  主题：${m.subject}`);
        continue;
      }
      if (stopped) {
        for (const a of pending) outcome.failed.push({ address: a, error: `未发送：${stopped}` });
        continue;
      }
      if (outcomes.filter((o) => o.sent.length > 0 || o.failed.length > 0).length > 0 && options.pauseMs > 0) await new Promise((r) => setTimeout(r, options.pauseMs));
      const raw = messageToSend(readFileSync(path.join(dir, m.file)), settings!.from);
      try {
        const info = await transport!.sendMail({ envelope: { from: splitAddresses(settings!.from.replace(/^.*<|>.*$/g, ""))[0], to: pending }, raw });
        const accepted = new Set((info.accepted as Array<string | { address: string }>).map((a) => (typeof a === "string" ? a : a.address)));
        for (const a of pending) {
          if (accepted.has(a)) {
            outcome.sent.push(a);
            log(m.unit, m.file, a, "已发送", info.messageId ?? "");
          } else {
            const err = (info.rejectedErrors ?? []).find((e) => (e as { recipient?: string }).recipient === a);
            const error = err?.message ?? "服务器未接受此地址";
            outcome.failed.push({ address: a, error });
            log(m.unit, m.file, a, "失败", error);
          }
        }
      } catch (e) {
        const err = e as Error & { code?: string; rejectedErrors?: Array<Error & { recipient?: string }> };
        for (const a of pending) {
          const error = err.rejectedErrors?.find((r) => r.recipient === a)?.message ?? err.message;
          outcome.failed.push({ address: a, error });
          log(m.unit, m.file, a, "失败", error);
        }
        if (err.code && CONNECTION_ERRORS.has(err.code)) stopped = `连接或登录邮件服务器失败（${err.code}:${err.message}），已停止发送`;
      }
    }
  } finally {
    transport?.close();
  }
  return outcomes;
}

/** SMTP settings from options, else the environment; the password only from SMTP_PASS. */
export function smtpSettings(get: (name: string) => string | undefined, env: NodeJS.ProcessEnv): SmtpSettings {
  const host = get("smtp-host") ?? env.SMTP_HOST;
  const from = get("from") ?? env.MAIL_FROM ?? env.SMTP_USER;
  if (!host) throw new Error("缺少发件服务器：请用 --smtp-host 或环境变量 SMTP_HOST 指定（如 smtp.qq.com）。");
  if (!from || !isValidAddress(from.replace(/^.*<|>.*$/g, "").trim())) throw new Error("缺少或无效的发件人：请用 --from 或环境变量 MAIL_FROM 指定发件邮箱。");
  const tlsText = get("smtp-tls") ?? env.SMTP_TLS;
  const port = Number(get("smtp-port") ?? env.SMTP_PORT ?? (tlsText === "starttls" ? 587 : 465));
  const tls = (tlsText ?? (port === 465 ? "ssl" : "starttls")) as SmtpSettings["tls"];
  if (!["ssl", "starttls", "none"].includes(tls)) throw new Error(`--smtp-tls 只能是 ssl、starttls 或 none（收到“${tls}”）。`);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`--smtp-port 应是 1–65535 的端口号（收到“${get("smtp-port") ?? env.SMTP_PORT}”）。`);
  const user = get("smtp-user") ?? env.SMTP_USER;
  const caFile = get("smtp-ca") ?? env.SMTP_CA;
  const ca = caFile ? readCaFile(caFile, "--smtp-ca") : undefined;
  return { host, port, tls, user, pass: env.SMTP_PASS, from, ...(ca ? { ca } : {}) };
}
