import { CONTACT_COLUMNS, Contact } from "../blueprint/contacts-sheet";
import { unitKey } from "../domain/punctuation";

export type { Contact };

/** Header words people use for each column of a contact list. */
const HEADER_WORDS: Readonly<Record<keyof Contact, readonly string[]>> = {
  unit: ["单位", "责任单位", "单位名称", "部门", "unit"],
  name: ["联系人", "联络员", "姓名", "name", "contact"],
  phone: ["电话", "联系电话", "手机", "手机号", "办公电话", "phone", "tel"],
  email: ["邮箱", "电子邮箱", "邮件", "电子邮件", "email", "e-mail", "mail"],
  cc: ["抄送", "抄送邮箱", "cc"],
};

export class ContactsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ContactsError";
  }
}

/** Tab-separated (pasted from Excel/WPS) or comma-separated with RFC 4180 quotes. */
export function splitTable(text: string): string[][] {
  const lines = text.replace(/^\ufeff/, "");
  const sep = lines.split("\n", 1)[0].includes("\t") ? "\t" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < lines.length; i++) {
    const ch = lines[i];
    if (quoted) {
      if (ch === '"' && lines[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ""));
}

/**
 * A pasted or imported contact table: the header row names the columns (any of the
 * usual words, in any order); 单位 and 邮箱 are required.
 */
export function parseContactTable(text: string): Contact[] {
  const rows = splitTable(text);
  if (rows.length === 0) throw new ContactsError("联络员表是空的。请粘贴或导入含表头“单位、联系人、电话、邮箱、抄送”的表格。");
  const header = rows[0].map((h) => h.normalize("NFKC").replace(/\s+/g, "").toLowerCase());
  const col = {} as Record<keyof Contact, number>;
  for (const key of Object.keys(HEADER_WORDS) as Array<keyof Contact>) col[key] = header.findIndex((h) => HEADER_WORDS[key].includes(h));
  if (col.unit < 0 || col.email < 0) {
    throw new ContactsError(`联络员表第 1 行应是表头，至少包括“单位”和“邮箱”两列（找到的是：${rows[0].join("、")}）。请加上表头后重试；可用的列：${CONTACT_COLUMNS.join("、")}。`);
  }
  const at = (r: string[], k: keyof Contact) => (col[k] < 0 ? "" : (r[col[k]] ?? ""));
  return rows.slice(1).map((r) => ({ unit: at(r, "unit"), name: at(r, "name"), phone: at(r, "phone"), email: at(r, "email"), cc: at(r, "cc") }));
}

/** Several addresses in one cell: separated by ; , 、 ，； or spaces; full-width forms folded. */
export function splitAddresses(cell: string): string[] {
  return cell
    .normalize("NFKC")
    .split(/[;,、\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/** Local part and a dotted domain, no spaces or angle brackets: what every mail system accepts. */
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9\u0080-\uffff](?:[A-Za-z0-9\u0080-\uffff-]*[A-Za-z0-9\u0080-\uffff])?(?:\.[A-Za-z0-9\u0080-\uffff](?:[A-Za-z0-9\u0080-\uffff-]*[A-Za-z0-9\u0080-\uffff])?)+$/;

export function isValidAddress(address: string): boolean {
  return address.length <= 254 && ADDRESS.test(address) && !address.includes("..");
}

export interface ContactProblem {
  unit: string;
  /** 1-based row of the table or sheet (header is row 1); absent for a unit with no row. */
  row?: number;
  message: string;
  /** An error stops an import; a warning (a unit without contact) is only shown. */
  severity: "error" | "warning";
}

/**
 * Every row's unit must be one of the tracker's (width and punctuation folded to the
 * list's spelling), appear once and carry valid addresses; units with no address are
 * warnings, since a coordinator may deliver some copies by hand.
 */
export function checkContacts(contacts: readonly Contact[], units: readonly string[]): { contacts: Contact[]; problems: ContactProblem[] } {
  const byKey = new Map(units.map((u) => [unitKey(u), u]));
  const problems: ContactProblem[] = [];
  const seen = new Map<string, number>();
  const out: Contact[] = [];
  contacts.forEach((c, i) => {
    const row = i + 2;
    const unit = byKey.get(unitKey(c.unit));
    if (!unit) {
      problems.push({ unit: c.unit, row, severity: "error", message: `第 ${row} 行的单位“${c.unit}”不是本跟踪表的责任单位。请改成任务清单中的写法（如“${units[0]}”）或删去此行。` });
      return;
    }
    if (seen.has(unit)) {
      problems.push({ unit, row, severity: "error", message: `第 ${row} 行的单位“${unit}”与第 ${seen.get(unit)} 行重复。每个单位只写一行，多个邮箱写在同一格，用分号隔开。` });
      return;
    }
    seen.set(unit, row);
    for (const [field, label] of [["email", "邮箱"], ["cc", "抄送"]] as const) {
      for (const a of splitAddresses(c[field])) {
        if (!isValidAddress(a)) problems.push({ unit, row, severity: "error", message: `第 ${row} 行“${unit}”的${label}“${a}”不是有效的邮箱地址（应形如 name@example.gov.cn）。` });
      }
    }
    if (splitAddresses(c.email).length === 0) problems.push({ unit, row, severity: "warning", message: `第 ${row} 行“${unit}”没有填写邮箱，不会为其生成邮件。` });
    out.push({ ...c, unit, email: splitAddresses(c.email).join("; "), cc: splitAddresses(c.cc).join("; ") });
  });
  for (const u of units) if (!seen.has(u)) problems.push({ unit: u, severity: "warning", message: `“${u}”没有联络员，不会为其生成邮件。` });
  return { contacts: out, problems };
}

/** An import replaces the rows of the units it names and keeps the others, in the tracker's unit order. */
export function mergeContacts(existing: readonly Contact[], imported: readonly Contact[], units: readonly string[]): Contact[] {
  const map = new Map(existing.map((c) => [c.unit, c]));
  for (const c of imported) map.set(c.unit, c);
  return units.filter((u) => map.has(u)).map((u) => map.get(u)!);
}
