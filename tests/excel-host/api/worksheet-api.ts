/** Excel.Workbook (the root), WorksheetCollection, Worksheet and its protection, freeze panes and page layout. */
import { MAX_COLS, MAX_ROWS, isEntireColumns } from "../model/address";
import { normaliseColor } from "../model/colors";
import { HostError, invalidArgument, invalidOperation, itemNotFound } from "../model/errors";
import { DEFAULT_PROTECTION_OPTIONS, ProtectionOptions } from "../model/sheet-features";
import type { SheetPosition, SheetVisibility, WorkbookModel } from "../model/workbook";
import type { SheetModel } from "../model/worksheet";
import {
  ApplicationObj,
  ChartCollectionObj,
  DocumentPropertiesObj,
  FreezePanesObj,
  NamedItemCollectionObj,
  PageLayoutObj,
  RangeObj,
  TableCollectionObj,
  WorkbookObj,
  WorksheetCollectionObj,
  WorksheetObj,
  WorksheetProtectionObj,
} from "./objects";
import { rangeArgument, sheetRange } from "./range-args";
import { ApiObject, NULL_OBJECT, ScalarDef, argBool, argEnum, argInt, argString, defineType } from "./registry";

const VISIBILITY = ["Visible", "Hidden", "VeryHidden"] as const;
const SHEET_POSITIONS = ["None", "Before", "After", "Beginning", "End"] as const;

function activeSheet(wb: WorkbookModel): SheetModel {
  if (!wb.activeSheet) throw itemNotFound("no active worksheet");
  return wb.activeSheet;
}

export const WorkbookType = defineType<WorkbookObj>("Workbook", {
  scalars: {
    Name: { get: (_o, cx) => cx.wb.name },
    ReadOnly: { get: () => false },
  },
  methods: {
    GetSelectedRange: (_o, _a, cx) => {
      const sheet = activeSheet(cx.wb);
      // "If there are multiple ranges selected, this method will throw an error." (@types/office-js;
      // the code is not documented: Excel.ErrorCodes has InvalidSelection, which the host uses)
      if (sheet.moreSelectedAreas.length > 0) throw new HostError("InvalidSelection", "The current selection is invalid for this operation. (several areas are selected)");
      return new RangeObj(sheet, sheet.selection);
    },
    GetActiveCell: (_o, _a, cx) => {
      const sheet = activeSheet(cx.wb);
      const { r0, c0 } = sheet.selection;
      return new RangeObj(sheet, { r0, c0, r1: r0, c1: c0 });
    },
  },
  navigation: {
    Worksheets: () => new WorksheetCollectionObj(),
    Names: () => new NamedItemCollectionObj(),
    Tables: () => new TableCollectionObj(null),
    Application: () => new ApplicationObj(),
    Properties: () => new DocumentPropertiesObj(),
  },
});

function pick(wb: WorkbookModel, visibleOnly: unknown): SheetModel[] {
  return visibleOnly === true ? wb.visibleSheets() : wb.sheets;
}

export const WorksheetCollectionType = defineType<WorksheetCollectionObj>("WorksheetCollection", {
  items: (_o, cx) => cx.wb.sheets.map((s) => new WorksheetObj(s)),
  indexer: (_o, [key], cx) => {
    const s = cx.wb.findSheet(argString(key, "key"));
    if (!s) throw itemNotFound(`worksheet ${String(key)}`);
    return new WorksheetObj(s);
  },
  methods: {
    Add: (_o, [name], cx) => new WorksheetObj(cx.wb.addSheet(name === undefined || name === null ? null : argString(name, "name"))),
    GetItemOrNullObject: (_o, [key], cx): ApiObject => {
      const s = cx.wb.findSheet(argString(key, "key"));
      return s ? new WorksheetObj(s) : NULL_OBJECT;
    },
    GetItemAt: (_o, [index], cx) => {
      const s = cx.wb.sheets[argInt(index, "index")];
      if (!s) throw itemNotFound(`worksheet #${String(index)}`);
      return new WorksheetObj(s);
    },
    GetActiveWorksheet: (_o, _a, cx) => {
      if (!cx.wb.activeSheet) throw itemNotFound("no active worksheet");
      return new WorksheetObj(cx.wb.activeSheet);
    },
    GetCount: (_o, [visibleOnly], cx) => pick(cx.wb, visibleOnly).length,
    GetFirst: (_o, [visibleOnly], cx) => {
      const s = pick(cx.wb, visibleOnly)[0];
      if (!s) throw itemNotFound("no worksheet");
      return new WorksheetObj(s);
    },
    GetLast: (_o, [visibleOnly], cx) => {
      const list = pick(cx.wb, visibleOnly);
      const s = list[list.length - 1];
      if (!s) throw itemNotFound("no worksheet");
      return new WorksheetObj(s);
    },
  },
});

function neighbour(o: WorksheetObj, wb: WorkbookModel, visibleOnly: unknown, step: 1 | -1): SheetModel | undefined {
  const list = pick(wb, visibleOnly);
  const i = list.indexOf(o.sheet);
  return i < 0 ? undefined : list[i + step];
}

export const WorksheetType = defineType<WorksheetObj>("Worksheet", {
  assertAlive: (o) => o.assertAlive(),
  identity: (o) => ({ key: "Id", value: o.sheet.id }),
  scalars: {
    Name: { get: (o) => o.sheet.name, set: (o, v, cx) => cx.wb.renameSheet(o.sheet, v) },
    Id: { get: (o) => o.sheet.id },
    Position: { get: (o, cx) => cx.wb.sheets.indexOf(o.sheet), set: (o, v, cx) => cx.wb.moveSheet(o.sheet, v) },
    Visibility: {
      get: (o) => o.sheet.visibility,
      set: (o, v, cx) => cx.wb.setVisibility(o.sheet, argEnum(v, VISIBILITY, "visibility") as SheetVisibility),
    },
    TabColor: {
      get: (o) => (o.sheet.visibility === "Visible" ? o.sheet.tabColor : null),
      set: (o, v) => {
        o.sheet.tabColor = v === "" ? "" : normaliseColor(v);
      },
    },
    StandardWidth: {
      get: (o) => o.sheet.standardWidth,
      set: (o, v) => {
        if (typeof v !== "number" || v < 0 || v > 255) throw invalidArgument("standardWidth");
        o.sheet.standardWidth = v;
      },
    },
    StandardHeight: { get: (o) => o.sheet.defaultRowHeight },
    ShowGridlines: { get: (o) => o.sheet.showGridlines, set: (o, v) => void (o.sheet.showGridlines = argBool(v, "showGridlines")) },
    ShowHeadings: { get: (o) => o.sheet.showHeadings, set: (o, v) => void (o.sheet.showHeadings = argBool(v, "showHeadings")) },
    EnableCalculation: {
      get: (o) => o.sheet.enableCalculation,
      set: (o, v) => void (o.sheet.enableCalculation = argBool(v, "enableCalculation")),
    },
    TabId: { get: (o) => o.sheet.tabId },
  },
  navigation: {
    Protection: (o) => new WorksheetProtectionObj(o.sheet),
    FreezePanes: (o) => new FreezePanesObj(o.sheet),
    PageLayout: (o) => new PageLayoutObj(o.sheet),
    Charts: (o) => new ChartCollectionObj(o.sheet),
    Tables: (o) => new TableCollectionObj(o.sheet),
  },
  methods: {
    Activate: (o, _a, cx) => {
      cx.wb.activate(o.sheet);
      return null;
    },
    Delete: (o, _a, cx) => {
      cx.wb.deleteSheet(o.sheet);
      return null;
    },
    Copy: (o, [position, relativeTo], cx) => {
      const at = position === undefined || position === null ? "None" : (argEnum(position, SHEET_POSITIONS, "positionType") as SheetPosition);
      if (relativeTo !== undefined && relativeTo !== null && !(relativeTo instanceof WorksheetObj)) throw invalidArgument("relativeTo must be a Worksheet");
      return new WorksheetObj(cx.wb.copySheet(o.sheet, at, relativeTo instanceof WorksheetObj ? relativeTo.sheet : null));
    },
    Calculate: () => null,
    GetRange: (o, [address], cx) => sheetRange(cx.wb, o.sheet, address),
    GetRangeByIndexes: (o, [row, col, rows, cols]) => {
      const r0 = argInt(row, "startRow");
      const c0 = argInt(col, "startColumn");
      const r1 = r0 + argInt(rows, "rowCount", 1) - 1;
      const c1 = c0 + argInt(cols, "columnCount", 1) - 1;
      if (r1 >= MAX_ROWS || c1 >= MAX_COLS) throw invalidArgument("range outside the worksheet");
      return new RangeObj(o.sheet, { r0, c0, r1, c1 });
    },
    GetCell: (o, [row, col]) => {
      const r = argInt(row, "row");
      const c = argInt(col, "column");
      if (r >= MAX_ROWS || c >= MAX_COLS) throw invalidArgument("cell outside the worksheet");
      return new RangeObj(o.sheet, { r0: r, c0: c, r1: r, c1: c });
    },
    // Excel answers A1 for an empty sheet; the OrNullObject variant answers a null object.
    GetUsedRange: (o, [valuesOnly]) =>
      new RangeObj(o.sheet, o.sheet.usedRect(valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }),
    GetUsedRangeOrNullObject: (o, [valuesOnly]): ApiObject => {
      const used = o.sheet.usedRect(valuesOnly === true);
      return used ? new RangeObj(o.sheet, used) : NULL_OBJECT;
    },
    GetNext: (o, [visibleOnly], cx) => {
      const s = neighbour(o, cx.wb, visibleOnly, 1);
      if (!s) throw itemNotFound("no next worksheet");
      return new WorksheetObj(s);
    },
    GetNextOrNullObject: (o, [visibleOnly], cx): ApiObject => {
      const s = neighbour(o, cx.wb, visibleOnly, 1);
      return s ? new WorksheetObj(s) : NULL_OBJECT;
    },
    GetPrevious: (o, [visibleOnly], cx) => {
      const s = neighbour(o, cx.wb, visibleOnly, -1);
      if (!s) throw itemNotFound("no previous worksheet");
      return new WorksheetObj(s);
    },
    GetPreviousOrNullObject: (o, [visibleOnly], cx): ApiObject => {
      const s = neighbour(o, cx.wb, visibleOnly, -1);
      return s ? new WorksheetObj(s) : NULL_OBJECT;
    },
  },
});

function protectionOptions(v: unknown): ProtectionOptions {
  const out: ProtectionOptions = { ...DEFAULT_PROTECTION_OPTIONS };
  if (v === undefined || v === null) return out;
  if (typeof v !== "object") throw invalidArgument("protection options must be an object");
  for (const [k, value] of Object.entries(v as Record<string, unknown>)) {
    if (!(k in out)) throw invalidArgument(`unknown protection option ${k}`);
    if (value === undefined || value === null) continue;
    if (k === "selectionMode") out.selectionMode = argEnum(value, ["Normal", "Unlocked", "None"] as const, k);
    else (out as unknown as Record<string, boolean>)[k] = argBool(value, k);
  }
  return out;
}

export const WorksheetProtectionType = defineType<WorksheetProtectionObj>("WorksheetProtection", {
  scalars: {
    Protected: { get: (o) => o.sheet.protection.protected },
    Options: { get: (o) => ({ ...o.sheet.protection.options }) },
  },
  methods: {
    Protect: (o, [options, password]) => {
      if (o.sheet.protection.protected) throw invalidOperation("the worksheet is already protected");
      o.sheet.protection = {
        protected: true,
        options: protectionOptions(options),
        password: password === undefined || password === null || password === "" ? null : argString(password, "password"),
      };
      return null;
    },
    Unprotect: (o, [password]) => {
      const p = o.sheet.protection;
      if (!p.protected) return null;
      if (p.password !== null && password !== p.password) throw invalidArgument("the password is incorrect");
      o.sheet.protection = { protected: false, options: p.options, password: null };
      return null;
    },
  },
});

function frozenRange(o: FreezePanesObj): RangeObj | null {
  const { rows, cols } = o.sheet.freeze;
  if (rows === 0 && cols === 0) return null;
  return new RangeObj(o.sheet, {
    r0: 0,
    c0: 0,
    r1: rows === 0 ? MAX_ROWS - 1 : rows - 1,
    c1: cols === 0 ? MAX_COLS - 1 : cols - 1,
  });
}

const countArg = (v: unknown): number => (v === undefined || v === null ? 1 : argInt(v, "count"));

export const FreezePanesType = defineType<FreezePanesObj>("WorksheetFreezePanes", {
  methods: {
    FreezeRows: (o, [count]) => {
      o.sheet.freeze = { rows: countArg(count), cols: 0 };
      return null;
    },
    FreezeColumns: (o, [count]) => {
      o.sheet.freeze = { rows: 0, cols: countArg(count) };
      return null;
    },
    FreezeAt: (o, [range], cx) => {
      const r = rangeArgument(cx.wb, range, o.sheet).rect;
      o.sheet.freeze = {
        rows: isEntireColumns(r) ? 0 : r.r1 + 1,
        cols: r.c0 === 0 && r.c1 === MAX_COLS - 1 ? 0 : r.c1 + 1,
      };
      return null;
    },
    Unfreeze: (o) => {
      o.sheet.freeze = { rows: 0, cols: 0 };
      return null;
    },
    GetLocation: (o) => {
      const r = frozenRange(o);
      if (!r) throw itemNotFound("no frozen panes");
      return r;
    },
    GetLocationOrNullObject: (o) => frozenRange(o) ?? NULL_OBJECT,
  },
});

const PAPER = [
  "Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5",
  "Folio", "Quatro", "Paper10x14", "Paper11x17", "Note", "Envelope9", "Envelope10", "Envelope11", "Envelope12", "Envelope14",
  "Csheet", "Dsheet", "Esheet", "EnvelopeDL", "EnvelopeC5", "EnvelopeC3", "EnvelopeC4", "EnvelopeC6", "EnvelopeC65",
  "EnvelopeB4", "EnvelopeB5", "EnvelopeB6", "EnvelopeItaly", "EnvelopeMonarch", "EnvelopePersonal", "FanfoldUS",
  "FanfoldStdGerman", "FanfoldLegalGerman",
] as const;

type LayoutFlag = "printGridlines" | "printHeadings" | "centerHorizontally" | "centerVertically" | "blackAndWhite" | "draftMode";
type LayoutMargin = "leftMargin" | "rightMargin" | "topMargin" | "bottomMargin" | "headerMargin" | "footerMargin";

const flag = (key: LayoutFlag): ScalarDef<PageLayoutObj> => ({
  get: (o) => o.sheet.pageLayout[key],
  set: (o, v) => void (o.sheet.pageLayout[key] = argBool(v, key)),
});
const margin = (key: LayoutMargin): ScalarDef<PageLayoutObj> => ({
  get: (o) => o.sheet.pageLayout[key],
  set: (o, v) => {
    if (typeof v !== "number" || v < 0) throw invalidArgument(key);
    o.sheet.pageLayout[key] = v;
  },
});

function titleRows(o: PageLayoutObj): RangeObj | null {
  const t = o.sheet.pageLayout.printTitleRows;
  return t ? new RangeObj(o.sheet, { r0: t.r0, r1: t.r1, c0: 0, c1: MAX_COLS - 1 }) : null;
}
function titleColumns(o: PageLayoutObj): RangeObj | null {
  const t = o.sheet.pageLayout.printTitleColumns;
  return t ? new RangeObj(o.sheet, { r0: 0, r1: MAX_ROWS - 1, c0: t.c0, c1: t.c1 }) : null;
}
function printArea(o: PageLayoutObj): RangeObj | null {
  const a = o.sheet.pageLayout.printArea;
  return a ? new RangeObj(o.sheet, a) : null;
}

const orNotFound = (r: RangeObj | null, what: string): RangeObj => {
  if (!r) throw itemNotFound(what);
  return r;
};

/**
 * PageLayout.zoom as one JSON object: a scale of 10–400 %, or pages to fit to. Pages are whole
 * numbers; 0 is "automatic" (ECMA-376 pageSetup fitToHeight/fitToWidth: as many pages as the
 * sheet needs), so { horizontalFitToPages: 2, verticalFitToPages: 0 } is "two pages wide".
 */
function zoomArgument(v: unknown): PageLayoutObj["sheet"]["pageLayout"]["zoom"] {
  if (!v || typeof v !== "object" || Array.isArray(v)) throw invalidArgument("zoom must be set as a JSON object");
  const z = v as Record<string, unknown>;
  const pages = (key: string): number | null => {
    const p = z[key];
    if (p === undefined || p === null) return null;
    if (typeof p !== "number" || !Number.isInteger(p) || p < 0) throw invalidArgument(`zoom.${key}`);
    return p;
  };
  const horizontalFitToPages = pages("horizontalFitToPages");
  const verticalFitToPages = pages("verticalFitToPages");
  const fit = horizontalFitToPages !== null || verticalFitToPages !== null;
  let scale: number | null = null;
  if (z.scale !== undefined && z.scale !== null) {
    // "Print page scale value can be between 10 and 400." (@types/office-js)
    if (typeof z.scale !== "number" || z.scale < 10 || z.scale > 400) throw invalidArgument("zoom.scale must be between 10 and 400");
    if (fit) throw invalidArgument("zoom: a scale or pages to fit to, not both");
    scale = z.scale;
  }
  if (!fit && scale === null) throw invalidArgument("zoom: no scale and no pages to fit to");
  return { scale, horizontalFitToPages, verticalFitToPages };
}

const MARGIN_UNITS: Record<string, number> = { Points: 1, Inches: 72, Centimeters: 72 / 2.54 };

export const PageLayoutType = defineType<PageLayoutObj>("PageLayout", {
  scalars: {
    Orientation: {
      get: (o) => o.sheet.pageLayout.orientation,
      set: (o, v) => void (o.sheet.pageLayout.orientation = argEnum(v, ["Portrait", "Landscape"] as const, "orientation")),
    },
    PaperSize: {
      get: (o) => o.sheet.pageLayout.paperSize,
      set: (o, v) => void (o.sheet.pageLayout.paperSize = argEnum(v, PAPER, "paperSize")),
    },
    Zoom: {
      get: (o) => ({ ...o.sheet.pageLayout.zoom }),
      set: (o, v) => void (o.sheet.pageLayout.zoom = zoomArgument(v)),
    },
    PrintGridlines: flag("printGridlines"),
    PrintHeadings: flag("printHeadings"),
    CenterHorizontally: flag("centerHorizontally"),
    CenterVertically: flag("centerVertically"),
    BlackAndWhite: flag("blackAndWhite"),
    DraftMode: flag("draftMode"),
    LeftMargin: margin("leftMargin"),
    RightMargin: margin("rightMargin"),
    TopMargin: margin("topMargin"),
    BottomMargin: margin("bottomMargin"),
    HeaderMargin: margin("headerMargin"),
    FooterMargin: margin("footerMargin"),
  },
  methods: {
    SetPrintTitleRows: (o, [range], cx) => {
      const r = rangeArgument(cx.wb, range, o.sheet).rect;
      // "The range must span the entire row to be valid." (@types/office-js)
      if (r.c0 !== 0 || r.c1 !== MAX_COLS - 1) throw invalidArgument("print title rows must span entire rows");
      o.sheet.pageLayout.printTitleRows = { r0: r.r0, r1: r.r1 };
      return null;
    },
    SetPrintTitleColumns: (o, [range], cx) => {
      const r = rangeArgument(cx.wb, range, o.sheet).rect;
      // "The range must span the entire column to be valid." (@types/office-js)
      if (r.r0 !== 0 || r.r1 !== MAX_ROWS - 1) throw invalidArgument("print title columns must span entire columns");
      o.sheet.pageLayout.printTitleColumns = { c0: r.c0, c1: r.c1 };
      return null;
    },
    SetPrintArea: (o, [range], cx) => {
      o.sheet.pageLayout.printArea = rangeArgument(cx.wb, range, o.sheet).rect;
      return null;
    },
    GetPrintTitleRows: (o) => orNotFound(titleRows(o), "no print title rows"),
    GetPrintTitleRowsOrNullObject: (o) => titleRows(o) ?? NULL_OBJECT,
    GetPrintTitleColumns: (o) => orNotFound(titleColumns(o), "no print title columns"),
    GetPrintTitleColumnsOrNullObject: (o) => titleColumns(o) ?? NULL_OBJECT,
    GetPrintArea: (o) => orNotFound(printArea(o), "no print area"),
    GetPrintAreaOrNullObject: (o) => printArea(o) ?? NULL_OBJECT,
    SetPrintMargins: (o, [unit, options]) => {
      const factor = MARGIN_UNITS[argEnum(unit, ["Points", "Inches", "Centimeters"] as const, "unit")];
      if (!options || typeof options !== "object") throw invalidArgument("marginOptions");
      const m = options as Record<string, unknown>;
      const layout = o.sheet.pageLayout;
      for (const [k, key] of [
        ["left", "leftMargin"],
        ["right", "rightMargin"],
        ["top", "topMargin"],
        ["bottom", "bottomMargin"],
        ["header", "headerMargin"],
        ["footer", "footerMargin"],
      ] as const) {
        const v = m[k];
        if (v === undefined || v === null) continue;
        if (typeof v !== "number" || v < 0) throw invalidArgument(`margin ${k}`);
        layout[key] = v * factor;
      }
      return null;
    },
  },
});
