/** Excel's error codes → what the coordinator should do, in Chinese. */
const ADVICE: Record<string, string> = {
  AccessDenied: "工作表受保护或工作簿为只读。请取消保护或以可编辑方式打开后重试。",
  RequestPayloadSizeLimitExceeded: "单次写入的数据超过了 Excel 网页版的 5 MB 上限。请在 Excel 桌面版中操作,或联系维护人员。",
  ResponsePayloadSizeLimitExceeded: "Excel 返回的数据超过了 5 MB 上限(工作表过大)。操作可能已经执行,请刷新汇总查看结果;如反复出现,请在 Excel 桌面版中操作。",
  ItemAlreadyExists: "工作簿中已有同名的工作表或名称。",
  ItemNotFound: "找不到所需的工作表(可能被删除或改名)。",
  InvalidArgument: "Excel 拒绝了写入的内容。",
  InvalidOperation: "Excel 当前无法执行此操作(例如正在编辑单元格)。请按 Esc 退出编辑后重试。",
  InvalidOperationInCellEditMode: "Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。",
  GeneralException: "Excel 内部出错。",
  ApiNotFound: "当前 Excel 版本不支持所需的功能。",
};

interface OfficeErrorLike {
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string; statement?: string };
}

/** Duck-typed: the client's errors may come from another realm (iframe, vm), where instanceof fails. */
export function isOfficeError(e: unknown): e is OfficeErrorLike & Error {
  return typeof e === "object" && e !== null && typeof (e as OfficeErrorLike).code === "string" && "debugInfo" in e;
}

/** A message for the pane: what Excel said, where, and what to do. */
export function describeExcelError(e: unknown): string {
  if (!isOfficeError(e)) return typeof e === "object" && e !== null && "message" in e ? String((e as Error).message) : String(e);
  const advice = ADVICE[e.code ?? ""] ?? "";
  const where = e.debugInfo?.errorLocation ? `(位置:${e.debugInfo.errorLocation})` : "";
  return `Excel 返回错误 ${e.code}${where}:${e.message ?? ""}${advice ? `\n${advice}` : ""}`;
}
