import { cellAddress, rangeAddress } from "./a1";
import { COLORS } from "./layout";
import { ConditionalFormat, FormatBlock, SheetBlueprint } from "./types";
import { DEFAULT_VOCABULARY, Vocabulary } from "../domain/vocabulary";

/** A sheet with defaults every tracker sheet shares; callers fill in the rest. */
export function emptySheet(name: string, role: SheetBlueprint["role"]): SheetBlueprint {
  return {
    name,
    role,
    visibility: "visible",
    cells: [],
    columnWidths: [],
    rowHeights: {},
    formats: [],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 0, columns: 0 },
    protection: { unlocked: [] },
  };
}

export function titleFormat(width: number): FormatBlock {
  return { range: rangeAddress(1, 0, 1, width - 1), style: { bold: true, fontSize: 14, fontColor: COLORS.title } };
}

export function headerFormat(row: number, width: number): FormatBlock {
  return {
    range: rangeAddress(row, 0, row, width - 1),
    style: { bold: true, fill: COLORS.header, fontColor: COLORS.headerFont, wrap: true, hAlign: "center", vAlign: "center", border: true },
  };
}

/** One expression rule per status, in the vocabulary's words and colours (containsText rules lose their text in ExcelJS). */
export function statusColourRules(range: string, firstRow: number, column: number, vocabulary: Vocabulary = DEFAULT_VOCABULARY): ConditionalFormat[] {
  const cell = cellAddress(firstRow, column).replace(/^([A-Z]+)/, "$$$1");
  return vocabulary.statuses.map((s) => ({ range, formula: `${cell}="${s.word}"`, fill: s.colour.fill, ...(s.colour.fontColor ? { fontColor: s.colour.fontColor } : {}) }));
}

export function overdueRule(range: string, firstRow: number, column: number, mark: string): ConditionalFormat {
  const cell = cellAddress(firstRow, column).replace(/^([A-Z]+)/, "$$$1");
  return { range, formula: `${cell}="${mark}"`, fill: COLORS.late, fontColor: COLORS.overdueFont };
}
