import { assertSheetSafeUnits, parseTaskList, suspiciousUnitReason, TaskList, unitProblems } from "../../src/domain";

/**
 * Unit names that look like fragments of a clause are flagged with the first line they occur
 * on: the pane asks to fix or confirm each one, the CLI refuses the list with those lines, and
 * the workbook boundary refuses a sheet for a name with unbalanced brackets or no name at all.
 */
const TITLE = "职业技能提升行动重点任务分工方案";
const HEADER = "序号\t重点任务\t牵头单位\t配合单位";

/** A 牵头/配合 table as an office pastes it, the title above; rows start on line 3. */
function table(...rows: string[]): string {
  return [TITLE, HEADER, ...rows].join("\n");
}

const WRITTEN_BADLY = table(
  "1\t开展职业技能培训\t省人力资源社会保障厅\t省财政厅（预算处",
  "2\t建设公共实训基地\t省发展改革委\t省高等学校招生委员会、——",
  "3\t落实职业培训补贴\t省财政厅负责\t江西省人力资源和社会保障厅职业能力建设处",
  "4\t组织职业技能竞赛\t省委宣传部省人力资源社会保障厅省卫生健康委\t省教育厅",
  "5\t开展技能人才评价\t省财政厅负责\t——",
);

describe("flagged unit names in a parsed list", () => {
  it("flags each kind of fragment once, with the line it first occurs on and why", () => {
    // Line 7 repeats two flagged names: each is still reported once, at its first line.
    const list = parseTaskList(WRITTEN_BADLY);
    expect(list.flagged).toEqual([
      { unit: "省财政厅（预算处", line: 3, reason: "括号不成对，可能是被错误拆开的单位名称（如“县（市”）" },
      { unit: "——", line: 4, reason: "只有标点符号，不是单位名称" },
      { unit: "省财政厅负责", line: 5, reason: "以“负责”结尾，可能没有和分工说明分开" },
      { unit: "省委宣传部省人力资源社会保障厅省卫生健康委", line: 6, reason: "名称过长（21 字），可能是几个单位没有分开" },
    ]);
  });

  it("leaves real unit names alone: 等 inside a name, exactly twenty characters, brackets that close", () => {
    const list = parseTaskList(
      table(
        "1\t开展职业技能培训\t省人力资源社会保障厅\t省高等学校招生委员会、省财政厅",
        "2\t推进职业资格改革\t江西省人力资源和社会保障厅职业能力建设处\t各市、县（市、区）人民政府",
        "3\t完善技能人才激励\t省负责任投资促进会\t省配合协调办公室",
      ),
    );
    expect(list.units).toEqual([
      "省人力资源社会保障厅",
      "省高等学校招生委员会",
      "省财政厅",
      "江西省人力资源和社会保障厅职业能力建设处",
      "各市、县（市、区）人民政府",
      "省负责任投资促进会",
      "省配合协调办公室",
    ]);
    expect(list.flagged).toEqual([]);
  });

  it("gives the pane the same reason for a name typed into the preview", () => {
    expect(suspiciousUnitReason("…")).toBe("只有标点符号，不是单位名称");
    expect(suspiciousUnitReason("省教育厅")).toBeUndefined();
    expect(suspiciousUnitReason("县）市（区")).toBe("括号不成对，可能是被错误拆开的单位名称（如“县（市”）");
    expect(suspiciousUnitReason("省财政厅牵头")).toBe("以“牵头”结尾，可能没有和分工说明分开");
    expect(suspiciousUnitReason("省财政厅配合")).toBe("以“配合”结尾，可能没有和分工说明分开");
    // 20 characters is the longest published name; one more means units ran together.
    expect(suspiciousUnitReason("国家金融监督管理总局江西监管局普惠金融处")).toBeUndefined();
    expect(suspiciousUnitReason("国家金融监督管理总局江西监管局普惠金融处处")).toBe("名称过长（21 字），可能是几个单位没有分开");
  });
});

describe("unit problems that stop an unattended build", () => {
  it("names each flagged unit, why, and its line", () => {
    expect(unitProblems(parseTaskList(WRITTEN_BADLY))).toEqual([
      { line: 3, message: "责任单位“省财政厅（预算处”括号不成对，可能是被错误拆开的单位名称（如“县（市”）。请在清单中改正这一行的责任单位后重试。" },
      { line: 4, message: "责任单位“——”只有标点符号，不是单位名称。请在清单中改正这一行的责任单位后重试。" },
      { line: 5, message: "责任单位“省财政厅负责”以“负责”结尾，可能没有和分工说明分开。请在清单中改正这一行的责任单位后重试。" },
      { line: 6, message: "责任单位“省委宣传部省人力资源社会保障厅省卫生健康委”名称过长（21 字），可能是几个单位没有分开。请在清单中改正这一行的责任单位后重试。" },
    ]);
  });

  it("are none for a clean list, or for a list that was never checked for flags", () => {
    expect(unitProblems(parseTaskList(table("1\t开展职业技能培训\t省人力资源社会保障厅\t省财政厅")))).toEqual([]);
    // A list rebuilt from returned assignments carries no flags at all.
    const rebuilt: TaskList = { name: TITLE, tasks: [], units: ["省财政厅"] };
    expect(unitProblems(rebuilt)).toEqual([]);
  });

  it("leave the line out when the unit's line is not known", () => {
    const list: TaskList = { name: TITLE, tasks: [], units: ["省财政厅负责"], flagged: [{ unit: "省财政厅负责", line: 0, reason: "以“负责”结尾，可能没有和分工说明分开" }] };
    expect(unitProblems(list)).toEqual([{ line: undefined, message: "责任单位“省财政厅负责”以“负责”结尾，可能没有和分工说明分开。请在清单中改正这一行的责任单位后重试。" }]);
  });
});

describe("the unit-sheet guard at the workbook boundary", () => {
  it("refuses every name with unbalanced brackets or only spaces, listing them all", () => {
    expect(() => assertSheetSafeUnits(["省教育厅", "省财政厅（预算处", "　", "区）各县（市"])).toThrow(
      "责任单位名称不完整：“省财政厅（预算处”、“　”、“区）各县（市”（括号不成对或为空）。请在任务清单或预览中改正单位名称后重新生成。",
    );
    expect(() => assertSheetSafeUnits([" "])).toThrow("责任单位名称不完整：“ ”");
    expect(() => assertSheetSafeUnits([""])).toThrow("责任单位名称不完整：“”");
  });

  it("lets balanced names through", () => {
    expect(() => assertSheetSafeUnits(["省教育厅", "各市、县（市、区）人民政府", "省财政厅(预算处)"])).not.toThrow();
  });
});

describe("flagged unit names in a block list", () => {
  it("carry the line of the numbered task they belong to, not of its 牵头单位 or 配合单位 line", () => {
    const block = parseTaskList(
      [
        "江西省推进职业教育高质量发展重点任务分工",
        "一、强化职业教育类型定位",
        "1．完善职业教育学历认证体系，推动职业本科教育发展。",
        "牵头单位：省教育厅",
        "配合单位：省发展改革委、省财政厅（预算处",
        "2．推进职业学校教师队伍建设。",
        "牵头单位：省教育厅负责",
        "配合单位：省人力资源社会保障厅",
      ].join("\n"),
    );
    expect(block.flagged?.map((f) => [f.unit, f.line])).toEqual([
      ["省财政厅（预算处", 3],
      ["省教育厅负责", 6],
    ]);
  });
});
