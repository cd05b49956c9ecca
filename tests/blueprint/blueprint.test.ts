import { assignSheetNames, buildBlueprint, isFormula, sanitiseSheetName } from "../../src/blueprint";
import { parseTaskList, reportKey } from "../../src/domain";
import { reportWith } from "../support/fill";
import { seedText } from "../support/seed";

const list = parseTaskList(seedText());
const options = { trackerId: "bp-test", generatedAt: "2026-11-28 09:00" };

describe("buildBlueprint", () => {
  it("is deterministic", () => {
    expect(JSON.stringify(buildBlueprint(list, options))).toBe(JSON.stringify(buildBlueprint(list, options)));
  });

  it("gives each unit sheet its tasks, role, deadline and input columns", () => {
    const bp = buildBlueprint(list, options);
    const edu = bp.sheets.find((s) => s.unit === "省教育厅")!;
    expect(edu.cells[1]).toEqual([
      "序号", "政策内容", "本单位角色", "其他责任单位", "完成时限", "截止日期", "完成状态",
      "本期进展情况", "存在问题", "下步计划", "佐证材料", "填报人", "填报日期", "时限预警",
    ]);
    const rows = edu.cells.slice(2);
    expect(rows).toHaveLength(45);
    const row26 = rows.find((r) => r[0] === 26)!;
    expect(row26.slice(2, 6)).toEqual(["牵头", "省人力资源社会保障厅、省财政厅、各市、县(市、区)人民政府", "到2022年", 44926]);
    expect(rows.find((r) => r[0] === 1)![2]).toBe("配合");
    expect(edu.validations[0].range).toBe("G3:G47");
    expect(edu.protection.unlocked).toEqual(["G3:M47"]);
    expect(edu.freeze).toEqual({ rows: 2, columns: 2 });
  });

  it("writes text as text even when it looks like a formula", () => {
    const tricky = parseTaskList("序号\t政策内容\t责任部门\n1\t=HYPERLINK(\"http://x\")\t省教育厅");
    const bp = buildBlueprint(tricky, options);
    const cell = bp.sheets.find((s) => s.unit === "省教育厅")!.cells[2][1];
    expect(isFormula(cell)).toBe(false);
    expect(cell).toBe('=HYPERLINK("http://x")');
  });

  it("carries reports into the unit sheets, keyed by task and unit", () => {
    const bp = buildBlueprint(list, { ...options, reports: new Map([[reportKey(26, "省财政厅"), reportWith("推进中", "已印发方案")]]) });
    const fin = bp.sheets.find((s) => s.unit === "省财政厅")!;
    const row = fin.cells.find((r) => r[0] === 26)!;
    expect(row.slice(6, 8)).toEqual(["推进中", "已印发方案"]);
  });

  it("rolls up per task by id, over the task's unit sheets, reading each status once", () => {
    const bp = buildBlueprint(list, options);
    const master = bp.sheets.find((s) => s.role === "master")!;
    const row = master.cells[2 + 25];
    // Jiangxi's widest task has 9 units: positions in Q:Y, statuses in Z:AH, P left empty.
    expect(master.cells[1].slice(15, 18)).toEqual([null, "单位1行", "单位2行"]);
    expect(master.cells[1][25]).toBe("单位1状态");
    expect(row[15]).toBeNull();
    expect(row.slice(16, 20).map((c) => isFormula(c) && c.f)).toEqual([
      "IFERROR(MATCH($A28,'省教育厅'!$A$3:$A$47,0),\"\")",
      "IFERROR(MATCH($A28,'省人力资源社会保障厅'!$A$3:$A$29,0),\"\")",
      "IFERROR(MATCH($A28,'省财政厅'!$A$3:$A$15,0),\"\")",
      "IFERROR(MATCH($A28,'各市、县(市、区)人民政府'!$A$3:$A$14,0),\"\")",
    ]);
    expect(row[20]).toBeNull();
    const status = row[26];
    expect(isFormula(status) && status.f).toBe("IF(ISNUMBER($R28),INDEX('省人力资源社会保障厅'!$G$3:$G$29,$R28)&\"\",\"\")");
    const done = row[7];
    expect(isFormula(done) && done.f).toBe('COUNTIF($Z28:$AH28,"已完成")');
    const late = row[12];
    expect(isFormula(late) && late.f).toBe('COUNTIF($Z28:$AH28,"滞后")');
  });

  it("records the tracker id, list hash and unit ↔ sheet map in the metadata sheet", () => {
    const bp = buildBlueprint(list, options);
    const meta = bp.sheets.find((s) => s.role === "meta")!;
    expect(meta.cells[0]).toEqual(["tracker_id", "bp-test"]);
    expect(meta.cells.find((r) => r[0] === "list_hash")![1]).toMatch(/^[0-9a-f]{16}$/);
    expect(meta.cells.find((r) => r[0] === "各市、县(市、区)人民政府")).toEqual(["各市、县(市、区)人民政府", "各市、县(市、区)人民政府", 12]);
  });
});

describe("sheet names", () => {
  it("follow Excel's rules", () => {
    expect(sanitiseSheetName("省教育厅/省财政厅[联合]")).toBe("省教育厅_省财政厅_联合_");
    expect(sanitiseSheetName("'quoted'")).toBe("quoted");
  });

  it("stay unique after truncation to 31 characters and ignore case", () => {
    const long = "某某省某某某某某某某某某某某某某某某某某某某某某某某某某某";
    const names = assignSheetNames([`${long}甲`, `${long}乙`, "abc", "ABC", "汇总"]);
    const values = [...names.values()];
    expect(values.every((n) => n.length <= 31)).toBe(true);
    expect(new Set(values.map((n) => n.toLowerCase())).size).toBe(5);
    expect(names.get("ABC")).toBe("ABC(2)");
    expect(names.get("汇总")).toBe("汇总(2)");
  });
});
