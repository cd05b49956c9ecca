/** What the add-in needs from Excel, and what each requirement set is for (shown to the user). */
export const REQUIRED_SETS = [{ name: "ExcelApi", version: "1.8", feature: "完成状态下拉列表(数据验证)、冻结窗格、工作表保护密码" }] as const;
export const OPTIONAL_SETS = [{ name: "ExcelApi", version: "1.9", feature: "打印设置(A4 横向、每页重复标题行)" }] as const;

/**
 * Which Excel has ExcelApi 1.8, from Microsoft's "Excel JavaScript API requirement sets" table
 * (learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
 * Microsoft 365 and retail perpetual Office on Windows from Version 1808 (Build 10730.20102);
 * volume-licensed perpetual only from Office 2021 (Office 2019 stops at ExcelApi 1.7, Office
 * 2016 at 1.1); Mac from 16.17; Office on the web.
 */
export const PRODUCTS_WITH_EXCELAPI_1_8 =
  "可用的 Excel:Microsoft 365 或零售版 Office 2019 及以上(版本 1808 或更高,可在“文件 → 账户 → 关于 Excel”查看)、" +
  "Office 2021 / 2024(含批量许可的 LTSC 版)、Mac 版 Excel 16.17 或更高、Excel 网页版。" +
  "批量许可版 Office 2019 只支持到 ExcelApi 1.7,Office 2016 只支持 1.1,都无法使用本加载项。";

export interface RequirementCheck {
  ok: boolean;
  /** Chinese explanations of what is missing, for the pane. */
  missing: string[];
  /** Features that will be skipped on this Excel. */
  degraded: string[];
  printLayout: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function checkRequirements(isSetSupported: IsSetSupported): RequirementCheck {
  const missing = REQUIRED_SETS.filter((s) => !isSetSupported(s.name, s.version)).map(
    (s) => `需要 ${s.name} ${s.version} 或更高版本(用于${s.feature})。${PRODUCTS_WITH_EXCELAPI_1_8}`,
  );
  const degradedSets = OPTIONAL_SETS.filter((s) => !isSetSupported(s.name, s.version));
  return {
    ok: missing.length === 0,
    missing,
    degraded: degradedSets.map((s) => `当前 Excel 不支持 ${s.name} ${s.version},将跳过:${s.feature}。`),
    printLayout: degradedSets.length === 0,
  };
}

export class RequirementError extends Error {
  constructor(readonly missing: string[]) {
    super(missing.join("\n"));
    this.name = "RequirementError";
  }
}
