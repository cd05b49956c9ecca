/**
 * Subject and body of a message with {占位符} filled in. The coordinator edits the
 * template as a text file: the first line "主题:…" is the subject, the rest the body.
 */
export const PLACEHOLDERS = ["单位", "联系人", "期间", "回报截止", "任务数", "附件", "落款", "待办任务"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

export interface Template {
  subject: string;
  body: string;
}

export const DRAFT_TEMPLATE = `主题：请报送{期间}政策任务落实情况（{单位}）
{联系人}同志：您好！

请贵单位对照附件《{附件}》中的 {任务数} 项任务，填写完成状态、本期进展情况、存在问题和下步计划，于 {回报截止} 前将填好的原附件（请勿改名、另存为其他格式或复制到新表）回复本邮件。

附件只需在黄色单元格中填写；如有疑问请与我们联系。

{落款}
`;

export const REMINDER_TEMPLATE = `主题：【催报】请尽快报送{期间}政策任务落实情况（{单位}）
{联系人}同志：您好！

截至目前，贵单位以下任务尚未报送或已逾期：

{待办任务}

请于 {回报截止} 前在附件《{附件}》中填写后回复本邮件。如已报送，请忽略本提醒。

{落款}
`;

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

export function parseTemplate(text: string): Template {
  const lines = text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n").split("\n");
  const m = /^(?:主题|subject)\s*[:：]\s*(.*)$/i.exec(lines[0] ?? "");
  if (!m || m[1].trim() === "") throw new TemplateError("邮件模板的第一行应为“主题：……”（邮件主题），其后是正文。请按此格式修改模板。");
  const unknown = [...text.matchAll(/\{([^{}\n]{1,20})\}/g)].map((x) => x[1]).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new TemplateError(`邮件模板中有不认识的占位符 ${[...new Set(unknown)].map((p) => `{${p}}`).join("、")}。可用的有：${PLACEHOLDERS.map((p) => `{${p}}`).join("、")}。`);
  return { subject: m[1].trim(), body: lines.slice(1).join("\n").replace(/^\n+/, "") };
}

export function fillTemplate(t: Template, values: TemplateValues): Template {
  const fill = (s: string) => s.replace(/\{([^{}\n]{1,20})\}/g, (all, p: string) => ((PLACEHOLDERS as readonly string[]).includes(p) ? values[p as Placeholder] : all));
  // A subject is one line: a value with a line break would end the header early.
  return { subject: fill(t.subject).replace(/\s*\n\s*/g, " "), body: fill(t.body) };
}
