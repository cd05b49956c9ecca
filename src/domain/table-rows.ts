/** One row of the source table with the 1-based line it starts on. */
export interface SourceRow {
  line: number;
  cells: string[];
}

/**
 * Reads pasted or saved table text. Tab-separated text (what Word and Excel put on the
 * clipboard) is split per line; text without tabs is read as CSV, where quoted fields
 * may hold commas and line breaks.
 */
export function readTableRows(text: string): SourceRow[] {
  // Every byte-order mark, not only the first: two saved files pasted together carry two.
  const body = text.replace(/\uFEFF/g, "").replace(/\r\n?/g, "\n");
  return body.includes("\t") ? readTsv(body) : readCsv(body);
}

function readTsv(body: string): SourceRow[] {
  return body.split("\n").map((line, i) => ({ line: i + 1, cells: line.split("\t") }));
}

function readCsv(body: string): SourceRow[] {
  const rows: SourceRow[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === ",") {
      cells.push(field);
      field = "";
    } else if (ch === "\n") {
      cells.push(field);
      rows.push({ line: rowStart, cells });
      cells = [];
      field = "";
      line++;
      rowStart = line;
    } else {
      field += ch;
    }
  }
  cells.push(field);
  rows.push({ line: rowStart, cells });
  return rows;
}
