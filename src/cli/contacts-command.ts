import path from "path";
import { buildBlueprint } from "../blueprint/build-blueprint";
import { ContactsError, checkContacts, mergeContacts, parseContactTable } from "../mail/contacts";
import { writeXlsxBuffer } from "../xlsx/render-xlsx";
import { ParsedArgs, UsageError, stringFlag } from "./args";
import { writeFileAtomic } from "./atomic-write";
import { localStamp } from "./build-command";
import { formatTable } from "./text-table";
import { carriedOver, loadTracker, readFileOrExplain } from "./tracker-file";

/**
 * `contacts TRACKER` lists 联络员 and what is wrong with it; `contacts import TRACKER FILE`
 * puts a table's rows into it (rows of the units named replace theirs, others stay) and
 * regenerates the tracker. A table with any error changes nothing.
 */
export async function contactsCommand(args: ParsedArgs): Promise<{ text: string; code: number }> {
  const importing = args.positional[0] === "import";
  const [trackerFile, tableFile] = importing ? args.positional.slice(1) : args.positional;
  if (!trackerFile || (importing && !tableFile)) throw new UsageError("用法 / usage: policy-tracker contacts import TRACKER.xlsx 联络员.csv");
  const tracker = await loadTracker(trackerFile);
  const units = tracker.list.units;
  if (!importing) {
    const { contacts, problems } = checkContacts(tracker.read.contacts ?? [], units);
    const table = formatTable(["单位", "联系人", "电话", "邮箱", "抄送"], contacts.map((c) => [c.unit, c.name, c.phone, c.email, c.cc]));
    const lines = [tracker.read.contacts ? table : "还没有“联络员”表。用 contacts import 导入。", ...problems.map((p) => `${p.severity === "error" ? "错误" : "提示"}:${p.message}`)];
    return { text: lines.join("\n"), code: problems.some((p) => p.severity === "error") ? 2 : 0 };
  }
  let imported;
  try {
    imported = parseContactTable(readFileOrExplain(tableFile).toString("utf8"));
  } catch (e) {
    if (e instanceof ContactsError) throw new UsageError(`${tableFile}：${e.message}`);
    throw e;
  }
  const checked = checkContacts(imported, units);
  const errors = checked.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new UsageError(`${tableFile} 有 ${errors.length} 处错误，跟踪表未作修改：\n${errors.map((p) => `  ${p.message}`).join("\n")}`);
  const contacts = mergeContacts(tracker.read.contacts ?? [], checked.contacts, units);
  const out = path.resolve(stringFlag(args.flags, "out") ?? trackerFile);
  const bp = buildBlueprint(tracker.list, { ...carriedOver(tracker), generatedAt: localStamp(), reports: tracker.reports, contacts, password: stringFlag(args.flags, "password") });
  writeFileAtomic(out, await writeXlsxBuffer(bp));
  const missing = checkContacts(contacts, units).problems.filter((p) => p.severity === "warning");
  const lines = [`已导入 ${checked.contacts.length} 位联络员到 ${out}（共 ${contacts.length} 个单位有联络员）`, ...missing.map((p) => `提示：${p.message}`)];
  return { text: lines.join("\n"), code: 0 };
}
