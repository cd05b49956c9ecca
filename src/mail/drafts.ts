import { Contact } from "../blueprint/contacts-sheet";
import { TaskList } from "../domain/types";
import { splitAddresses } from "./contacts";
import { PendingTask, pendingLines } from "./pending";
import { Template, fillTemplate } from "./template";

export interface DraftPlan {
  unit: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
}

export interface PlanOptions {
  period: string;
  /** Return deadline as the coordinator writes it (2026年12月25日); "" leaves the sentence generic. */
  deadline: string;
  signature: string;
  attachmentName: (unit: string) => string;
  /** For reminders: the tasks to list per unit (units absent here get no message). */
  pending?: ReadonlyMap<string, readonly PendingTask[]>;
}

/**
 * One message per chosen unit that has an address. Units without one are returned
 * apart, so the caller can say who gets no mail instead of silently leaving them out.
 */
export function planDrafts(list: TaskList, contacts: readonly Contact[], units: readonly string[], template: Template, o: PlanOptions): { plans: DraftPlan[]; noAddress: string[] } {
  const byUnit = new Map(contacts.map((c) => [c.unit, c]));
  const plans: DraftPlan[] = [];
  const noAddress: string[] = [];
  for (const unit of units) {
    const pending = o.pending?.get(unit);
    if (o.pending && !pending) continue;
    const c = byUnit.get(unit);
    const to = splitAddresses(c?.email ?? "");
    if (to.length === 0) {
      noAddress.push(unit);
      continue;
    }
    const filled = fillTemplate(template, {
      单位: unit,
      联系人: c?.name || unit,
      期间: o.period,
      回报截止: o.deadline || "规定时间",
      任务数: String(list.tasks.filter((t) => t.units.includes(unit)).length),
      附件: o.attachmentName(unit),
      落款: o.signature,
      待办任务: pending ? pendingLines(pending) : "",
    });
    plans.push({ unit, to, cc: splitAddresses(c?.cc ?? ""), subject: filled.subject, text: filled.body });
  }
  return { plans, noAddress };
}

/** The file a draft is saved as: the unit's name, safe on every OS. */
export function draftFileName(unit: string): string {
  return `${unit}.eml`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_");
}

/**
 * A Message-ID unique to the tracker, the batch and the unit (RFC 5322 §3.6.4), built from
 * what the caller already knows so that composing stays deterministic. The host part is a
 * name of our own under .invalid (RFC 2606), never someone's real domain.
 */
export function draftMessageId(trackerId: string, kind: "drafts" | "reminders", stamp: string, index: number): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "x";
  return `${safe(trackerId)}.${kind}.${safe(stamp)}.${index + 1}@policy-tracker.invalid`;
}
