import { Contact, contactsSheet, readContactsGrid } from "../blueprint/contacts-sheet";
import { SHEET } from "../blueprint/layout";
import { ContactsError, checkContacts, mergeContacts, parseContactTable } from "../mail/contacts";
import { PayloadBudget } from "./payload-budget";
import { STAGING_PREFIX, queueGrid } from "./read-state";
import { protectSheet, writeSheetBody } from "./sheet-writer";
import { MasterState, readMasterState } from "./tracker-reports";

/** The tracker as the merge reads it, with the rows of 联络员 (none when the sheet is absent). */
export async function readContactsState(context: Excel.RequestContext): Promise<{ state: MasterState; contacts: Contact[] }> {
  const state = await readMasterState(context);
  if (!state.sheetNames.includes(SHEET.contacts)) return { state, contacts: [] };
  const grid = queueGrid(context, SHEET.contacts);
  await context.sync();
  return { state, contacts: readContactsGrid(grid().grid) };
}

/**
 * Puts a pasted contact table into 联络员 (rows of the units named replace theirs, the
 * others stay). A table with any error changes nothing; the new sheet is filled under a
 * staging name and only then takes the place of the old one.
 */
export async function importContacts(context: Excel.RequestContext, text: string, password?: string): Promise<{ contacts: Contact[]; warnings: string[] }> {
  const { state, contacts: existing } = await readContactsState(context);
  const units = state.list.units;
  const checked = checkContacts(parseContactTable(text), units);
  const errors = checked.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new ContactsError(`联络员表有 ${errors.length} 处错误，未作任何修改：\n${errors.map((p) => p.message).join("\n")}`);
  const contacts = mergeContacts(existing, checked.contacts, units);
  const sheet = contactsSheet(contacts, units, password);
  const worksheets = context.workbook.worksheets;
  const ws = worksheets.add(`${STAGING_PREFIX}contacts`);
  await writeSheetBody(ws, sheet, new PayloadBudget(context), { printLayout: false });
  if (state.sheetNames.includes(SHEET.contacts)) worksheets.getItem(SHEET.contacts).delete();
  ws.name = SHEET.contacts;
  protectSheet(ws, sheet);
  await context.sync();
  return { contacts, warnings: checkContacts(contacts, units).problems.map((p) => p.message) };
}
