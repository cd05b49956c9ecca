import { Reports } from "../domain/reports";
import { TaskList } from "../domain/types";
import { Contact, ContactsError, checkContacts } from "./contacts";
import { composeDraft } from "./compose";
import { DraftPlan, draftFileName, draftMessageId, planDrafts } from "./drafts";
import { pendingByUnit } from "./pending";
import { DRAFT_TEMPLATE, REMINDER_TEMPLATE, parseTemplate } from "./template";

export interface BatchRequest {
  kind: "drafts" | "reminders";
  /** The units chosen; empty means every unit. */
  units: readonly string[];
  /** yyyy-mm-dd: what counts as overdue for reminders. */
  today: string;
  period: string;
  deadline: string;
  signature: string;
  /** The coordinator's edited template; absent means the built-in one for the kind. */
  template?: string;
}

/**
 * Who gets a message, from the tracker's own contacts: a 联络员 table with errors stops
 * everything (TemplateError and ContactsError name what to fix), units without an address
 * are returned apart so the pane can say who gets none.
 */
export function planBatch(
  list: TaskList,
  reports: Reports,
  contacts: readonly Contact[],
  request: BatchRequest,
  attachmentName: (unit: string) => string,
): { plans: DraftPlan[]; noAddress: string[] } {
  const template = parseTemplate(request.template ?? (request.kind === "drafts" ? DRAFT_TEMPLATE : REMINDER_TEMPLATE));
  const checked = checkContacts(contacts, list.units);
  const errors = checked.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new ContactsError(`“联络员”表有 ${errors.length} 处错误，未生成邮件。请在表中改正后重试：\n${errors.map((p) => p.message).join("\n")}`);
  if (checked.contacts.length === 0) throw new ContactsError("还没有填写联络员。请先在上方“联络员”中粘贴或填写各单位的邮箱。");
  return planDrafts(list, checked.contacts, request.units.length > 0 ? request.units : list.units, template, {
    period: request.period,
    deadline: request.deadline,
    signature: request.signature,
    attachmentName,
    ...(request.kind === "reminders" ? { pending: pendingByUnit(list, reports, request.today) } : {}),
  });
}

/** One .eml per plan, each with its unit's copy; `copies` are in the order of `plans`. */
export function composeBatch(
  plans: readonly DraftPlan[],
  copies: ReadonlyArray<{ unit: string; fileName: string; data: Uint8Array }>,
  o: { trackerId: string; kind: "drafts" | "reminders"; stamp: string; date: Date; from?: string },
): Array<{ fileName: string; data: Uint8Array }> {
  return plans.map((plan, i) => {
    const copy = copies[i];
    if (copy?.unit !== plan.unit) throw new Error(`内部错误：“${plan.unit}”的填报表没有按顺序生成。`);
    return {
      fileName: draftFileName(plan.unit),
      data: composeDraft({
        from: o.from,
        to: plan.to,
        cc: plan.cc,
        subject: plan.subject,
        text: plan.text,
        attachment: { filename: copy.fileName, content: copy.data },
        date: o.date,
        messageId: draftMessageId(o.trackerId, o.kind, o.stamp, i),
      }),
    };
  });
}
