/** Excel.RangeFormat and its parts: fill, font, protection, borders. */
import { Rect, isEntireColumns, isEntireRows } from "../model/address";
import { normaliseColor } from "../model/colors";
import { invalidArgument, itemNotFound, notEmulated } from "../model/errors";
import { assertAllowed, assertFormattable, assertUnprotected } from "../model/protection";
import { BorderSpec, StyleData, StyleKey } from "../model/styles";
import type { SheetModel } from "../model/worksheet";
import {
  FormatProtectionObj,
  RangeBorderCollectionObj,
  RangeBorderObj,
  RangeFillObj,
  RangeFontObj,
  RangeFormatObj,
  RangeObj,
} from "./objects";
import { ScalarDef, argBool, argEnum, argInt, defineType } from "./registry";

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"] as const;
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"] as const;
const UNDERLINE = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"] as const;
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"] as const;
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"] as const;
const SIDES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"] as const;

/** A cell-format property: uniform value or null on read; protection-checked write. */
function styleProp<T extends { range: RangeObj }, K extends StyleKey>(
  key: K,
  parse: (v: unknown) => StyleData[K],
): ScalarDef<T> {
  return {
    get: (o) => o.range.sheet.uniformStyleValue(o.range.rect, key),
    set: (o, v) => {
      assertFormattable(o.range.sheet, o.range.rect);
      o.range.sheet.setStyleProp(o.range.rect, key, parse(v));
    },
  };
}

function uniform(values: Iterable<number>): number | null {
  let first: number | null = null;
  for (const v of values) {
    if (first === null) first = v;
    else if (v !== first) return null;
  }
  return first;
}

function* columnWidths(sheet: SheetModel, rect: Rect): Iterable<number> {
  for (let c = rect.c0; c <= rect.c1; c++) yield sheet.columnWidth(c);
}

function* rowHeights(sheet: SheetModel, rect: Rect): Iterable<number> {
  if (isEntireColumns(rect) && sheet.rowHeights.size === 0) {
    yield sheet.defaultRowHeight;
    return;
  }
  for (let r = rect.r0; r <= rect.r1; r++) yield sheet.rowHeight(r);
}

function size(v: unknown, what: string, max: number): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > max) throw invalidArgument(`${what} ${String(v)}`);
  return v;
}

/** Rough text width in character units: CJK glyphs are twice as wide as Latin ones in Calibri. */
export function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

const unitsToPoints = (units: number, fontSize: number): number => Math.round(((units * 7 + 5) * 0.75 * fontSize) / 11 * 100) / 100;

export const RangeFormatType = defineType<RangeFormatObj>("RangeFormat", {
  scalars: {
    HorizontalAlignment: styleProp("horizontalAlignment", (v) => argEnum(v, HORIZONTAL, "horizontalAlignment")),
    VerticalAlignment: styleProp("verticalAlignment", (v) => argEnum(v, VERTICAL, "verticalAlignment")),
    WrapText: styleProp("wrapText", (v) => argBool(v, "wrapText")),
    IndentLevel: styleProp("indentLevel", (v) => argInt(v, "indentLevel")),
    ColumnWidth: {
      get: (o) => uniform(columnWidths(o.range.sheet, o.range.rect)),
      set: (o, v) => {
        const sheet = o.range.sheet;
        assertAllowed(sheet, "allowFormatColumns");
        const w = size(v, "columnWidth", 1790);
        if (isEntireRows(o.range.rect)) {
          sheet.defaultColumnWidth = w;
          sheet.colWidths.clear();
          return;
        }
        for (let c = o.range.rect.c0; c <= o.range.rect.c1; c++) sheet.colWidths.set(c, w);
      },
    },
    RowHeight: {
      get: (o) => uniform(rowHeights(o.range.sheet, o.range.rect)),
      set: (o, v) => {
        const sheet = o.range.sheet;
        assertAllowed(sheet, "allowFormatRows");
        const h = size(v, "rowHeight", 409);
        if (isEntireColumns(o.range.rect)) {
          sheet.defaultRowHeight = h;
          sheet.rowHeights.clear();
          return;
        }
        for (let r = o.range.rect.r0; r <= o.range.rect.r1; r++) sheet.rowHeights.set(r, h);
      },
    },
  },
  navigation: {
    Fill: (o) => new RangeFillObj(o.range),
    Font: (o) => new RangeFontObj(o.range),
    Protection: (o) => new FormatProtectionObj(o.range),
    Borders: (o) => new RangeBorderCollectionObj(o.range),
  },
  methods: {
    // Widths come from a character-count estimate, not from font metrics.
    AutofitColumns: (o) => {
      const { sheet, rect } = o.range;
      assertAllowed(sheet, "allowFormatColumns");
      const widest = new Map<number, number>();
      const used = sheet.usedRect(true);
      if (!used) return null;
      const r1 = Math.min(rect.r1, used.r1);
      sheet.forEachCell({ r0: rect.r0, c0: rect.c0, r1, c1: Math.min(rect.c1, used.c1) }, (cell, r, c) => {
        const shown = cell.f !== undefined ? "0000000000" : cell.v === undefined ? "" : String(cell.v);
        if (!shown) return;
        const style = sheet.styleAt(r, c);
        if (style.get("wrapText")) return;
        const pts = unitsToPoints(textUnits(shown), style.get("fontSize"));
        widest.set(c, Math.max(widest.get(c) ?? 0, pts));
      });
      for (const [c, w] of widest) sheet.colWidths.set(c, Math.min(w, 1790));
      return null;
    },
    AutofitRows: (o) => {
      const { sheet, rect } = o.range;
      assertAllowed(sheet, "allowFormatRows");
      const used = sheet.usedRect(true);
      if (!used) return null;
      const tallest = new Map<number, number>();
      sheet.forEachCell({ r0: rect.r0, c0: rect.c0, r1: Math.min(rect.r1, used.r1), c1: Math.min(rect.c1, used.c1) }, (cell, r, c) => {
        const style = sheet.styleAt(r, c);
        const lineHeight = (15 * style.get("fontSize")) / 11;
        let lines = 1;
        if (style.get("wrapText") && typeof cell.v === "string") {
          const perLine = Math.max(1, Math.floor((sheet.columnWidth(c) / 0.75 - 5) / 7));
          lines = cell.v.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / perLine)), 0);
        }
        tallest.set(r, Math.max(tallest.get(r) ?? 0, Math.min(409, lines * lineHeight)));
      });
      for (const [r, h] of tallest) sheet.rowHeights.set(r, h);
      return null;
    },
  },
});

export const RangeFillType = defineType<RangeFillObj>("RangeFill", {
  scalars: {
    Color: {
      get: (o) => {
        const v = o.range.sheet.uniformStyleValue(o.range.rect, "fillColor");
        // a uniform "no fill" reads as white; a mix reads as null
        if (v === null) return allNoFill(o) ? "#FFFFFF" : null;
        return v;
      },
      set: (o, v) => {
        assertFormattable(o.range.sheet, o.range.rect);
        o.range.sheet.setStyleProp(o.range.rect, "fillColor", normaliseColor(v));
      },
    },
  },
  methods: {
    Clear: (o) => {
      assertFormattable(o.range.sheet, o.range.rect);
      o.range.sheet.setStyleProp(o.range.rect, "fillColor", null);
      return null;
    },
  },
});

function allNoFill(o: RangeFillObj): boolean {
  for (const s of o.range.sheet.distinctStyles(o.range.rect)) if (s.get("fillColor") !== null) return false;
  return true;
}

export const RangeFontType = defineType<RangeFontObj>("RangeFont", {
  scalars: {
    Name: styleProp("fontName", (v) => {
      if (typeof v !== "string" || v === "") throw invalidArgument("font name");
      return v;
    }),
    Size: styleProp("fontSize", (v) => size(v, "font size", 409)),
    Color: styleProp("fontColor", normaliseColor),
    Bold: styleProp("bold", (v) => argBool(v, "bold")),
    Italic: styleProp("italic", (v) => argBool(v, "italic")),
    Underline: styleProp("underline", (v) => argEnum(v, UNDERLINE, "underline")),
    Strikethrough: styleProp("strikethrough", (v) => argBool(v, "strikethrough")),
  },
});

/** Locking is a format, but changing it is refused outright on a protected sheet. */
function lockProp(key: "locked" | "formulaHidden"): ScalarDef<FormatProtectionObj> {
  return {
    get: (o) => o.range.sheet.uniformStyleValue(o.range.rect, key),
    set: (o, v) => {
      assertUnprotected(o.range.sheet);
      o.range.sheet.setStyleProp(o.range.rect, key, argBool(v, key));
    },
  };
}

export const FormatProtectionType = defineType<FormatProtectionObj>("FormatProtection", {
  scalars: { Locked: lockProp("locked"), FormulaHidden: lockProp("formulaHidden") },
});

type Side = (typeof SIDES)[number];
type BorderKey = "borderTop" | "borderBottom" | "borderLeft" | "borderRight";

/** Which cells carry a side of a range's border, and in which of their edges. */
function borderCells(rect: Rect, side: Side): { rect: Rect; key: BorderKey } | null {
  switch (side) {
    case "EdgeTop":
      return { rect: { ...rect, r1: rect.r0 }, key: "borderTop" };
    case "EdgeBottom":
      return { rect: { ...rect, r0: rect.r1 }, key: "borderBottom" };
    case "EdgeLeft":
      return { rect: { ...rect, c1: rect.c0 }, key: "borderLeft" };
    case "EdgeRight":
      return { rect: { ...rect, c0: rect.c1 }, key: "borderRight" };
    case "InsideHorizontal":
      return rect.r1 > rect.r0 ? { rect: { ...rect, r1: rect.r1 - 1 }, key: "borderBottom" } : null;
    case "InsideVertical":
      return rect.c1 > rect.c0 ? { rect: { ...rect, c1: rect.c1 - 1 }, key: "borderRight" } : null;
    default:
      throw notEmulated(`RangeBorder ${side}`);
  }
}

function readBorder(o: RangeBorderObj): BorderSpec | null | undefined {
  const target = borderCells(o.range.rect, o.side as Side);
  if (!target) return null;
  let first = true;
  let spec: BorderSpec | null = null;
  for (const s of o.range.sheet.distinctStyles(target.rect)) {
    const b = s.get(target.key);
    if (first) {
      spec = b;
      first = false;
    } else if (JSON.stringify(b) !== JSON.stringify(spec)) return undefined;
  }
  return spec;
}

function writeBorder(o: RangeBorderObj, change: (b: BorderSpec | null) => BorderSpec | null): void {
  const { sheet, rect } = o.range;
  assertFormattable(sheet, rect);
  const target = borderCells(rect, o.side as Side);
  if (!target) return;
  sheet.restyle(target.rect, (s) => s.with(target.key, change(s.get(target.key))));
}

const NO_BORDER: BorderSpec = { style: "None", color: "#000000", weight: "Thin" };

export const RangeBorderCollectionType = defineType<RangeBorderCollectionObj>("RangeBorderCollection", {
  scalars: { Count: { get: () => SIDES.length } },
  indexer: (o, [index]) => new RangeBorderObj(o.range, argEnum(index, SIDES, "border index")),
  methods: {
    GetItemAt: (o, [index]) => {
      const side = SIDES[argInt(index, "index")];
      if (!side) throw itemNotFound(`border #${String(index)}`);
      return new RangeBorderObj(o.range, side);
    },
  },
  items: (o) => SIDES.map((side) => new RangeBorderObj(o.range, side)),
});

export const RangeBorderType = defineType<RangeBorderObj>("RangeBorder", {
  scalars: {
    SideIndex: { get: (o) => o.side },
    Style: {
      get: (o) => {
        const b = readBorder(o);
        return b === undefined ? null : (b ?? NO_BORDER).style;
      },
      set: (o, v) => {
        const style = argEnum(v, BORDER_STYLES, "border style");
        writeBorder(o, (b) => (style === "None" ? null : { ...(b ?? NO_BORDER), style }));
      },
    },
    Color: {
      get: (o) => {
        const b = readBorder(o);
        return b === undefined ? null : (b ?? NO_BORDER).color;
      },
      // a colour or weight on an edge without a line draws a continuous line, as Excel does
      set: (o, v) => {
        const color = normaliseColor(v);
        writeBorder(o, (b) => ({ ...(b ?? { ...NO_BORDER, style: "Continuous" }), color }));
      },
    },
    Weight: {
      get: (o) => {
        const b = readBorder(o);
        return b === undefined ? null : (b ?? NO_BORDER).weight;
      },
      set: (o, v) => {
        const weight = argEnum(v, BORDER_WEIGHTS, "border weight");
        writeBorder(o, (b) => ({ ...(b ?? { ...NO_BORDER, style: "Continuous" }), weight }));
      },
    },
  },
});
