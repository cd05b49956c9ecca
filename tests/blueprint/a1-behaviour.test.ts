/**
 * A1 addresses as every formula, format block and validation of the tracker spells them:
 * column letters past Z and the last column Excel has (XFD), row/column order, sheet names
 * quoted for formulas, and the parser readers use to find ranges again.
 */
import { absColumn, cellAddress, columnIndex, columnLetter, parseCell, parseRange, quoteSheet, rangeAddress } from "../../src/blueprint/a1";

describe("column letters", () => {
  it("run A..Z, then AA, AZ, BA, ZZ, AAA, up to Excel's last column XFD", () => {
    const cases: Array<[number, string]> = [
      [0, "A"],
      [1, "B"],
      [25, "Z"],
      [26, "AA"],
      [27, "AB"],
      [51, "AZ"],
      [52, "BA"],
      [701, "ZZ"],
      [702, "AAA"],
      [16_383, "XFD"],
    ];
    for (const [index, letters] of cases) {
      expect(columnLetter(index)).toBe(letters);
      expect(columnIndex(letters)).toBe(index);
    }
  });

  it("read lower-case letters as upper-case", () => {
    expect(columnIndex("ab")).toBe(27);
    expect(columnIndex("xfd")).toBe(16_383);
  });

  it("turn every column into letters and back to the same column", () => {
    for (let i = 0; i < 1_500; i++) expect(columnIndex(columnLetter(i))).toBe(i);
  });
});

describe("cell and range addresses", () => {
  it("put the column letters before the 1-based row", () => {
    expect(cellAddress(3, 1)).toBe("B3");
    expect(cellAddress(1, 0)).toBe("A1");
    expect(cellAddress(47, 26)).toBe("AA47");
    expect(rangeAddress(2, 0, 2, 13)).toBe("A2:N2");
    expect(rangeAddress(3, 6, 47, 12)).toBe("G3:M47");
  });

  it("quote every sheet name and double an apostrophe inside it, however many there are", () => {
    expect(quoteSheet("省教育厅")).toBe("'省教育厅'");
    expect(quoteSheet("O'Brien's")).toBe("'O''Brien''s'");
    expect(quoteSheet("Sheet 1")).toBe("'Sheet 1'");
  });

  it("write a column span on another sheet with both ends absolute", () => {
    expect(absColumn("省教育厅", 6, 3, 20)).toBe("'省教育厅'!$G$3:$G$20");
    expect(absColumn("A'B", 27, 3, 3)).toBe("'A''B'!$AB$3:$AB$3");
  });
});

describe("parsing addresses", () => {
  it("reads a cell with or without $ anchors, in any case", () => {
    expect(parseCell("B3")).toEqual({ row: 3, column: 1 });
    expect(parseCell("$AB$12")).toEqual({ row: 12, column: 27 });
    expect(parseCell("g$5")).toEqual({ row: 5, column: 6 });
    expect(parseCell("$A1")).toEqual({ row: 1, column: 0 });
  });

  it("refuses anything that is not exactly one cell, naming it", () => {
    for (const bad of ["3B", "B", "12", "", "B3:C4", "xB3!", " B3", "B3 ", "B$$3", "B-3"]) {
      expect(() => parseCell(bad)).toThrow(`Not a cell address: ${bad}`);
    }
  });

  it("reads a range into top/left/bottom/right whichever corner comes first", () => {
    expect(parseRange("A1:C3")).toEqual({ top: 1, left: 0, bottom: 3, right: 2 });
    expect(parseRange("C9:A2")).toEqual({ top: 2, left: 0, bottom: 9, right: 2 });
    expect(parseRange("A9:C2")).toEqual({ top: 2, left: 0, bottom: 9, right: 2 });
    expect(parseRange("C2:A9")).toEqual({ top: 2, left: 0, bottom: 9, right: 2 });
  });

  it("reads one cell as a one-cell range", () => {
    expect(parseRange("D5")).toEqual({ top: 5, left: 3, bottom: 5, right: 3 });
  });

  it("refuses a range with a broken end", () => {
    expect(() => parseRange("A1:C")).toThrow("Not a cell address: C");
    expect(() => parseRange("1:C3")).toThrow("Not a cell address: 1");
  });
});
