/**
 * What Excel stores when a value is written through `values` or `formulas`: the same as if it
 * were typed into the cell (en-US): `=...` becomes a formula, numeric text becomes a number,
 * TRUE/FALSE become booleans, ISO-like dates become date serials, unless the cell is formatted
 * as Text (`@`).
 */
import { HostError, invalidArgument } from "./errors";

export type CellScalar = number | string | boolean;

export type CellInput =
  | { kind: "skip" }
  | { kind: "empty" }
  | { kind: "value"; value: CellScalar; impliedFormat?: string }
  | { kind: "formula"; formula: string };

export const MAX_CELL_TEXT = 32767;
export const MAX_FORMULA_LENGTH = 8192;

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?\d+(?:\.(\d+))?)\s*%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASH_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

/** Excel serial date (1900 system) for a calendar day after 1900-02-28. */
export function dateSerial(year: number, month: number, day: number): number | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
}

export function interpretInput(
  raw: unknown,
  textFormatted: boolean,
  isParsableFormula: (formula: string) => boolean,
): CellInput {
  if (raw === null || raw === undefined) return { kind: "skip" };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw invalidArgument("numbers must be finite");
    return { kind: "value", value: raw };
  }
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  if (typeof raw !== "string") throw invalidArgument(`cannot write a ${Array.isArray(raw) ? "nested array" : typeof raw} into a cell`);
  if (raw.length > MAX_CELL_TEXT) throw invalidArgument(`text longer than ${MAX_CELL_TEXT} characters`);
  if (raw === "") return { kind: "empty" };
  if (textFormatted) return { kind: "value", value: raw };
  if (raw.startsWith("=") && raw.length > 1) return formula(raw, isParsableFormula);
  if (raw.startsWith("'")) return raw.length === 1 ? { kind: "empty" } : { kind: "value", value: raw.slice(1) };
  const t = raw.trim();
  if (NUMBER.test(t) && /^[+-]?[\d.,]*\d/.test(t)) {
    const n = Number(t.replace(/,/g, ""));
    if (Number.isFinite(n)) return { kind: "value", value: n };
  }
  const pct = PERCENT.exec(t);
  if (pct) return { kind: "value", value: Number(pct[1]) / 100, impliedFormat: pct[2] ? "0.00%" : "0%" };
  if (/^(TRUE|FALSE)$/i.test(t)) return { kind: "value", value: t.toUpperCase() === "TRUE" };
  const iso = ISO_DATE.exec(t) ?? SLASH_DATE.exec(t);
  if (iso) {
    const serial = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null) return { kind: "value", value: serial, impliedFormat: t.includes("-") ? "yyyy-mm-dd" : "yyyy/m/d" };
  }
  if ((raw.startsWith("+") || raw.startsWith("-")) && raw.length > 1 && isParsableFormula(`=${raw}`)) {
    // typing "-abc" into Excel makes the formula =-abc
    return { kind: "formula", formula: `=${raw}` };
  }
  return { kind: "value", value: raw };
}

function formula(text: string, isParsableFormula: (formula: string) => boolean): CellInput {
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new HostError("InvalidArgument", `The formula exceeds ${MAX_FORMULA_LENGTH} characters.`);
  }
  if (!isParsableFormula(text)) throw invalidArgument(`formula does not parse: ${text}`);
  return { kind: "formula", formula: text };
}
