import { cellAddress } from "./a1";
import { COLORS, DUE_SOON_MARK, OVERDUE_MARK } from "./layout";
import { ConditionalFormat } from "./types";
import { DEFAULT_VOCABULARY, KEY, Vocabulary, wordOf } from "../domain/vocabulary";

/**
 * The 时限预警 formula for one row: 逾期 once the due date has passed, 即将到期 within the
 * warning window, nothing for done or standing work or when there is no date.
 */
export function warningFormula(due: string, status: string, warningDays: number, vocabulary: Vocabulary = DEFAULT_VOCABULARY): string {
  return (
    `IF(AND(ISNUMBER(${due}),${status}<>"${wordOf(vocabulary, KEY.done)}",${status}<>"${wordOf(vocabulary, KEY.standing)}"),` +
    `IF(${due}<TODAY(),"${OVERDUE_MARK}",IF(${due}-TODAY()<=${warningDays},"${DUE_SOON_MARK}","")),"")`
  );
}

const abs = (row: number, col: number) => cellAddress(row, col).replace(/^([A-Z]+)/, "$$$1");

/** Row colours for the task's own columns: yellow when due soon, red when overdue or late. */
export function warningRowRules(
  range: string,
  firstRow: number,
  warningCol: number,
  statusCol: number,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
): ConditionalFormat[] {
  const w = abs(firstRow, warningCol);
  const s = abs(firstRow, statusCol);
  return [
    { range, formula: `OR(${w}="${OVERDUE_MARK}",${s}="${wordOf(vocabulary, KEY.late)}")`, fill: COLORS.late, fontColor: COLORS.lateFont },
    { range, formula: `${w}="${DUE_SOON_MARK}"`, fill: COLORS.dueSoon, fontColor: COLORS.dueSoonFont },
  ];
}
