import fc from "fast-check";
import { textWidth, wrappedRowHeights } from "../../src/xlsx/row-heights";
import { SheetBlueprint } from "../../src/blueprint/types";

/** The definition, one character at a time: what textWidth's two counts must equal. */
function widthByCharacter(text: string): number {
  let w = 0;
  for (const ch of text) w += /^[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]$/.test(ch) ? 2 : 1;
  return w;
}

describe("textWidth", () => {
  it.each([
    ["", 0],
    ["abc 123", 7],
    ["省教育厅", 8],
    ["（牵头），；：", 14],
    ["２０２６年", 10],
    ["𠀀村", 3], // a character outside the BMP is one character unit, not two
    ["\ud800x", 2], // a lone surrogate counts as one character
    ["한글", 4],
  ])("%j is %i character units wide", (text, width) => {
    expect(textWidth(text)).toBe(width);
    expect(widthByCharacter(text)).toBe(width);
  });

  it("agrees with the per-character definition on any text, the same regexes reused", () => {
    const pieces = fc.oneof(
      fc.constantFrom("省", "（", "，", "Ａ", "𠀀", "𪚥", "\ud800", "\udc00", "\n", " ", "a", "1", "ᄀ", "ﹰ", "￠"),
      fc.string(),
      fc.string({ unit: "binary" }),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        // Twice: the global regexes keep no state between calls (match, not exec).
        expect(textWidth(text)).toBe(widthByCharacter(text));
        expect(textWidth(text)).toBe(widthByCharacter(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("wrappedRowHeights", () => {
  const sheet = (cells: SheetBlueprint["cells"], rowHeights: Record<number, number> = {}): SheetBlueprint =>
    ({ cells, columnWidths: [11, 21], rowHeights }) as unknown as SheetBlueprint;

  it("gives a wrapped row the lines its longest cell needs, by column width", () => {
    // Column B is 21 wide, 20 inside: 25 CJK characters are 50 units, three lines.
    const heights = wrappedRowHeights(sheet([["x", "省".repeat(25)]]), new Set([1]));
    expect(heights.get(1)).toBe(3 * 15 + 3);
  });

  it("counts each paragraph from a new line and leaves one-line, unwrapped and fixed rows alone", () => {
    const s = sheet([["a\nb\nc", "短"], ["a", "b"], ["长".repeat(30), ""], ["长".repeat(30), ""]], { 4: 30 });
    const heights = wrappedRowHeights(s, new Set([1, 2, 4]));
    expect([...heights]).toEqual([[1, 3 * 15 + 3]]);
  });
});
