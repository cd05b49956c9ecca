/** What the add-in needs from Excel, and what each requirement set is for (shown to the user). */
/**
 * ExcelApi 1.9 because a merge and a rebuild find each task's row by 序号 in the request that
 * writes it (Range.find, 1.9), so a co-author's sort cannot send a report to another task;
 * 1.9 also brings the print settings. The Excels that have 1.8 but not 1.9 are builds of
 * Version 1808–1902 that never updated.
 */
export const REQUIRED_SETS = [
  { name: "ExcelApi", version: "1.9", feature: "完成状态下拉列表（数据验证）、冻结窗格、工作表保护密码、按序号定位行（多人同时编辑时不写错行）、打印设置" },
] as const;
export const OPTIONAL_SETS: ReadonlyArray<{ name: string; version: string; feature: string }> = [];

/**
 * Which Excel has ExcelApi 1.9, from Microsoft's "Excel JavaScript API requirement sets" table
 * (learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
 * Microsoft 365 and retail perpetual Office on Windows from Version 1903 (Build 11425.20204);
 * volume-licensed perpetual only from Office 2021 (Office 2019 stops at ExcelApi 1.7, Office
 * 2016 at 1.1); Mac from 16.24; Office on the web.
 */
export const PRODUCTS_WITH_REQUIRED_SET =
  "可用的 Excel：Microsoft 365 或零售版 Office 2019 及以上（版本 1903 或更高，可在“文件 → 账户 → 关于 Excel”查看）、" +
  "Office 2021 / 2024（含批量许可的 LTSC 版）、Mac 版 Excel 16.24 或更高、Excel 网页版。" +
  "批量许可版 Office 2019 只支持到 ExcelApi 1.7，Office 2016 只支持 1.1，都无法使用本加载项。";

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
    (s) => `需要 ${s.name} ${s.version} 或更高版本（用于${s.feature}）。${PRODUCTS_WITH_REQUIRED_SET}`,
  );
  const degradedSets = OPTIONAL_SETS.filter((s) => !isSetSupported(s.name, s.version));
  return {
    ok: missing.length === 0,
    missing,
    degraded: degradedSets.map((s) => `当前 Excel 不支持 ${s.name} ${s.version}，将跳过：${s.feature}。`),
    printLayout: degradedSets.length === 0,
  };
}

export class RequirementError extends Error {
  constructor(readonly missing: string[]) {
    super(missing.join("\n"));
    this.name = "RequirementError";
  }
}
