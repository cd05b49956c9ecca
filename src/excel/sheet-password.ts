import { SHEET } from "../blueprint/layout";
import { readMetaGrid } from "../blueprint/read-grid";
import { isOfficeError } from "./excel-errors";
import { queueGrid } from "./read-state";

/** Why an operation cannot go ahead on a tracker whose sheets carry a protection password. */
export type SheetPasswordProblem = "missing" | "wrong" | "mixed";

export class SheetPasswordError extends Error {
  constructor(
    readonly problem: SheetPasswordProblem,
    /** A sheet that refused (for "mixed": the one the password did open). */
    readonly sheet: string,
  ) {
    super(
      problem === "missing"
        ? `工作表“${sheet}”设置了保护密码。请输入密码后重试；工作簿未作任何修改。`
        : problem === "wrong"
          ? `密码不正确，无法取消工作表“${sheet}”的保护。工作簿未作任何修改，请重新输入。`
          : `这个密码能打开“${sheet}”，但跟踪表中另有工作表使用了不同的密码。请在 Excel 中（审阅 → 撤消工作表保护）统一各表的密码后重试；已填报的内容未作修改。`,
    );
    this.name = "SheetPasswordError";
  }
}

interface Protected {
  ws: Excel.Worksheet;
  options: Excel.WorksheetProtectionOptions;
}

/** Unprotect and protect again exactly as before: a test of the password that leaves the sheet as it was. */
function queueReprotect(sheets: readonly Protected[], password?: string): void {
  for (const { ws, options } of sheets) {
    ws.protection.unprotect(password);
    ws.protection.protect(options, password);
  }
}

async function refuses(context: Excel.RequestContext, sheets: readonly Protected[], password?: string): Promise<boolean> {
  queueReprotect(sheets, password);
  try {
    await context.sync();
    return false;
  } catch (e) {
    // A batch stops at its first failing action: the pairs before it have restored their sheets.
    if (isOfficeError(e)) return true;
    throw e;
  }
}

/**
 * Run before an operation writes anything: finds whether the tracker's protected sheets need a
 * password and whether `password` opens them, changing nothing (each sheet tried is protected
 * again with the options it had). Returns the password the operation must unprotect and
 * protect with (undefined when no sheet has one), or throws SheetPasswordError.
 * ExcelApi 1.8 cannot tell a password-protected sheet from another (isPasswordProtected and
 * checkPassword are ExcelApiOnline only), so the only test is an unprotect that may fail.
 * Requests: two to list the tracker's sheets, one to try them without a password; with one,
 * one per sheet up to the first that has a password, then two to try it.
 */
export async function checkSheetPassword(context: Excel.RequestContext, password?: string): Promise<string | undefined> {
  const worksheets = context.workbook.worksheets.load("items/name,items/protection/protected,items/protection/options");
  await context.sync();
  if (!worksheets.items.some((ws) => ws.name === SHEET.meta)) return undefined;
  const meta = queueGrid(context, SHEET.meta);
  await context.sync();
  const ours = new Set<string>([...Object.values(SHEET), ...readMetaGrid(meta().grid).units.map((u) => u.sheet)]);
  const sheets: Protected[] = worksheets.items
    .filter((ws) => ours.has(ws.name) && ws.protection.protected)
    .map((ws) => ({ ws, options: ws.protection.options }));

  if (!(await refuses(context, sheets))) return undefined;
  // Which sheet has the password: one at a time, in tab order (汇总 first, so usually one try).
  const first = await (async () => {
    for (const sheet of sheets) if (await refuses(context, [sheet])) return sheet;
    return undefined;
  })();
  if (!first) throw new Error("工作表保护无法取消，原因不明；工作簿未作修改。请在 Excel 中检查“审阅 → 撤消工作表保护”后重试。");
  if (!password) throw new SheetPasswordError("missing", first.ws.name);
  if (await refuses(context, [first], password)) throw new SheetPasswordError("wrong", first.ws.name);
  // The others get the password too: the operation protects everything it writes with it.
  if (await refuses(context, sheets.filter((s) => s !== first), password)) throw new SheetPasswordError("mixed", first.ws.name);
  return password;
}
