import { WorkbookBlueprint, buildBlueprint, buildUnitCopy, isFormula } from "../../src/blueprint";
import { parseTaskList, reportKey } from "../../src/domain";
import { mergeLogRows } from "../../src/domain/merge-log";
import { reportWith } from "../support/fill";
import { seedText } from "../support/seed";

/** The functions the domain doc lists as safe in Excel 2013-365, WPS and LibreOffice, plus the basic ones. */
const SAFE = new Set(["COUNTIF", "COUNTIFS", "SUMIF", "SUMIFS", "SUMPRODUCT", "IFERROR", "IF", "AND", "OR", "INDEX", "MATCH", "TODAY", "DATE", "HYPERLINK", "COUNT", "SUM", "ISNUMBER"]);

function formulasOf(bp: WorkbookBlueprint): string[] {
  const out: string[] = [];
  for (const sheet of bp.sheets) {
    for (const row of sheet.cells) for (const c of row) if (isFormula(c)) out.push(c.f);
    for (const cf of sheet.conditionalFormats) out.push(cf.formula);
  }
  return out;
}

describe("compatibility audit: every formula the project writes", () => {
  const list = parseTaskList(seedText());
  const reports = new Map([[reportKey(1, "省教育厅"), reportWith("已完成")]]);
  const workbooks = {
    tracker: buildBlueprint(list, { trackerId: "c", generatedAt: "x", reports, password: "pw" }),
    trackerWithLog: buildBlueprint(list, { trackerId: "c", generatedAt: "x", mergeLog: mergeLogRows({ reports: new Map(), files: [] }, "x", () => "") }),
    unitCopy: buildUnitCopy(list, "省教育厅", { trackerId: "c", exportedAt: "x", reports }),
  };

  it.each(Object.entries(workbooks))("%s uses only functions from the safe list, no structured references, no spills", (_, bp) => {
    const formulas = formulasOf(bp);
    expect(formulas.length).toBeGreaterThan(0);
    const functions = new Set(formulas.flatMap((f) => [...f.replace(/"[^"]*"/g, '""').matchAll(/([A-Z][A-Z0-9._]*)\(/g)].map((m) => m[1])));
    expect([...functions].filter((fn) => !SAFE.has(fn))).toEqual([]);
    for (const f of formulas) {
      expect(f).not.toMatch(/\w\[[^\]]*\]/); // Table1[列]
      expect(f).not.toContain("_xlfn");
      expect(f.startsWith("=")).toBe(false);
    }
  });

  it("audits every formula of the Jiangxi tracker (hundreds)", () => {
    expect(formulasOf(workbooks.tracker).length).toBeGreaterThan(600);
  });
});
