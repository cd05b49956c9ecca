/**
 * The workbook: sheets in tab order, defined names, document properties, the active sheet and
 * the formula engine, with Excel's rules for adding, renaming, hiding, moving and deleting
 * sheets.
 */
import { invalidArgument, invalidOperation } from "./errors";
import { FormulaEngine, EngineSource } from "./formula-engine";
import { deleteSheetInFormula, renameSheetInFormula } from "./formula-text";
import { checkSheetName, duplicateSheetName, sheetNameKey } from "./sheet-names";
import { SheetModel } from "./worksheet";
import { copySheetContent } from "./sheet-copy";

export type SheetPosition = "None" | "Before" | "After" | "Beginning" | "End";

export interface NamedItemModel {
  name: string;
  /** Always starts with `=`, e.g. `='汇总'!$A$1:$A$5` or `=5`. */
  formula: string;
  comment: string;
  visible: boolean;
}

export interface CustomPropertyModel {
  key: string;
  value: string | number | boolean;
  type: "String" | "Number" | "Boolean" | "Date";
}

export interface DocumentPropertiesModel {
  title: string;
  subject: string;
  author: string;
  keywords: string;
  comments: string;
  category: string;
  manager: string;
  company: string;
  lastAuthor: string;
  revisionNumber: number;
  creationDate: string;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

const pad = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, "0");

export class WorkbookModel implements EngineSource {
  readonly sheets: SheetModel[] = [];
  readonly names: NamedItemModel[] = [];
  readonly customProperties: CustomPropertyModel[] = [];
  readonly properties: DocumentPropertiesModel = {
    title: "",
    subject: "",
    author: "",
    keywords: "",
    comments: "",
    category: "",
    manager: "",
    company: "",
    lastAuthor: "",
    revisionNumber: 0,
    creationDate: new Date().toISOString(),
  };
  readonly engine: FormulaEngine = new FormulaEngine(this);
  activeSheet: SheetModel | null = null;
  calculationMode = "Automatic";
  name = "Book1";
  /** Excel on the web's cap for a request and for an answer, in bytes of JSON. */
  payloadLimitBytes = 5 * 1024 * 1024;
  private readonly byName = new Map<string, SheetModel>();
  private seq = 0;
  private defaultNameSeq = 0;

  liveSheets(): readonly SheetModel[] {
    return this.sheets;
  }

  definedNames(): readonly NamedItemModel[] {
    return this.names;
  }

  nextId(): number {
    return ++this.seq;
  }

  /** By name (ignoring case) or by id, as `worksheets.getItem(key)` accepts either. */
  findSheet(key: string): SheetModel | undefined {
    return this.byName.get(sheetNameKey(key)) ?? this.sheets.find((s) => s.id === key);
  }

  visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === "Visible");
  }

  addSheet(name?: string | null): SheetModel {
    let finalName: string;
    if (name === undefined || name === null || name === "") {
      do finalName = `Sheet${++this.defaultNameSeq}`;
      while (this.byName.has(sheetNameKey(finalName)));
    } else {
      finalName = checkSheetName(name);
      if (this.byName.has(sheetNameKey(finalName))) throw duplicateSheetName(finalName);
    }
    const n = this.nextId();
    const sheet = new SheetModel(`{${pad(n, 8)}-0000-4000-8000-000000000000}`, finalName, n);
    this.sheets.push(sheet);
    this.byName.set(sheetNameKey(finalName), sheet);
    this.activeSheet ??= sheet;
    this.engine.sheetAdded(sheet);
    return sheet;
  }

  /**
   * Worksheet.copy: "The default value is "None", which inserts the worksheet at the beginning
   * of the worksheet"; relativeTo "is only needed if positionType is "Before" or "After""
   * (@types/office-js). The copy is named as Excel names one, "Name (2)" (undocumented for the API).
   */
  copySheet(source: SheetModel, position: SheetPosition, relativeTo: SheetModel | null): SheetModel {
    if ((position === "Before" || position === "After") && !relativeTo) throw invalidArgument(`copy ${position} needs relativeTo`);
    let name: string;
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      name = source.name.slice(0, 31 - suffix.length) + suffix;
      if (!this.byName.has(sheetNameKey(name))) break;
    }
    const copy = this.addSheet(name);
    copySheetContent(source, copy, () => this.nextId());
    copy.visibility = source.visibility;
    this.sheets.pop();
    const at =
      position === "End"
        ? this.sheets.length
        : position === "Before"
          ? this.sheets.indexOf(relativeTo!)
          : position === "After"
            ? this.sheets.indexOf(relativeTo!) + 1
            : 0;
    this.sheets.splice(at, 0, copy);
    if (copy.formulaCount > 0) this.engine.cellsChanged(copy, { r0: 0, c0: 0, r1: copy.rows.length, c1: 16383 });
    return copy;
  }

  renameSheet(sheet: SheetModel, name: unknown): void {
    const newName = checkSheetName(name);
    const existing = this.byName.get(sheetNameKey(newName));
    if (existing && existing !== sheet) throw duplicateSheetName(newName);
    const oldName = sheet.name;
    if (oldName === newName) return;
    this.rewriteFormulas((f) => renameSheetInFormula(f, oldName, newName), false);
    this.byName.delete(sheetNameKey(oldName));
    sheet.name = newName;
    this.byName.set(sheetNameKey(newName), sheet);
    this.engine.sheetRenamed(sheet);
  }

  deleteSheet(sheet: SheetModel): void {
    // Worksheet.delete: "if the worksheet's visibility is set to "VeryHidden", the delete
    // operation will fail with an InvalidOperation exception" (@types/office-js).
    if (sheet.visibility === "VeryHidden") throw invalidOperation("a very hidden worksheet cannot be deleted; change its visibility first");
    if (sheet.visibility === "Visible" && this.visibleSheets().length === 1) {
      throw invalidOperation("a workbook must contain at least one visible worksheet");
    }
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    this.byName.delete(sheetNameKey(sheet.name));
    sheet.deleted = true;
    this.engine.sheetRemoved(sheet);
    this.rewriteFormulas((f) => deleteSheetInFormula(f, sheet.name), true);
    if (this.activeSheet === sheet) this.activeSheet = this.neighbourVisible(index);
  }

  moveSheet(sheet: SheetModel, position: unknown): void {
    if (typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw invalidArgument(`position ${String(position)} outside 0-${this.sheets.length - 1}`);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  setVisibility(sheet: SheetModel, visibility: SheetVisibility): void {
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleSheets().length === 1) {
      throw invalidOperation("a workbook must contain at least one visible worksheet");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === sheet) {
      this.activeSheet = this.neighbourVisible(this.sheets.indexOf(sheet));
    }
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible") throw invalidOperation("a hidden worksheet cannot be activated");
    this.activeSheet = sheet;
  }

  private neighbourVisible(index: number): SheetModel | null {
    const after = this.sheets.slice(index).find((s) => s.visibility === "Visible");
    return after ?? [...this.sheets.slice(0, index)].reverse().find((s) => s.visibility === "Visible") ?? null;
  }

  /**
   * Applies a textual rewrite to every formula in the workbook (cells, names, validation and
   * conditional-format rules). Cell changes reach the engine only when `touchEngine`: a rename
   * is applied inside the engine by the engine itself.
   */
  private rewriteFormulas(rewrite: (formula: string) => string, touchEngine: boolean): void {
    for (const s of this.sheets) {
      if (s.formulaCount > 0) {
        s.forEachCell({ r0: 0, c0: 0, r1: s.rows.length, c1: 16383 }, (cell, r, c) => {
          if (cell.f === undefined) return;
          const next = rewrite(cell.f);
          if (next === cell.f) return;
          cell.f = next;
          if (touchEngine) this.engine.cellsChanged(s, { r0: r, c0: c, r1: r, c1: c });
        });
      }
      for (const v of s.validations) {
        if (v.rule && "list" in v.rule && v.rule.list.source.startsWith("=")) {
          v.rule = { list: { ...v.rule.list, source: rewrite(v.rule.list.source) } };
        } else if (v.rule && "custom" in v.rule) {
          v.rule = { custom: { formula: rewrite(v.rule.custom.formula) } };
        }
      }
      for (const cf of s.conditionalFormats) {
        for (const k of ["formula", "formula1", "formula2"] as const) {
          const f = cf.rule[k];
          if (f !== undefined && f.startsWith("=")) cf.rule[k] = rewrite(f);
        }
      }
    }
    let namesChanged = false;
    for (const n of this.names) {
      const next = rewrite(n.formula);
      if (next !== n.formula) {
        n.formula = next;
        namesChanged = true;
      }
    }
    if (namesChanged) this.engine.namesChanged();
  }
}
