/** 0-based column index → letters (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 1-based row, 0-based column → "B3". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export function rangeAddress(fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  return `${cellAddress(fromRow, fromCol)}:${cellAddress(toRow, toCol)}`;
}

/** Quoted for formulas: always quoted, since Chinese names and spaces need it anyway. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** An absolute column span on another sheet, e.g. '省教育厅'!$G$3:$G$20. */
export function absColumn(sheet: string, column: number, fromRow: number, toRow: number): string {
  const c = columnLetter(column);
  return `${quoteSheet(sheet)}!$${c}$${fromRow}:$${c}$${toRow}`;
}

/** Parses "B3" → { row: 3, column: 1 }. */
export function parseCell(address: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address);
  if (!m) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(m[2]), column: columnIndex(m[1]) };
}

/** Parses "A1:C3" (or one cell) into 1-based rows and 0-based columns. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = range.split(":");
  const p = parseCell(a);
  const q = parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.column, q.column),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.column, q.column),
  };
}
