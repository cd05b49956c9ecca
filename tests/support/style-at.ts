import { parseRange } from "../../src/blueprint/a1";
import { SheetBlueprint, StyleSpec } from "../../src/blueprint/types";

/** The style a cell (1-based row, 0-based column) gets from the sheet's format blocks, later blocks winning. */
export function styleAt(sheet: Pick<SheetBlueprint, "formats">, rowNo: number, col: number): StyleSpec {
  return sheet.formats
    .filter((f) => {
      const g = parseRange(f.range);
      return rowNo >= g.top && rowNo <= g.bottom && col >= g.left && col <= g.right;
    })
    .reduce<StyleSpec>((acc, f) => ({ ...acc, ...f.style }), {});
}
