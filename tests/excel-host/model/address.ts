/**
 * A1 addresses: parsing, formatting and sheet-name quoting. Rows and columns are zero-based
 * inside the host; only text is one-based.
 */
import { invalidArgument } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Inclusive, zero-based rectangle. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const rectRows = (r: Rect): number => r.r1 - r.r0 + 1;
export const rectCols = (r: Rect): number => r.c1 - r.c0 + 1;
export const rectCells = (r: Rect): number => rectRows(r) * rectCols(r);
export const isEntireColumns = (r: Rect): boolean => r.r0 === 0 && r.r1 === MAX_ROWS - 1;
export const isEntireRows = (r: Rect): boolean => r.c0 === 0 && r.c1 === MAX_COLS - 1;

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const c0 = Math.max(a.c0, b.c0);
  const r1 = Math.min(a.r1, b.r1);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, c0, r1, c1 } : null;
}

export const contains = (outer: Rect, inner: Rect): boolean =>
  inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;

/** `a` minus `b` as up to four disjoint rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  const cut = intersect(a, b);
  if (!cut) return [a];
  const out: Rect[] = [];
  if (a.r0 < cut.r0) out.push({ r0: a.r0, c0: a.c0, r1: cut.r0 - 1, c1: a.c1 });
  if (cut.r1 < a.r1) out.push({ r0: cut.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (a.c0 < cut.c0) out.push({ r0: cut.r0, c0: a.c0, r1: cut.r1, c1: cut.c0 - 1 });
  if (cut.c1 < a.c1) out.push({ r0: cut.r0, c0: cut.c1 + 1, r1: cut.r1, c1: a.c1 });
  return out;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

function parseCell(text: string): { r: number; c: number } | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const c = columnIndex(m[1]);
  const r = Number(m[2]) - 1;
  return r >= 0 && r < MAX_ROWS && c >= 0 && c < MAX_COLS ? { r, c } : null;
}

/** Parses `A1`, `A1:B2`, `A:C`, `2:5` (no sheet part). Returns null when the text is not a reference. */
export function parseRef(text: string): Rect | null {
  const parts = text.trim().split(":");
  if (parts.length === 1) {
    const cell = parseCell(parts[0]);
    return cell ? { r0: cell.r, c0: cell.c, r1: cell.r, c1: cell.c } : null;
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const ca = parseCell(a);
  const cb = parseCell(b);
  if (ca && cb) return normalise({ r0: ca.r, c0: ca.c, r1: cb.r, c1: cb.c });
  const cola = COL.exec(a);
  const colb = COL.exec(b);
  if (cola && colb) {
    const c0 = columnIndex(cola[1]);
    const c1 = columnIndex(colb[1]);
    if (c0 >= MAX_COLS || c1 >= MAX_COLS) return null;
    return normalise({ r0: 0, c0, r1: MAX_ROWS - 1, c1 });
  }
  const rowa = ROW.exec(a);
  const rowb = ROW.exec(b);
  if (rowa && rowb) {
    const r0 = Number(rowa[1]) - 1;
    const r1 = Number(rowb[1]) - 1;
    if (r0 < 0 || r1 < 0 || r0 >= MAX_ROWS || r1 >= MAX_ROWS) return null;
    return normalise({ r0, c0: 0, r1, c1: MAX_COLS - 1 });
  }
  return null;
}

function normalise(r: Rect): Rect {
  return {
    r0: Math.min(r.r0, r.r1),
    r1: Math.max(r.r0, r.r1),
    c0: Math.min(r.c0, r.c1),
    c1: Math.max(r.c0, r.c1),
  };
}

/** Splits `'A''s'!A1:B2` / `汇总!A1` / `A1` into sheet name (unquoted) and reference text. */
export function splitSheetQualifier(text: string): { sheet: string | null; ref: string } {
  const t = text.trim();
  if (t.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < t.length) {
      if (t[i] === "'") {
        if (t[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += t[i++];
    }
    if (t[i] !== "'" || t[i + 1] !== "!") throw invalidArgument(`bad sheet qualifier in ${text}`);
    return { sheet: name, ref: t.slice(i + 2) };
  }
  const bang = t.lastIndexOf("!");
  if (bang < 0) return { sheet: null, ref: t };
  return { sheet: t.slice(0, bang), ref: t.slice(bang + 1) };
}

/**
 * Excel quotes a sheet name in references unless it is a plain identifier: letters (any
 * script), digits, `_` and `.`, not starting with a digit and not readable as a cell or an R1C1
 * reference.
 */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr][0-9]*[Cc][0-9]*$/.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatRef(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isEntireColumns(rect) && !isEntireRows(rect)) {
    return `${d}${columnLetters(rect.c0)}:${d}${columnLetters(rect.c1)}`;
  }
  if (isEntireRows(rect)) return `${d}${rect.r0 + 1}:${d}${rect.r1 + 1}`;
  const a = `${d}${columnLetters(rect.c0)}${d}${rect.r0 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${d}${columnLetters(rect.c1)}${d}${rect.r1 + 1}`;
}

export const formatAddress = (sheetName: string, rect: Rect, absolute = false): string =>
  `${quoteSheetName(sheetName)}!${formatRef(rect, absolute)}`;
