/** What the add-in needs from Excel, and what each requirement set is for (shown to the user). */
export const REQUIRED_SETS = [{ name: "ExcelApi", version: "1.8", feature: "完成状态下拉列表(数据验证)、冻结窗格、工作表保护密码" }] as const;
export const OPTIONAL_SETS = [{ name: "ExcelApi", version: "1.9", feature: "打印设置(A4 横向、每页重复标题行)" }] as const;

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
    (s) => `需要 ${s.name} ${s.version} 或更高版本(用于${s.feature})。请升级到 Excel 2019、Microsoft 365 或使用 Excel 网页版。`,
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
