/**
 * Formula results through HyperFormula (test-only, GPL-3.0).
 *
 * The engine is built lazily, on the first read of a formula cell's value, and then kept in
 * step incrementally (never rebuilt). It holds only what formulas can read: every formula
 * cell, plus the ranges their references and defined names cover (a unit sheet's status
 * column, not its task texts). A formula whose reads cannot be known from its text (INDIRECT,
 * OFFSET, structured references) switches to mirroring every sheet completely.
 */
import { DetailedCellError, HyperFormula, RawCellContent } from "hyperformula";
import { MAX_COLS, Rect, parseRef } from "./address";
import type { CellScalar } from "./cell-input";
import { HostError } from "./errors";
import { Coverage, Slice } from "./engine-coverage";
import { referencesOf, toEngineFormula } from "./formula-text";
import type { SheetModel } from "./worksheet";

export interface EngineSource {
  liveSheets(): readonly SheetModel[];
  definedNames(): ReadonlyArray<{ name: string; formula: string }>;
  findSheet(name: string): SheetModel | undefined;
}

/**
 * useArrayArithmetic: SUMPRODUCT over comparisons, as in Excel. No smart rounding: results are
 * full doubles as Excel's `values` returns them (12/47, not 0.25531914894). No undo history
 * (never used, costs memory per operation). Date text read as en-US Excel reads it.
 */
const CONFIG = {
  licenseKey: "gpl-v3",
  useArrayArithmetic: true,
  smartRounding: false,
  undoLimit: 0,
  dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY-MM-DD", "YYYY/MM/DD"],
};

let parser: HyperFormula | null = null;
/** A shared empty engine used only to check formula syntax. */
function syntaxChecker(): HyperFormula {
  parser ??= HyperFormula.buildEmpty(CONFIG);
  return parser;
}

type StructuralOp = { op: "add" | "rename" | "remove"; sheet: SheetModel };

const cellKey = (r: number, c: number): number => r * MAX_COLS + c;

export class FormulaEngine {
  private hf: HyperFormula | null = null;
  private readonly hfIds = new Map<SheetModel, number>();
  private readonly coverage = new Map<SheetModel, Coverage>();
  /** References to sheets that do not exist (yet), by upper-case name. */
  private readonly pending = new Map<string, Rect[]>();
  /** Formula text the engine holds, per sheet and cell. */
  private readonly formulas = new Map<SheetModel, Map<number, string>>();
  private mirrorAll = false;
  private structural: StructuralOp[] = [];
  private touched: Array<{ sheet: SheetModel; rect: Rect }> = [];
  private namesDirty = false;
  private frozen = false;
  private aliases = new Map<string, string>();
  private engineNames = new Map<string, string>();
  builds = 0;

  constructor(private readonly source: EngineSource) {}

  isParsable(formula: string): boolean {
    return syntaxChecker().validateFormula(toEngineFormula(formula, (n) => this.aliasFor(n)));
  }

  sheetAdded(sheet: SheetModel): void {
    if (this.hf) this.structural.push({ op: "add", sheet });
  }

  sheetRenamed(sheet: SheetModel): void {
    if (this.hf) this.structural.push({ op: "rename", sheet });
  }

  sheetRemoved(sheet: SheetModel): void {
    if (this.hf) this.structural.push({ op: "remove", sheet });
  }

  namesChanged(): void {
    this.recomputeAliases();
    if (this.hf) this.namesDirty = true;
  }

  cellsChanged(sheet: SheetModel, rect: Rect): void {
    if (this.hf) this.touched.push({ sheet, rect });
  }

  /** Computed result of a formula cell, as Excel's `values` would report it. */
  valueOf(sheet: SheetModel, r: number, c: number): CellScalar {
    // Suspended: a formula written since has not been calculated. The docs do not say what such a
    // cell reads; the host answers 0, as for any cell the engine holds no result for.
    if (this.frozen && (!this.hf || !this.hfIds.has(sheet))) return 0;
    const hf = this.ready();
    const id = this.hfIds.get(sheet);
    if (id === undefined) return "#REF!";
    return scalar(hf.getCellValue({ sheet: id, row: r, col: c }));
  }

  /** Result of a free-standing formula (a defined name's), evaluated as if on the first sheet. */
  evaluateFormula(formula: string): CellScalar | CellScalar[][] {
    const hf = this.ready();
    const first = this.source.liveSheets()[0];
    const id = first ? this.hfIds.get(first) : undefined;
    if (id === undefined || !first) return "#REF!";
    hf.suspendEvaluation();
    try {
      this.coverReferences(hf, formula, first);
    } finally {
      hf.resumeEvaluation();
    }
    const v = hf.calculateFormula(toEngineFormula(formula, (n) => this.aliasFor(n)), id);
    return Array.isArray(v) ? v.map((row) => (row as unknown[]).map(scalar)) : scalar(v);
  }

  private aliasFor(name: string): string | undefined {
    return this.aliases.get(name.toUpperCase());
  }

  private recomputeAliases(): void {
    const next = new Map<string, string>();
    for (const n of this.source.definedNames()) {
      const key = n.name.toUpperCase();
      next.set(key, this.aliases.get(key) ?? `XLHOSTNAME_${this.aliases.size + next.size + 1}`);
    }
    this.aliases = next;
  }

  /**
   * `Application.suspendApiCalculationUntilNextSync`: results stay as they were when it was
   * called until the batch ends ("Range value should be [10, 20, 3] when we load the property,
   * because calculation is suspended at that point", Excel performance docs). Changes keep
   * queuing and are applied on the first read after `resume`.
   */
  suspend(): void {
    if (this.frozen) return;
    const anyFormula = this.source.liveSheets().some((s) => s.formulaCount > 0);
    if (this.hf || anyFormula) this.ready();
    this.frozen = true;
  }

  resume(): void {
    this.frozen = false;
  }

  get suspended(): boolean {
    return this.frozen;
  }

  private ready(): HyperFormula {
    if (!this.hf) return this.build();
    if (this.frozen) return this.hf;
    if (this.structural.length || this.touched.length || this.namesDirty) this.flush(this.hf);
    return this.hf;
  }

  private build(): HyperFormula {
    this.builds++;
    this.recomputeAliases();
    const hf = HyperFormula.buildEmpty(CONFIG);
    this.hf = hf;
    hf.suspendEvaluation();
    try {
      for (const s of this.source.liveSheets()) this.hfIds.set(s, hf.getSheetId(hf.addSheet(s.name)) as number);
      this.syncNames(hf);
      for (const s of this.source.liveSheets()) {
        if (s.formulaCount === 0) continue;
        s.forEachCell({ r0: 0, c0: 0, r1: s.rows.length, c1: MAX_COLS - 1 }, (cell, r, c) => {
          if (cell.f !== undefined) this.pushFormula(hf, s, r, c, cell.f);
        });
      }
    } finally {
      this.structural = [];
      this.touched = [];
      this.namesDirty = false;
      hf.resumeEvaluation();
    }
    return hf;
  }

  private flush(hf: HyperFormula): void {
    hf.suspendEvaluation();
    try {
      this.applyStructure(hf);
      if (this.namesDirty) {
        this.syncNames(hf);
        this.repushFormulasUsingNames(hf);
      }
      for (const { sheet, rect } of this.touched) {
        if (sheet.deleted || !this.hfIds.has(sheet)) continue;
        const inside = this.coverage.get(sheet)?.within(rect) ?? [];
        if (inside === "whole") this.loadRect(hf, sheet, rect);
        else for (const slice of inside) this.loadSlice(hf, sheet, slice);
        this.syncFormulaCells(hf, sheet, rect);
      }
    } finally {
      this.structural = [];
      this.touched = [];
      this.namesDirty = false;
      hf.resumeEvaluation();
    }
  }

  /**
   * Removals free names, renames go through temporary names, additions come last: the order
   * of the recorded operations cannot then produce a transient name clash.
   */
  private applyStructure(hf: HyperFormula): void {
    for (const { op, sheet } of this.structural) {
      if (op !== "remove") continue;
      const id = this.hfIds.get(sheet);
      if (id !== undefined) hf.removeSheet(id);
      this.hfIds.delete(sheet);
      this.coverage.delete(sheet);
      this.formulas.delete(sheet);
    }
    const renamed = new Set(this.structural.filter((o) => o.op === "rename" && !o.sheet.deleted).map((o) => o.sheet));
    for (const sheet of renamed) {
      const id = this.hfIds.get(sheet);
      if (id !== undefined) hf.renameSheet(id, `__xlhost_tmp_${sheet.id}`);
    }
    for (const sheet of renamed) {
      const id = this.hfIds.get(sheet);
      if (id !== undefined) hf.renameSheet(id, sheet.name);
    }
    for (const { op, sheet } of this.structural) {
      if (op !== "add" || sheet.deleted || this.hfIds.has(sheet)) continue;
      this.hfIds.set(sheet, hf.getSheetId(hf.addSheet(sheet.name)) as number);
      if (this.mirrorAll) this.cover(hf, sheet, { r0: 0, c0: 0, r1: 0, c1: MAX_COLS - 1 });
    }
    for (const sheet of [...renamed, ...this.structural.filter((o) => o.op === "add").map((o) => o.sheet)]) {
      const waiting = this.pending.get(sheet.name.toUpperCase());
      if (!waiting || sheet.deleted) continue;
      this.pending.delete(sheet.name.toUpperCase());
      for (const rect of waiting) this.cover(hf, sheet, rect);
    }
  }

  /** Puts a formula into the engine after making sure everything it reads is there. */
  private pushFormula(hf: HyperFormula, sheet: SheetModel, r: number, c: number, formula: string): void {
    const held = this.formulasOf(sheet);
    const key = cellKey(r, c);
    if (held.get(key) === formula) return;
    held.set(key, formula);
    this.coverReferences(hf, formula, sheet);
    hf.setCellContents({ sheet: this.hfIds.get(sheet) as number, row: r, col: c }, [[this.engineText(formula)]]);
  }

  private coverReferences(hf: HyperFormula, formula: string, home: SheetModel): void {
    const found = referencesOf(formula);
    if (found.dynamic) {
      this.mirrorEverything(hf);
      return;
    }
    for (const { sheet: name, ref } of found.refs) {
      const rect = parseRef(ref);
      if (!rect) continue;
      const target = name === null ? home : this.source.findSheet(name);
      if (target) this.cover(hf, target, rect);
      else if (name !== null) this.pending.set(name.toUpperCase(), [...(this.pending.get(name.toUpperCase()) ?? []), rect]);
    }
  }

  private mirrorEverything(hf: HyperFormula): void {
    if (this.mirrorAll) return;
    this.mirrorAll = true;
    for (const s of this.source.liveSheets()) this.cover(hf, s, { r0: 0, c0: 0, r1: 0, c1: MAX_COLS - 1 });
  }

  private cover(hf: HyperFormula, sheet: SheetModel, rect: Rect): void {
    let cov = this.coverage.get(sheet);
    if (!cov) {
      cov = new Coverage();
      this.coverage.set(sheet, cov);
    }
    const fresh = cov.add(rect);
    if (fresh === "whole") this.loadRect(hf, sheet, { r0: 0, c0: 0, r1: sheet.rows.length, c1: MAX_COLS - 1 });
    else for (const slice of fresh) this.loadSlice(hf, sheet, slice);
  }

  /** Copies the current content of a covered column slice into the engine. */
  private loadSlice(hf: HyperFormula, sheet: SheetModel, slice: Slice): void {
    const r1 = Math.min(slice.r1, sheet.rows.length - 1);
    if (r1 < slice.r0) return;
    this.loadRect(hf, sheet, { r0: slice.r0, r1, c0: slice.c, c1: slice.c });
  }

  private loadRect(hf: HyperFormula, sheet: SheetModel, rect: Rect): void {
    const used = sheet.usedRect(true);
    if (!used) return;
    const r0 = rect.r0;
    const r1 = Math.min(rect.r1, used.r1);
    const c0 = rect.c0;
    const c1 = Math.min(rect.c1, used.c1);
    if (r1 < r0 || c1 < c0) return;
    const held = this.formulasOf(sheet);
    const pendingFormulas: Array<[number, number, string]> = [];
    const data: RawCellContent[][] = [];
    for (let r = r0; r <= r1; r++) {
      const row: RawCellContent[] = [];
      for (let c = c0; c <= c1; c++) {
        const cell = sheet.getCell(r, c);
        if (cell?.f !== undefined) {
          row.push(held.get(cellKey(r, c)) === cell.f ? this.engineText(cell.f) : null);
          if (held.get(cellKey(r, c)) !== cell.f) pendingFormulas.push([r, c, cell.f]);
        } else {
          held.delete(cellKey(r, c));
          row.push(rawValue(cell?.v));
        }
      }
      data.push(row);
    }
    hf.setCellContents({ sheet: this.hfIds.get(sheet) as number, row: r0, col: c0 }, data);
    for (const [r, c, f] of pendingFormulas) this.pushFormula(hf, sheet, r, c, f);
  }

  /** Formula cells in a written rectangle: new ones enter, replaced ones leave the engine. */
  private syncFormulaCells(hf: HyperFormula, sheet: SheetModel, rect: Rect): void {
    const held = this.formulasOf(sheet);
    const id = this.hfIds.get(sheet) as number;
    sheet.forEachCell(rect, (cell, r, c) => {
      const key = cellKey(r, c);
      if (cell.f !== undefined) this.pushFormula(hf, sheet, r, c, cell.f);
      else if (held.has(key)) {
        held.delete(key);
        hf.setCellContents({ sheet: id, row: r, col: c }, [[rawValue(cell.v)]]);
      }
    });
  }

  private repushFormulasUsingNames(hf: HyperFormula): void {
    for (const [sheet, held] of this.formulas) {
      for (const [key, formula] of [...held]) {
        if (referencesOf(formula).names.length === 0) continue;
        held.delete(key);
        this.pushFormula(hf, sheet, Math.floor(key / MAX_COLS), key % MAX_COLS, formula);
      }
    }
  }

  private syncNames(hf: HyperFormula): void {
    const wanted = new Map<string, string>();
    const home = this.source.liveSheets()[0];
    for (const n of this.source.definedNames()) {
      const alias = this.aliasFor(n.name);
      if (!alias) continue;
      wanted.set(alias, this.engineText(n.formula));
      if (home) this.coverReferences(hf, n.formula, home);
    }
    for (const [alias] of this.engineNames) {
      if (!wanted.has(alias)) {
        hf.removeNamedExpression(alias);
        this.engineNames.delete(alias);
      }
    }
    for (const [alias, expr] of wanted) {
      const current = this.engineNames.get(alias);
      if (current === expr) continue;
      try {
        if (current === undefined) hf.addNamedExpression(alias, expr);
        else hf.changeNamedExpression(alias, expr);
      } catch (e) {
        // a name the engine cannot hold would silently read #NAME?: stop the batch instead
        throw new HostError("GeneralException", `excel-host: HyperFormula refused the defined name ${expr}: ${(e as Error).message}`);
      }
      this.engineNames.set(alias, expr);
    }
  }

  private formulasOf(sheet: SheetModel): Map<number, string> {
    let held = this.formulas.get(sheet);
    if (!held) {
      held = new Map();
      this.formulas.set(sheet, held);
    }
    return held;
  }

  private engineText(formula: string): string {
    return toEngineFormula(formula, (n) => this.aliasFor(n));
  }
}

function scalar(v: unknown): CellScalar {
  if (v === null || v === undefined) return 0;
  if (v instanceof DetailedCellError) return v.value;
  return v as CellScalar;
}

/** Text gets an apostrophe so HyperFormula does not re-read it as a number or a date. */
function rawValue(v: CellScalar | undefined): RawCellContent {
  if (v === undefined || v === "") return null;
  return typeof v === "string" ? `'${v}` : v;
}
