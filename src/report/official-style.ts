import { IFontAttributesProperties } from "docx";

/**
 * Type of an official document (GB/T 9704-2012): A4, margins 37/35/28/26 mm, title in
 * 小标宋 二号, body in 仿宋 三号, headings in 黑体 (一、) and 楷体 (（一）).
 *
 * A run names one font per script; the fallback when a machine lacks the official fonts
 * is carried by the font table (altName, GB2312 charset and family, see font-table.ts),
 * which Word, WPS and LibreOffice use to pick the nearest installed Chinese font.
 */
export const FONT = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  latin: "Times New Roman",
} as const;

/** Half-points: 二号 22 pt, 三号 16 pt, tables 五号 10.5 pt, chart labels 小五 9 pt. */
export const SIZE = { title: 44, body: 32, table: 21, small: 18 } as const;

export const fontOf = (eastAsia: string): IFontAttributesProperties => ({ ascii: FONT.latin, hAnsi: FONT.latin, eastAsia, cs: FONT.latin, hint: "eastAsia" });

const MM = 1440 / 25.4;
export const twips = (mm: number): number => Math.round(mm * MM);

export const PAGE = {
  width: twips(210),
  height: twips(297),
  top: twips(37),
  bottom: twips(35),
  left: twips(28),
  right: twips(26),
} as const;

/** The text block: 156 mm wide. */
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** 22 lines on a 225 mm text block: the standard's line pitch, about 28.9 pt. */
export const LINE = Math.round((297 - 37 - 35) * MM / 22);
