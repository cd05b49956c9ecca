/**
 * The master's hidden metadata as every reader gets it back: the fixed keys, the extra
 * values (however long), and the unit ↔ sheet table, in a very hidden, locked sheet.
 */
import { SheetBlueprint, buildBlueprint, readMetaGrid } from "../../src/blueprint";
import { SCHEMA_VERSION, SHEET } from "../../src/blueprint/layout";
import { Grid } from "../../src/blueprint/read-grid";
import { TaskList, parseTaskList } from "../../src/domain";

/** Excel's limit on the characters of one cell. */
const CELL_LIMIT = 32_767;

const header = "序号\t工作任务\t牵头单位\t配合单位\t完成时限";
const lines = Array.from({ length: 900 }, (_, i) => `${i + 1}\t推动第${i + 1}项职业教育改革举措落地见效，完善配套政策，健全工作机制，加强督促检查和考核评估\t省教育厅\t省财政厅、省人力资源社会保障厅\t2026年底`);
const SOURCE = ["重点任务分工", header, ...lines].join("\n");
const LONG = parseTaskList(SOURCE);
const SHORT = parseTaskList(["重点任务分工", header, lines[0], lines[1]].join("\n"));

const metaSheetOf = (list: TaskList, listSource: string | undefined, password?: string): SheetBlueprint =>
  buildBlueprint(list, { trackerId: "JX-01", generatedAt: "2026-12-01 09:00", listSource, password }).sheets.find((s) => s.name === SHEET.meta)!;

describe("_meta: what a reader gets back", () => {
  it("keeps a list source longer than a cell holds over several cells, each within Excel's limit, and reads it back whole", () => {
    expect(SOURCE.length).toBeGreaterThan(2 * CELL_LIMIT);
    const sheet = metaSheetOf(LONG, SOURCE);
    const row = sheet.cells.find((r) => r[0] === "list_source")!;
    expect(row.length).toBeGreaterThan(2);
    for (const cell of row) expect(String(cell).length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(readMetaGrid(sheet.cells as Grid).extra.list_source).toBe(SOURCE);
  });

  it("never splits a character between two cells: a rare character such as 𠀀 is two UTF-16 units, and a writer turns each half into �", () => {
    const halves = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    // Shifted by one unit, so wherever a cell ends, one of the two would split a pair; the
    // first and last characters that take two units too.
    for (const source of ["𠀀", "\u{10000}", "\u{10FFFF}"].flatMap((c) => [c.repeat(40_000), "甲" + c.repeat(40_000)])) {
      const sheet = metaSheetOf(SHORT, source);
      const row = sheet.cells.find((r) => r[0] === "list_source")!;
      expect(row.length).toBeGreaterThan(2);
      for (const cell of row) expect(halves.test(String(cell))).toBe(false);
      expect(readMetaGrid(sheet.cells as Grid).extra.list_source).toBe(source);
    }
  });

  it("holds the fixed fields, exactly the extra values given (an empty one stays empty) and the unit table", () => {
    const meta = readMetaGrid(metaSheetOf(SHORT, "").cells as Grid);
    expect(meta).toMatchObject({ trackerId: "JX-01", schemaVersion: SCHEMA_VERSION, kind: "master", listName: "重点任务分工", generatedAt: "2026-12-01 09:00" });
    expect(meta.extra).toEqual({ warning_days: "30", list_source: "" });
    expect(meta.units.map((u) => [u.unit, u.tasks])).toEqual([["省教育厅", 2], ["省财政厅", 2], ["省人力资源社会保障厅", 2]]);
    expect(readMetaGrid(metaSheetOf(SHORT, undefined).cells as Grid).extra).toEqual({ warning_days: "30" });
  });
});

describe("_meta: out of sight and locked", () => {
  it("is very hidden (no Unhide menu shows it) and locked whole under the tracker's password", () => {
    const sheet = metaSheetOf(SHORT, undefined, "督查室");
    expect(sheet.role).toBe("meta");
    expect(sheet.visibility).toBe("veryHidden");
    expect(sheet.protection).toEqual({ password: "督查室", unlocked: [] });
    // Whoever unhides it for support sees the values column widest.
    const [key, value, tasks] = sheet.columnWidths;
    expect(value).toBeGreaterThan(Math.max(key, tasks));
  });
});
