import { existsSync, mkdirSync, writeFileSync } from "fs";
import path from "path";
import { AUTHORITY_META_KEY, parseAuthority } from "../blueprint/copy-authority";
import { unitCopyFileName } from "../blueprint/unit-copy";
import { periodName } from "../domain/vocabulary";
import { vocabularyFromMeta } from "../domain/vocabulary-file";
import { readCaFile } from "../mail/ca-file";
import { checkContacts } from "../mail/contacts";
import { composeDraft } from "../mail/compose";
import { draftFileName, draftMessageId, planDrafts } from "../mail/drafts";
import { collectFromImap } from "../mail/imap-collect";
import { pendingByUnit } from "../mail/pending";
import { DRAFT_TEMPLATE, REMINDER_TEMPLATE, TemplateError, parseTemplate } from "../mail/template";
import { DraftManifest, MANIFEST_FILE, SEND_LOG_FILE, sendDrafts, smtpSettings } from "../mail/send";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { writeFileAtomic } from "./atomic-write";
import { localStamp } from "./build-command";
import { signCopies } from "./export-command";
import { mergeInputs } from "./merge-command";
import { LoadedTracker, loadTracker, readFileOrExplain } from "./tracker-file";

export const MAIL_SUBCOMMANDS = ["drafts", "remind", "send", "collect"] as const;

const usage = (e: unknown): never => {
  throw new UsageError((e as Error).message);
};

function validContacts(tracker: LoadedTracker, trackerFile: string) {
  const { contacts, problems } = checkContacts(tracker.read.contacts ?? [], tracker.list.units);
  if (!tracker.read.contacts) throw new UsageError(`${trackerFile} 还没有“联络员”表。请先运行：policy-tracker contacts import ${trackerFile} 联络员.csv`);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new UsageError(`“联络员”表有错误，请在表中改正后重试：\n${errors.map((p) => `  ${p.message}`).join("\n")}`);
  return contacts;
}

/**
 * `mail drafts` / `mail remind`: exports a signed copy per unit (recorded in the tracker,
 * as export does) and writes it as an .eml draft addressed from 联络员, plus the
 * manifest `mail send` reads. Reminders go only to units with unreported or overdue tasks.
 */
export async function draftsCommand(args: ParsedArgs, kind: "drafts" | "reminders", out: (s: string) => void): Promise<string[]> {
  const trackerFile = args.positional[0];
  const dir = path.resolve(stringFlag(args.flags, "out") ?? "out/邮件");
  if (existsSync(path.join(dir, SEND_LOG_FILE))) {
    throw new UsageError(`${dir} 中已有发送记录（${SEND_LOG_FILE}），是已经发过的一批邮件。请用 --out 指定一个新文件夹存放新草稿。`);
  }
  const tracker = await loadTracker(trackerFile);
  const contacts = validContacts(tracker, trackerFile);
  const wanted = (stringFlag(args.flags, "unit") ?? "").split("\n").filter(Boolean);
  const unknown = wanted.filter((u) => !tracker.list.units.includes(u));
  if (unknown.length > 0) throw new UsageError(`跟踪表中没有这些单位：${unknown.join("、")}。`);
  const templateFile = stringFlag(args.flags, "template");
  let template;
  try {
    template = parseTemplate(templateFile ? readFileOrExplain(templateFile).toString("utf8") : kind === "drafts" ? DRAFT_TEMPLATE : REMINDER_TEMPLATE);
  } catch (e) {
    if (e instanceof TemplateError) usage(e);
    throw e;
  }
  const today = stringFlag(args.flags, "today") ?? localStamp().slice(0, 10);
  const period = stringFlag(args.flags, "period");
  const { plans, noAddress } = planDrafts(tracker.list, contacts, wanted.length > 0 ? wanted : tracker.list.units, template, {
    period: period ?? periodName(today, vocabularyFromMeta(tracker.read.meta.extra).cadence),
    deadline: stringFlag(args.flags, "deadline") ?? "",
    signature: stringFlag(args.flags, "sign") ?? "",
    attachmentName: (u) => unitCopyFileName(tracker.list.name, u),
    ...(kind === "reminders" ? { pending: pendingByUnit(tracker.list, tracker.reports, today) } : {}),
  });
  if (plans.length === 0) {
    out(kind === "reminders" ? "没有需要催报的单位 / no unit has unreported or overdue tasks." : "没有可发送的单位（联络员表中没有邮箱）。");
    return [];
  }
  const signed = await signCopies(tracker, plans.map((p) => p.unit), { period, password: stringFlag(args.flags, "password") });
  const from = stringFlag(args.flags, "from") ?? process.env.MAIL_FROM;
  const date = new Date();
  const emls = signed.copies.map((copy, i) => ({
    plan: plans[i],
    file: draftFileName(plans[i].unit),
    data: composeDraft({
      from,
      to: plans[i].to,
      cc: plans[i].cc,
      subject: plans[i].subject,
      text: plans[i].text,
      attachment: { filename: copy.fileName, content: copy.data },
      date,
      // The export time is to the minute; the clock's milliseconds keep two batches in one minute apart.
      messageId: draftMessageId(tracker.read.meta.trackerId, kind, `${signed.exportedAt}-${date.getTime().toString(36)}`, i),
    }),
  }));
  mkdirSync(dir, { recursive: true });
  // The master first: a copy it does not record could never be merged.
  writeFileAtomic(path.resolve(trackerFile), signed.master);
  for (const e of emls) writeFileAtomic(path.join(dir, e.file), e.data);
  const manifest: DraftManifest = {
    trackerId: tracker.read.meta.trackerId,
    kind,
    createdAt: signed.exportedAt,
    messages: emls.map((e, i) => ({ unit: e.plan.unit, file: e.file, to: e.plan.to, cc: e.plan.cc, subject: e.plan.subject, attachment: signed.copies[i].fileName })),
  };
  writeFileAtomic(path.join(dir, MANIFEST_FILE), Buffer.from(JSON.stringify(manifest, null, 2)));
  out(`已生成 ${emls.length} 封${kind === "drafts" ? "邮件草稿" : "催报邮件草稿"}（双击 .eml 用 Outlook 打开即可发送），总表已记录本次导出 / drafts written to ${dir}`);
  if (noAddress.length > 0) out(`没有邮箱、未生成邮件的单位 / no address: ${noAddress.join("、")}`);
  return emls.map((e) => path.join(dir, e.file));
}

export async function sendCommand(args: ParsedArgs, out: (s: string) => void): Promise<number> {
  const dir = path.resolve(args.positional[0]);
  const dryRun = args.flags["dry-run"] === true;
  const pause = Number(stringFlag(args.flags, "pause") ?? "3");
  if (!Number.isFinite(pause) || pause < 0) throw new UsageError(`--pause 应是秒数（收到“${String(args.flags.pause)}”）。`);
  let settings;
  try {
    settings = dryRun ? undefined : smtpSettings((n) => stringFlag(args.flags, n), process.env);
  } catch (e) {
    usage(e);
  }
  const units = (stringFlag(args.flags, "unit") ?? "").split("\n").filter(Boolean);
  let outcomes;
  try {
    outcomes = await sendDrafts(dir, settings, { dryRun, pauseMs: pause * 1000, units: units.length > 0 ? units : undefined, out });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === undefined && /mail drafts/.test((e as Error).message)) usage(e);
    throw e;
  }
  if (dryRun) {
    out(`试运行：以上 ${outcomes.filter((o) => o.pending.length > 0).length} 封均未发送 / dry run, nothing sent.`);
    return 0;
  }
  const sent = outcomes.filter((o) => o.sent.length > 0).length;
  out(`已发送 ${sent} 封 / sent; 记录见 ${path.join(dir, SEND_LOG_FILE)}`);
  const skipped = outcomes.filter((o) => o.skipped.length > 0 && o.sent.length === 0 && o.failed.length === 0);
  if (skipped.length > 0) out(`此前已发送、本次跳过 ${skipped.length} 封 / already sent: ${skipped.map((o) => o.unit).join("、")}`);
  const failed = outcomes.flatMap((o) => o.failed.map((f) => ({ ...f, unit: o.unit })));
  for (const f of failed) out(`发送失败 / failed  ${f.unit} <${f.address}>：${f.error}`);
  return failed.length > 0 ? 2 : 0;
}

/**
 * `mail collect`: reads a mailbox over IMAP, saves every workbook attached to a message,
 * merges them into a new tracker file like `merge` and lists the units that were sent a
 * copy and have not answered.
 */
export async function collectCommand(args: ParsedArgs, out: (s: string) => void): Promise<number> {
  const trackerFile = args.positional[0];
  const get = (n: string) => stringFlag(args.flags, n);
  const host = get("imap-host") ?? process.env.IMAP_HOST;
  const user = get("imap-user") ?? process.env.IMAP_USER;
  if (!host || !user) throw new UsageError("请用 --imap-host / --imap-user（或环境变量 IMAP_HOST / IMAP_USER）指定收件服务器和账号；密码放在环境变量 IMAP_PASS 中。");
  if (process.env.IMAP_PASS === undefined) throw new UsageError("请在环境变量 IMAP_PASS 中提供邮箱密码或授权码（不会保存到任何文件）。");
  const tls = (get("imap-tls") ?? process.env.IMAP_TLS ?? "ssl") as "ssl" | "starttls" | "none";
  if (!["ssl", "starttls", "none"].includes(tls)) throw new UsageError(`--imap-tls 只能是 ssl、starttls 或 none（收到“${tls}”）。`);
  const port = Number(get("imap-port") ?? process.env.IMAP_PORT ?? (tls === "ssl" ? 993 : 143));
  const since = get("since");
  if (since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new UsageError(`--since 应写成 YYYY-MM-DD（收到“${since}”）。`);
  const caFile = get("imap-ca") ?? process.env.IMAP_CA;
  let ca: string | undefined;
  try {
    ca = caFile ? readCaFile(caFile, "--imap-ca") : undefined;
  } catch (e) {
    usage(e);
  }
  const master = await loadTracker(trackerFile);
  const { mails, skipped } = await collectFromImap({ host, port, tls, user, pass: process.env.IMAP_PASS, mailbox: get("mailbox") ?? "INBOX", since, markSeen: args.flags["mark-seen"] === true, ...(ca ? { ca } : {}) });
  const saveDir = path.resolve(get("save") ?? path.join(path.dirname(path.resolve(trackerFile)), `回收附件-${localStamp().slice(0, 10)}`));
  mkdirSync(saveDir, { recursive: true });
  const inputs = mails.flatMap((m) => m.attachments.map((a) => ({ source: `${m.uid}-${a.filename}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_"), data: a.data })));
  for (const i of inputs) writeFileSync(path.join(saveDir, i.source), i.data);
  out(`读取了 ${mails.length} 封带 .xlsx 附件的邮件，${inputs.length} 个附件已保存到 ${saveDir}`);
  for (const s of skipped) out(`跳过邮件 UID ${s.uid}:${s.reason}`);
  const outFile = path.resolve(get("out") ?? trackerFile.replace(/(\.xlsx)?$/i, "-合并.xlsx"));
  const result = await mergeInputs(master, inputs, [], { out: outFile, password: get("password") });
  out(result.text);
  const answered = new Set(result.unitOf.values());
  // mergeInputs has already refused a tracker whose copy record is unreadable.
  const authority = parseAuthority(master.read.meta.extra[AUTHORITY_META_KEY]);
  const sentTo = authority && Object.keys(authority.exports).length > 0 ? master.list.units.filter((u) => authority.exports[u]) : master.list.units;
  const silent = sentTo.filter((u) => !answered.has(u));
  out(silent.length === 0 ? "所有发出填报表的单位都已回复 / every unit answered." : `尚未回复的单位（${silent.length}）/ not answered: ${silent.join("、")}`);
  return 0;
}
