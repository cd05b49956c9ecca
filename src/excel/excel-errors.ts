/** What the pane says for one of Excel's error codes: the coordinator's words, never Excel's English text. */
export interface ExcelErrorTexts {
  /** "{code}" and "{where}" are filled in; "{where}" is empty when Excel names no location. */
  failed: string;
  where: string;
  /** For a code without advice: Excel's own text follows on a line of its own, never mid-sentence. */
  original: string;
  advice: Record<string, string>;
}

const zh: ExcelErrorTexts = {
  failed: "Excel 未能完成操作（错误代码 {code}{where}）。",
  where: "，位置：{location}",
  original: "Excel 的原始提示：{message}",
  advice: {
    AccessDenied: "工作表受保护或工作簿为只读。请取消保护或以可编辑方式打开后重试。",
    RequestPayloadSizeLimitExceeded: "单次写入的数据超过了 Excel 网页版的 5 MB 上限。请在 Excel 桌面版中操作，或联系维护人员。",
    ResponsePayloadSizeLimitExceeded: "Excel 返回的数据超过了 5 MB 上限（工作表过大）。操作可能已经执行，请刷新汇总查看结果；如反复出现，请在 Excel 桌面版中操作。",
    ItemAlreadyExists: "工作簿中已有同名的工作表或名称。请重命名后重试。",
    ItemNotFound: "找不到所需的工作表（可能被删除或改名）。请点击“刷新汇总”，仍不行时重新生成跟踪表。",
    InvalidArgument: "Excel 拒绝了写入的内容。请重试；如反复出现，请联系维护人员。",
    InvalidOperation: "Excel 当前无法执行此操作（例如正在编辑单元格）。请按 Esc 退出编辑后重试。",
    InvalidOperationInCellEditMode: "Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。",
    GeneralException: "Excel 内部出错。请保存工作簿后重试。",
    ApiNotFound: "当前 Excel 版本不支持所需的功能。请更新 Office 后重试。",
    Conflict: "其他人同时修改了同一区域。请稍候重试。",
    EditModeCellEditMode: "Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。",
  },
};

const en: ExcelErrorTexts = {
  failed: "Excel could not finish the operation (error code {code}{where}). ",
  where: ", at {location}",
  original: "Excel's own message: {message}",
  advice: {
    AccessDenied: "A sheet is protected or the workbook is read-only. Unprotect it or open it for editing, then try again.",
    RequestPayloadSizeLimitExceeded: "One write exceeded Excel on the web's 5 MB limit. Use Excel desktop, or contact the maintainers.",
    ResponsePayloadSizeLimitExceeded: "Excel's answer exceeded the 5 MB limit (sheets too large). The operation may have run: refresh the summary to check; if it recurs, use Excel desktop.",
    ItemAlreadyExists: "The workbook already has a sheet or name with that name. Rename it and try again.",
    ItemNotFound: "A sheet the tracker needs is missing (deleted or renamed?). Refresh the summary; if that fails, rebuild the tracker.",
    InvalidArgument: "Excel refused the values written. Try again; if it recurs, contact the maintainers.",
    InvalidOperation: "Excel cannot do this now (a cell may be in edit mode). Press Esc and try again.",
    InvalidOperationInCellEditMode: "Excel is editing a cell. Press Enter or Esc, then try again.",
    GeneralException: "Excel had an internal error. Save the workbook and try again.",
    ApiNotFound: "This version of Excel lacks a feature needed. Update Office and try again.",
    Conflict: "Someone else changed the same range at the same time. Wait a moment and try again.",
    EditModeCellEditMode: "Excel is editing a cell. Press Enter or Esc, then try again.",
  },
};

/** The pane's string tables take these, so Excel's messages follow the pane's language. */
export const EXCEL_ERROR_TEXTS = { zh, en };

interface OfficeErrorLike {
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string; statement?: string };
}

/** Duck-typed: the client's errors may come from another realm (iframe, vm), where instanceof fails. */
export function isOfficeError(e: unknown): e is OfficeErrorLike & Error {
  return typeof e === "object" && e !== null && typeof (e as OfficeErrorLike).code === "string" && "debugInfo" in e;
}

/**
 * A message for the pane: which error, where, and what to do — in the pane's language. Errors
 * of our own already speak it and pass through; Excel's English message is shown only for a
 * code we have no advice for, on its own line.
 */
export function describeExcelError(e: unknown, texts: ExcelErrorTexts = zh): string {
  if (!isOfficeError(e)) return typeof e === "object" && e !== null && "message" in e ? String((e as Error).message) : String(e);
  const code = e.code ?? "";
  const location = e.debugInfo?.errorLocation;
  const head = texts.failed.replace("{code}", code).replace("{where}", location ? texts.where.replace("{location}", location) : "");
  const advice = Object.prototype.hasOwnProperty.call(texts.advice, code) ? texts.advice[code] : undefined;
  return advice ? `${head}${advice}` : `${head.trimEnd()}${e.message ? `\n${texts.original.replace("{message}", e.message)}` : ""}`;
}
