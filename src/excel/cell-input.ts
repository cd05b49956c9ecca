import { Cell, isFormula } from "../blueprint/types";

/**
 * Excel coerces typed text: "=…" becomes a formula, "2026-11-30" a date, "0012" a number,
 * "TRUE" a boolean. A leading apostrophe keeps any such string literal (and is not part
 * of the value). Text starting with a letter or CJK character is never coerced.
 */
export function literalText(text: string): string {
  return /^[\s=+\-@\d.'"(%$¥]|^(true|false)$/i.test(text) ? `'${text}` : text;
}

/** The values pass: constants only (formulas come in a later pass, once sheet names are final). */
export function valueInput(cell: Cell | undefined): string | number | null {
  if (cell === null || cell === undefined || isFormula(cell)) return null;
  return typeof cell === "string" ? literalText(cell) : cell;
}

export function formulaInput(cell: Cell | undefined): string | null {
  return cell !== null && cell !== undefined && isFormula(cell) ? `=${cell.f}` : null;
}

/** Rows padded to one width: Office.js wants rectangular arrays. */
export function rectangle<T>(rows: readonly (readonly Cell[])[], width: number, map: (c: Cell | undefined) => T): T[][] {
  return rows.map((row) => Array.from({ length: width }, (_, c) => map(row[c])));
}

export function gridWidth(rows: readonly (readonly Cell[])[]): number {
  return rows.reduce((w, r) => Math.max(w, r.length), 1);
}
