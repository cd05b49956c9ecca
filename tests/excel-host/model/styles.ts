/**
 * Cell formats as immutable, interned values: every distinct combination exists once, so a
 * million cells with the same look share one object and "is this range uniform?" is a
 * reference comparison.
 */

export interface BorderSpec {
  readonly style: string;
  readonly color: string;
  readonly weight: string;
}

export interface StyleData {
  readonly numberFormat: string;
  readonly fillColor: string | null;
  readonly fontName: string;
  readonly fontSize: number;
  readonly fontColor: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: string;
  readonly strikethrough: boolean;
  readonly horizontalAlignment: string;
  readonly verticalAlignment: string;
  readonly wrapText: boolean;
  readonly indentLevel: number;
  readonly locked: boolean;
  readonly formulaHidden: boolean;
  readonly borderTop: BorderSpec | null;
  readonly borderBottom: BorderSpec | null;
  readonly borderLeft: BorderSpec | null;
  readonly borderRight: BorderSpec | null;
}

export type StyleKey = keyof StyleData;

const pool = new Map<string, Style>();

export class Style {
  private readonly derived = new Map<string, Style>();

  private constructor(readonly data: StyleData) {}

  static of(data: StyleData): Style {
    const key = JSON.stringify(data);
    let s = pool.get(key);
    if (!s) {
      s = new Style(Object.freeze({ ...data }));
      pool.set(key, s);
    }
    return s;
  }

  get<K extends StyleKey>(key: K): StyleData[K] {
    return this.data[key];
  }

  with<K extends StyleKey>(key: K, value: StyleData[K]): Style {
    if (this.data[key] === value) return this;
    const memo = `${key}\u0000${JSON.stringify(value)}`;
    let s = this.derived.get(memo);
    if (!s) {
      s = Style.of({ ...this.data, [key]: value });
      this.derived.set(memo, s);
    }
    return s;
  }
}

/** A new Excel workbook's Normal style (Calibri 11; Excel 365 now defaults to Aptos Narrow). */
export const DEFAULT_STYLE = Style.of({
  numberFormat: "General",
  fillColor: null,
  fontName: "Calibri",
  fontSize: 11,
  fontColor: "#000000",
  bold: false,
  italic: false,
  underline: "None",
  strikethrough: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
  indentLevel: 0,
  locked: true,
  formulaHidden: false,
  borderTop: null,
  borderBottom: null,
  borderLeft: null,
  borderRight: null,
});
