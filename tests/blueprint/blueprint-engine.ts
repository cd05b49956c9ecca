/**
 * A blueprint's formulas computed without LibreOffice: every sheet's cells go into the test
 * host's formula engine (HyperFormula, test-only) as the renderers would write them. TODAY()
 * is pinned to a given date so deadlines can sit on either side of the warning window;
 * LibreOffice stays the final oracle (tests/xlsx/libreoffice-rollup.test.ts).
 */
import { HyperFormula, RawCellContent } from "hyperformula";
import { WorkbookBlueprint, isFormula } from "../../src/blueprint";
import { toEngineFormula } from "../excel-host/model/formula-text";

export type EngineValue = string | number | boolean | null;

export interface ComputedWorkbook {
  /** The computed value at a 1-based row and 0-based column; an error cell throws with its message. */
  value(sheet: string, row: number, col: number): EngineValue;
  /** Types a value into a cell, as a recipient would, and recomputes. */
  set(sheet: string, row: number, col: number, value: RawCellContent): void;
  /** Rows of a sheet's used range, as values. */
  rows(sheet: string): EngineValue[][];
  /**
   * A conditional format's expression evaluated for a 1-based row, as Excel applies it: the
   * expression is written for the range's first row, so its relative rows move with the row.
   */
  ruleHolds(sheet: string, rule: { range: string; formula: string }, row: number): boolean;
}

const CONFIG = { licenseKey: "gpl-v3", useArrayArithmetic: true, smartRounding: false };

export function computeBlueprint(bp: WorkbookBlueprint, today: string): ComputedWorkbook {
  const [y, m, d] = today.split("-").map(Number);
  const engineText = (f: string) => `=${toEngineFormula(f, () => undefined).replace(/TODAY\(\)/g, `DATE(${y},${m},${d})`)}`;
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of bp.sheets) sheets[sheet.name] = sheet.cells.map((row) => row.map((c) => (isFormula(c) ? engineText(c.f) : c)));
  const hf = HyperFormula.buildFromSheets(sheets, CONFIG);
  const id = (sheet: string) => {
    const n = hf.getSheetId(sheet);
    if (n === undefined) throw new Error(`no sheet ${sheet}`);
    return n;
  };
  const read = (v: unknown): EngineValue => {
    if (v !== null && typeof v === "object") throw new Error(`formula error: ${JSON.stringify(v)}`);
    return v as EngineValue;
  };
  return {
    value: (sheet, row, col) => read(hf.getCellValue({ sheet: id(sheet), row: row - 1, col })),
    set: (sheet, row, col, value) => void hf.setCellContents({ sheet: id(sheet), row: row - 1, col }, value),
    rows: (sheet) => hf.getSheetValues(id(sheet)).map((r) => r.map(read)),
    ruleHolds: (sheet, rule, row) => {
      const first = Number(/^[A-Z]+(\d+)/.exec(rule.range)![1]);
      // the tracker's rules anchor their columns ($K3): only rows are relative
      if (/(^|[^$A-Z])[A-Z]{1,3}\d/.test(rule.formula.replace(/"[^"]*"/g, ""))) throw new Error(`relative column in ${rule.formula}`);
      const shifted = rule.formula.replace(/\$([A-Z]{1,3})(\d+)/g, (_, c: string, r: string) => `$${c}${Number(r) + row - first}`);
      const scratch = { sheet: id(sheet), row: row - 1, col: 200 };
      hf.setCellContents(scratch, engineText(shifted));
      const v = read(hf.getCellValue(scratch));
      hf.setCellContents(scratch, null);
      return v === true || (typeof v === "number" && v !== 0);
    },
  };
}
