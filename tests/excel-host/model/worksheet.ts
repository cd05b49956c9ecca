/**
 * One worksheet's state. Cells live in row arrays (dense enough for the tracking workbooks,
 * sparse where unused). Formats are layered as in the file format: a cell's own style, else
 * its row's, else its column's, else the sheet default, so formatting whole columns or rows
 * costs O(existing cells), never O(1,048,576).
 */
import { MAX_COLS, MAX_ROWS, Rect, isEntireColumns, isEntireRows, rectCells, rectCols, rectRows } from "./address";
import type { CellScalar } from "./cell-input";
import {
  ChartModel,
  ConditionalFormatModel,
  DEFAULT_PROTECTION_OPTIONS,
  PageLayoutModel,
  ProtectionState,
  TableModel,
  ValidationEntry,
  defaultPageLayout,
} from "./sheet-features";
import { DEFAULT_STYLE, Style, StyleData, StyleKey } from "./styles";

export interface Cell {
  v?: CellScalar;
  f?: string;
  s?: Style;
}

type Row = (Cell | undefined)[];

/** Default column width and row height in points for Calibri 11 (8.43 characters, 15 pt). */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

const PER_CELL_SCAN_LIMIT = 50_000;

export class SheetModel {
  readonly rows: (Row | undefined)[] = [];
  baseStyle: Style = DEFAULT_STYLE;
  readonly colStyles = new Map<number, Style>();
  readonly rowStyles = new Map<number, Style>();
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenCols = new Set<number>();
  readonly hiddenRows = new Set<number>();
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  standardWidth = 8.43;
  /** Width/height of columns/rows without their own, in points (changed by formatting all of them). */
  defaultColumnWidth = DEFAULT_COLUMN_WIDTH;
  defaultRowHeight = DEFAULT_ROW_HEIGHT;
  showGridlines = true;
  showHeadings = true;
  enableCalculation = true;
  freeze = { rows: 0, cols: 0 };
  /** The sheet's selection (Excel keeps one per sheet; a new sheet has A1 selected). */
  selection: Rect = { r0: 0, c0: 0, r1: 0, c1: 0 };
  /** Further areas of a multi-area selection (made by the user; `Range.select` clears them). */
  moreSelectedAreas: Rect[] = [];
  protection: ProtectionState = { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS }, password: null };
  validations: ValidationEntry[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  tables: TableModel[] = [];
  pageLayout: PageLayoutModel = defaultPageLayout();
  formulaCount = 0;
  deleted = false;
  private usedCache: { values?: Rect | null; all?: Rect | null } = {};

  constructor(
    readonly id: string,
    public name: string,
    readonly tabId: number,
  ) {}

  getCell(r: number, c: number): Cell | undefined {
    return this.rows[r]?.[c];
  }

  ensureCell(r: number, c: number): Cell {
    let row = this.rows[r];
    if (!row) {
      row = [];
      this.rows[r] = row;
    }
    let cell = row[c];
    if (!cell) {
      cell = {};
      row[c] = cell;
    }
    return cell;
  }

  styleAt(r: number, c: number): Style {
    return this.rows[r]?.[c]?.s ?? this.rowStyles.get(r) ?? this.colStyles.get(c) ?? this.baseStyle;
  }

  /** Visits existing cell records inside `rect` (never the empty grid). */
  forEachCell(rect: Rect, fn: (cell: Cell, r: number, c: number) => void): void {
    const rEnd = Math.min(rect.r1, this.rows.length - 1);
    for (let r = rect.r0; r <= rEnd; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const cEnd = Math.min(rect.c1, row.length - 1);
      for (let c = rect.c0; c <= cEnd; c++) {
        const cell = row[c];
        if (cell) fn(cell, r, c);
      }
    }
  }

  /** Every distinct effective style inside `rect`. */
  distinctStyles(rect: Rect): Set<Style> {
    const out = new Set<Style>();
    if (rectCells(rect) <= PER_CELL_SCAN_LIMIT) {
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row = this.rows[r];
        const rs = this.rowStyles.get(r);
        for (let c = rect.c0; c <= rect.c1; c++) {
          out.add(row?.[c]?.s ?? rs ?? this.colStyles.get(c) ?? this.baseStyle);
        }
      }
      return out;
    }
    return this.distinctStylesByLayer(rect);
  }

  private distinctStylesByLayer(rect: Rect): Set<Style> {
    const out = new Set<Style>();
    const explicitPerCol = new Map<number, number>();
    const styledRows: number[] = [];
    for (const r of this.rowStyles.keys()) if (r >= rect.r0 && r <= rect.r1) styledRows.push(r);
    const styledRowSet = new Set(styledRows);
    this.forEachCell(rect, (cell, r, c) => {
      if (!cell.s) return;
      out.add(cell.s);
      if (!styledRowSet.has(r)) explicitPerCol.set(c, (explicitPerCol.get(c) ?? 0) + 1);
    });
    const width = rectCols(rect);
    for (const r of styledRows) {
      let explicit = 0;
      const row = this.rows[r];
      if (row) for (let c = rect.c0; c <= Math.min(rect.c1, row.length - 1); c++) if (row[c]?.s) explicit++;
      if (explicit < width) out.add(this.rowStyles.get(r) as Style);
    }
    const height = rectRows(rect);
    for (let c = rect.c0; c <= rect.c1; c++) {
      if (styledRows.length + (explicitPerCol.get(c) ?? 0) < height) out.add(this.colStyles.get(c) ?? this.baseStyle);
    }
    return out;
  }

  /** Excel answers a format property for a range only when every cell agrees, else null. */
  uniformStyleValue<K extends StyleKey>(rect: Rect, key: K): StyleData[K] | null {
    let first = true;
    let value: StyleData[K] | null = null;
    for (const s of this.distinctStyles(rect)) {
      const v = s.get(key);
      if (first) {
        value = v;
        first = false;
      } else if (JSON.stringify(v) !== JSON.stringify(value)) return null;
    }
    return value;
  }

  setStyleProp<K extends StyleKey>(rect: Rect, key: K, value: StyleData[K]): void {
    this.restyle(rect, (s) => s.with(key, value));
  }

  restyle(rect: Rect, apply: (s: Style) => Style): void {
    this.usedCache.all = undefined;
    const cols = isEntireColumns(rect);
    const rows = isEntireRows(rect);
    if (cols && rows) {
      this.baseStyle = apply(this.baseStyle);
      for (const [c, s] of this.colStyles) this.colStyles.set(c, apply(s));
      for (const [r, s] of this.rowStyles) this.rowStyles.set(r, apply(s));
      this.forEachCell(rect, (cell) => {
        if (cell.s) cell.s = apply(cell.s);
      });
      return;
    }
    if (cols) {
      for (let c = rect.c0; c <= rect.c1; c++) this.colStyles.set(c, apply(this.colStyles.get(c) ?? this.baseStyle));
      this.forEachCell(rect, (cell) => {
        if (cell.s) cell.s = apply(cell.s);
      });
      // a row format overrides the column format, so Excel writes the intersections as cells
      for (const [r, rs] of this.rowStyles) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = this.ensureCell(r, c);
          if (!cell.s) cell.s = apply(rs);
        }
      }
      return;
    }
    if (rows) {
      this.forEachCell(rect, (cell) => {
        if (cell.s) cell.s = apply(cell.s);
      });
      for (let r = rect.r0; r <= rect.r1; r++) {
        const oldRowStyle = this.rowStyles.get(r);
        // the new row format would hide column formats, so Excel writes the intersections as cells
        for (const [c, cs] of this.colStyles) {
          const cell = this.ensureCell(r, c);
          if (!cell.s) cell.s = apply(oldRowStyle ?? cs);
        }
        this.rowStyles.set(r, apply(oldRowStyle ?? this.baseStyle));
      }
      return;
    }
    for (let r = rect.r0; r <= rect.r1; r++) {
      const rs = this.rowStyles.get(r);
      for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = this.ensureCell(r, c);
        cell.s = apply(cell.s ?? rs ?? this.colStyles.get(c) ?? this.baseStyle);
      }
    }
  }

  /** Clear > Formats: cells go back to the Normal style, whole-column/row formats are dropped. */
  resetStyles(rect: Rect): void {
    this.usedCache.all = undefined;
    if (isEntireColumns(rect) && isEntireRows(rect)) this.baseStyle = DEFAULT_STYLE;
    if (isEntireColumns(rect)) for (let c = rect.c0; c <= rect.c1; c++) this.colStyles.delete(c);
    if (isEntireRows(rect)) for (let r = rect.r0; r <= rect.r1; r++) this.rowStyles.delete(r);
    if (isEntireColumns(rect) || isEntireRows(rect)) {
      this.forEachCell(rect, (cell) => {
        cell.s = undefined;
      });
      return;
    }
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) this.ensureCell(r, c).s = DEFAULT_STYLE;
    }
  }

  /** Stores a constant (or empties the cell when `value` is undefined), keeping formula counts right. */
  putValue(r: number, c: number, value: CellScalar | undefined): void {
    const existing = this.getCell(r, c);
    if (!existing && value === undefined) return;
    const cell = existing ?? this.ensureCell(r, c);
    if (cell.f !== undefined) {
      this.formulaCount--;
      cell.f = undefined;
    }
    cell.v = value;
    this.contentChanged();
  }

  putFormula(r: number, c: number, formula: string): void {
    const cell = this.ensureCell(r, c);
    if (cell.f === undefined) this.formulaCount++;
    cell.f = formula;
    cell.v = undefined;
    this.contentChanged();
  }

  contentChanged(): void {
    this.usedCache = {};
  }

  /** Bounding box of cells with content (valuesOnly) or with content or own format. */
  usedRect(valuesOnly: boolean): Rect | null {
    const key = valuesOnly ? "values" : "all";
    const cached = this.usedCache[key];
    if (cached !== undefined) return cached;
    let r0 = MAX_ROWS;
    let c0 = MAX_COLS;
    let r1 = -1;
    let c1 = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell) continue;
        const hasContent = cell.f !== undefined || (cell.v !== undefined && cell.v !== "");
        if (!hasContent && (valuesOnly || !cell.s)) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    const result = r1 < 0 ? null : { r0, c0, r1, c1 };
    this.usedCache[key] = result;
    return result;
  }

  columnWidth(c: number): number {
    return this.colWidths.get(c) ?? this.defaultColumnWidth;
  }

  rowHeight(r: number): number {
    return this.rowHeights.get(r) ?? this.defaultRowHeight;
  }
}
