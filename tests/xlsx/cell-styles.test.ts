import fc from "fast-check";
import type { Style } from "exceljs";
import { cellAddress } from "../../src/blueprint/a1";
import { Cell, FormatBlock, SheetBlueprint, StyleSpec, WorkbookBlueprint } from "../../src/blueprint/types";
import { CJK_FONT, renderWorkbook } from "../../src/xlsx/render-xlsx";
import { applyStyle } from "../../src/xlsx/styles";

/**
 * applyFormats works band by band (the rectangles that no block edge crosses). These tests
 * hold it to the definition cell by cell: a cell's style is every block covering it applied
 * in order, then unlocking, on top of the named CJK font; a written cell that no block covers
 * has the font alone; a cell neither written nor covered is not created.
 */

const STYLES: StyleSpec[] = [
  { fill: "#FFF2CC" },
  { bold: true, fontColor: "#1F4E78" },
  { wrap: true, vAlign: "top" },
  { hAlign: "center", border: true },
  { numberFormat: "0.0%", fontSize: 9 },
  { bold: false, fill: "#DDEBF7" },
];

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const rectArb = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }))
  .map(([top, left, h, w]): Rect => ({ top, left, bottom: top + h, right: left + w }));

const rangeOf = (r: Rect) => `${cellAddress(r.top, r.left)}:${cellAddress(r.bottom, r.right)}`;
const inside = (r: Rect, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

function sheetOf(cells: Cell[][], blocks: Array<{ rect: Rect; style: number }>, unlocked: Rect[]): SheetBlueprint {
  const formats: FormatBlock[] = blocks.map((b) => ({ range: rangeOf(b.rect), style: STYLES[b.style] }));
  return {
    name: "表",
    role: "unit",
    visibility: "visible",
    cells,
    columnWidths: [],
    rowHeights: {},
    formats,
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 0, columns: 0 },
    protection: { unlocked: unlocked.map(rangeOf) },
  };
}

function workbookOf(sheets: SheetBlueprint[]): WorkbookBlueprint {
  return { trackerId: "t", schemaVersion: 1, listName: "l", listHash: "h", title: "t", sheets, names: [], activeSheet: sheets[0].name };
}

function expectedStyle(sheet: SheetBlueprint, blocks: Rect[], unlocked: Rect[], row: number, col: number): Partial<Style> | undefined {
  const covering = blocks.map((r, i) => (inside(r, row, col) ? i : -1)).filter((i) => i >= 0);
  const isUnlocked = unlocked.some((r) => inside(r, row, col));
  const value = sheet.cells[row - 1]?.[col];
  if (covering.length === 0 && !isUnlocked && (value === undefined || value === null)) return undefined;
  const style: Partial<Style> = {};
  for (const i of covering) applyStyle(style, sheet.formats[i].style);
  if (isUnlocked) style.protection = { locked: false };
  style.font = { name: CJK_FONT, ...style.font };
  return style;
}

describe("cell styles written by the ExcelJS renderer", () => {
  it("match the blocks covering each cell, in order, then unlocking, for any layout", async () => {
    const cellsArb = fc.array(fc.array(fc.oneof(fc.constant(null), fc.constant("文字"), fc.integer()), { maxLength: 9 }), { maxLength: 12 });
    const blocksArb = fc.array(fc.record({ rect: rectArb, style: fc.integer({ min: 0, max: STYLES.length - 1 }) }), { maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(cellsArb, blocksArb, fc.array(rectArb, { maxLength: 3 }), async (cells, blocks, unlocked) => {
        const sheet = sheetOf(cells, blocks, unlocked);
        const ws = (await renderWorkbook(workbookOf([sheet]))).getWorksheet("表")!;
        for (let row = 1; row <= 16; row++) {
          for (let col = 0; col <= 12; col++) {
            const want = expectedStyle(sheet, blocks.map((b) => b.rect), unlocked, row, col);
            // Reading a cell through getRow/getCell would create it: look without touching.
            const existing = ws.findCell(row, col + 1);
            if (want === undefined) expect(existing?.style ?? {}).toEqual({});
            else expect({ at: cellAddress(row, col), style: existing?.style }).toEqual({ at: cellAddress(row, col), style: want });
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("shares one style object per distinct style across sheets, and one empty style across rows", async () => {
    const blocks = [{ rect: { top: 1, left: 0, bottom: 3, right: 2 }, style: 1 }];
    const one = sheetOf([["a", "b"], ["c"]], blocks, []);
    const wb = await renderWorkbook(workbookOf([one, { ...one, name: "表二" }]));
    const [a, b] = [wb.getWorksheet("表")!, wb.getWorksheet("表二")!];
    expect(a.getCell("A1").style).toBe(b.getCell("C3").style);
    expect(a.getCell("A1").style.font).toEqual({ name: CJK_FONT, bold: true, color: { argb: "FF1F4E78" } });
    const rowStyle = (r: unknown) => (r as { style: object }).style;
    expect(rowStyle(a.getRow(1))).toBe(rowStyle(b.getRow(3)));
    expect(rowStyle(a.getRow(1))).toEqual({});
  });
});
