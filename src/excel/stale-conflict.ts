import type { Conflict } from "../domain/merge";
import { REPORT_HEADERS, parseReportKey } from "../domain/reports";

// Its own file: the pane names this error without loading the merge code up front.
/**
 * The tracker's value is no longer the one the merge kept (someone changed it since): taking
 * the returned value would overwrite a change nobody has seen, so nothing is written. `now`
 * is undefined when the task × unit has no row any more.
 */
export class StaleConflictError extends Error {
  constructor(
    readonly conflict: Pick<Conflict, "key" | "field" | "master" | "returned">,
    readonly now: string | undefined,
  ) {
    const { taskId, unit } = parseReportKey(conflict.key);
    super(
      now === undefined
        ? `跟踪表中已没有序号 ${taskId} · ${unit} 的行，交回的值未写入。`
        : `序号 ${taskId} · ${unit} 的“${REPORT_HEADERS[conflict.field]}”在合并后又改为“${now}”，交回的值未写入。请核对后直接在工作表中修改。`,
    );
    this.name = "StaleConflictError";
  }
}
