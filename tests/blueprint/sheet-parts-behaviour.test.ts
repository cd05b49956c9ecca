/**
 * The pieces every tracker sheet is made of: a new sheet's defaults (visible, nothing
 * locked open, no freeze), the title and header bands, and the colour rules for statuses
 * and the overdue mark as Excel evaluates them (anchored column, relative row).
 */
import { COLORS, OVERDUE_MARK } from "../../src/blueprint/layout";
import { emptySheet, headerFormat, overdueRule, statusColourRules, titleFormat } from "../../src/blueprint/sheet-parts";
import { DEFAULT_VOCABULARY, PRESETS } from "../../src/domain/vocabulary";

describe("a new sheet", () => {
  it("is visible, empty, unfrozen, with no unlocked ranges, under the given name and role", () => {
    expect(emptySheet("填报说明", "instructions")).toEqual({
      name: "填报说明",
      role: "instructions",
      visibility: "visible",
      cells: [],
      columnWidths: [],
      rowHeights: {},
      formats: [],
      validations: [],
      conditionalFormats: [],
      freeze: { rows: 0, columns: 0 },
      protection: { unlocked: [] },
    });
  });

  it("is a fresh object each time: filling one sheet leaves the next one empty", () => {
    const a = emptySheet("甲", "unit");
    a.cells.push(["x"]);
    a.protection.unlocked.push("A1");
    a.freeze.rows = 2;
    const b = emptySheet("乙", "unit");
    expect(b.cells).toEqual([]);
    expect(b.protection.unlocked).toEqual([]);
    expect(b.freeze).toEqual({ rows: 0, columns: 0 });
  });
});

describe("title and header bands", () => {
  it("the title spans row 1 over the sheet's width, bold 14 pt in the title colour", () => {
    expect(titleFormat(14)).toEqual({ range: "A1:N1", style: { bold: true, fontSize: 14, fontColor: COLORS.title } });
    expect(titleFormat(1)).toEqual({ range: "A1:A1", style: { bold: true, fontSize: 14, fontColor: COLORS.title } });
  });

  it("the header band spans its row, white bold on the header colour, wrapped, centred, bordered", () => {
    expect(headerFormat(2, 14)).toEqual({
      range: "A2:N2",
      style: { bold: true, fill: COLORS.header, fontColor: COLORS.headerFont, wrap: true, hAlign: "center", vAlign: "center", border: true },
    });
    expect(headerFormat(16, 27).range).toBe("A16:AA16");
  });
});

describe("status colour rules", () => {
  it("one rule per status word, in drop-down order, comparing the first row's cell with its column anchored", () => {
    const rules = statusColourRules("G3:G47", 3, 6);
    expect(rules.map((r) => r.formula)).toEqual(['$G3="未启动"', '$G3="推进中"', '$G3="已完成"', '$G3="滞后"', '$G3="长期坚持"']);
    expect(rules.every((r) => r.range === "G3:G47")).toBe(true);
  });

  it("fill each status in its colour, and set a font colour only where the vocabulary gives one", () => {
    const rules = statusColourRules("G3:G47", 3, 6, DEFAULT_VOCABULARY);
    expect(rules).toEqual([
      { range: "G3:G47", formula: '$G3="未启动"', fill: COLORS.notStarted },
      { range: "G3:G47", formula: '$G3="推进中"', fill: COLORS.progress, fontColor: COLORS.progressFont },
      { range: "G3:G47", formula: '$G3="已完成"', fill: COLORS.done, fontColor: COLORS.doneFont },
      { range: "G3:G47", formula: '$G3="滞后"', fill: COLORS.late, fontColor: COLORS.lateFont },
      { range: "G3:G47", formula: '$G3="长期坚持"', fill: COLORS.standing },
    ]);
    expect("fontColor" in rules[0]).toBe(false);
    expect("fontColor" in rules[4]).toBe(false);
  });

  it("use the tracker's own words, and anchor a two-letter column whole", () => {
    const rules = statusColourRules("Z3:AH40", 3, 25, PRESETS.schedule);
    expect(rules.map((r) => r.formula)).toEqual(['$Z3="尚未启动"', '$Z3="序时推进"', '$Z3="已完成"', '$Z3="进度滞后"', '$Z3="长期坚持"']);
    expect(statusColourRules("AB5:AB9", 5, 27, PRESETS.handling)[0].formula).toBe('$AB5="尚未办理"');
  });
});

describe("the overdue rule", () => {
  it("colours the range red when the first row's mark cell says the mark", () => {
    expect(overdueRule("A3:N47", 3, 13, OVERDUE_MARK)).toEqual({ range: "A3:N47", formula: '$N3="逾期"', fill: COLORS.late, fontColor: COLORS.overdueFont });
    expect(overdueRule("A5:AC9", 5, 28, "过期").formula).toBe('$AC5="过期"');
  });
});
