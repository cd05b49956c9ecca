/**
 * The whole tracker for a small list, as plain data: which sheets it has and in what order
 * (the optional ones only when their data exists), each unit's sheet under a legal name,
 * what _meta records for a later refresh (and what it leaves out), and the options that
 * reach every sheet (password, warning window, vocabulary).
 */
import { buildBlueprint, taskListHash, tasksByUnit } from "../../src/blueprint/build-blueprint";
import { AUTHORITY_META_KEY } from "../../src/blueprint/copy-authority";
import { RETURN_INFO_META_KEY } from "../../src/blueprint/instructions-sheet";
import { SCHEMA_VERSION, UNIT_COLUMNS, unitCol } from "../../src/blueprint/layout";
import { Grid, readMetaGrid } from "../../src/blueprint/read-grid";
import { SheetBlueprint, WorkbookBlueprint, isFormula } from "../../src/blueprint/types";
import { Task, TaskList } from "../../src/domain/types";
import { PRESETS } from "../../src/domain/vocabulary";
import { VOCABULARY_META_KEY, vocabularyFromMeta } from "../../src/domain/vocabulary-file";

const task = (id: number, text: string, units: string[], extra: Partial<Task> = {}): Task => ({
  id,
  text,
  units,
  unitsText: units.join("、"),
  deadline: { kind: "none" },
  line: id + 1,
  ...extra,
});

const LIST: TaskList = {
  name: "测试清单",
  units: ["省教育厅", "省财政厅/预算处", "汇总", "省人社厅"],
  tasks: [
    task(1, "健全标准体系", ["省教育厅", "省财政厅/预算处"], { deadline: { kind: "date", date: "2026-06-30", wording: "2026年6月底前" } }),
    task(2, "建设专业群", ["汇总", "省教育厅"]),
    task(5, "评估", ["省教育厅"]),
  ],
};
const OPTIONS = { trackerId: "trk-1", generatedAt: "2026-11-28 09:00" };

const byRole = (bp: WorkbookBlueprint, role: SheetBlueprint["role"]) => bp.sheets.filter((s) => s.role === role);
const metaOf = (bp: WorkbookBlueprint) => readMetaGrid(byRole(bp, "meta")[0].cells as Grid);

describe("the tracker's sheets", () => {
  it("are 汇总, 任务总表, 填报说明, one sheet per unit in the list's order, then _meta", () => {
    const bp = buildBlueprint(LIST, OPTIONS);
    expect(bp.sheets.map((s) => [s.name, s.role])).toEqual([
      ["汇总", "summary"],
      ["任务总表", "master"],
      ["填报说明", "instructions"],
      ["省教育厅", "unit"],
      ["省财政厅_预算处", "unit"],
      ["汇总(2)", "unit"],
      ["省人社厅", "unit"],
      ["_meta", "meta"],
    ]);
    expect(byRole(bp, "unit").map((s) => s.unit)).toEqual(LIST.units);
    expect(byRole(bp, "meta")[0].visibility).toBe("veryHidden");
  });

  it("give each unit sheet its own tasks, and a unit without tasks an empty sheet", () => {
    const bp = buildBlueprint(LIST, OPTIONS);
    const ids = (s: SheetBlueprint) => s.cells.slice(2).map((r) => r[0]);
    expect(byRole(bp, "unit").map(ids)).toEqual([[1, 2, 5], [1], [2], []]);
  });

  it("point the roll-up formulas at each unit's sheet by its sheet name, over its rows", () => {
    const bp = buildBlueprint(LIST, OPTIONS);
    const formulas = JSON.stringify(byRole(bp, "summary")[0].cells.flat().filter(isFormula));
    expect(formulas).toContain("'省财政厅_预算处'!$A$3:$A$3");
    expect(formulas).toContain("'汇总(2)'!$G$3:$G$3");
    expect(formulas).toContain("'省教育厅'!$A$3:$A$5");
    expect(formulas).not.toContain("省财政厅/预算处");
  });

  it("add 合并记录, 历次汇总 and 联络员 after 填报说明 only when there is something to hold", () => {
    const plain = buildBlueprint(LIST, { ...OPTIONS, mergeLog: [] }).sheets.map((s) => s.name);
    expect(plain).not.toContain("合并记录");
    expect(plain).not.toContain("历次汇总");
    expect(plain).not.toContain("联络员");
    const full = buildBlueprint(LIST, {
      ...OPTIONS,
      mergeLog: [["2026-11-28 10:00", "甲.xlsx", "省教育厅", "已合并", 3, "", ""]],
      history: [],
      contacts: [],
    });
    expect(full.sheets.map((s) => s.name).slice(0, 7)).toEqual(["汇总", "任务总表", "填报说明", "合并记录", "历次汇总", "联络员", "省教育厅"]);
    expect(full.sheets.at(-1)!.name).toBe("_meta");
  });

  it("show the trend block on 汇总 once the tracker has history, even none archived yet", () => {
    const text = (bp: WorkbookBlueprint) => JSON.stringify(byRole(bp, "summary")[0].cells);
    expect(text(buildBlueprint(LIST, OPTIONS))).not.toContain("完成率趋势");
    expect(text(buildBlueprint(LIST, { ...OPTIONS, history: [] }))).toContain("完成率趋势");
  });
});

describe("the workbook's own facts", () => {
  it("title, id, schema, list hash, the TRACKER_ID name and 汇总 as the active sheet", () => {
    const bp = buildBlueprint(LIST, OPTIONS);
    expect(bp.trackerId).toBe("trk-1");
    expect(bp.schemaVersion).toBe(SCHEMA_VERSION);
    expect(bp.listName).toBe("测试清单");
    expect(bp.title).toBe("测试清单 落实情况跟踪表");
    expect(bp.listHash).toBe(taskListHash(LIST));
    expect(bp.names).toEqual([{ name: "TRACKER_ID", ref: "'_meta'!$B$1" }]);
    expect(bp.activeSheet).toBe("汇总");
  });

  it("is the same data for the same inputs", () => {
    expect(buildBlueprint(LIST, OPTIONS)).toEqual(buildBlueprint(LIST, OPTIONS));
  });
});

describe("_meta", () => {
  it("records the tracker, the list and each unit's sheet and task count; nothing optional when nothing was given", () => {
    expect(metaOf(buildBlueprint(LIST, OPTIONS))).toEqual({
      trackerId: "trk-1",
      schemaVersion: SCHEMA_VERSION,
      kind: "master",
      listName: "测试清单",
      listHash: taskListHash(LIST),
      generatedAt: "2026-11-28 09:00",
      units: [
        { unit: "省教育厅", sheet: "省教育厅", tasks: 3 },
        { unit: "省财政厅/预算处", sheet: "省财政厅_预算处", tasks: 1 },
        { unit: "汇总", sheet: "汇总(2)", tasks: 1 },
        { unit: "省人社厅", sheet: "省人社厅", tasks: 0 },
      ],
      extra: { warning_days: "30" },
    });
    // as written in the file, where every reader (and a person unhiding the sheet) finds it
    expect(byRole(buildBlueprint(LIST, OPTIONS), "meta")[0].cells.slice(0, 6)).toEqual([
      ["tracker_id", "trk-1"],
      ["schema_version", SCHEMA_VERSION],
      ["kind", "master"],
      ["list_name", "测试清单"],
      ["list_hash", taskListHash(LIST)],
      ["generated_at", "2026-11-28 09:00"],
    ]);
  });

  it("keeps every option a refresh needs to rebuild the same tracker", () => {
    const overrides = { 省教育厅办公室: "省教育厅" };
    const history = [["2026年10月", "2026-10-31 17:00", "全部", 3, 1, 1, 0, 0, 1, 0, 0, 0.5]];
    const meta = metaOf(
      buildBlueprint(LIST, {
        ...OPTIONS,
        warningDays: 7,
        vocabulary: PRESETS.schedule,
        returnInfo: { period: "2026年12月", contact: " 张三 " },
        unitOverrides: overrides,
        history,
        listSource: "序号\t政策内容\t责任部门",
        copyAuthority: '{"key":"k"}',
      }),
    );
    expect(meta.extra).toEqual({
      warning_days: "7",
      [VOCABULARY_META_KEY]: "schedule",
      [RETURN_INFO_META_KEY]: JSON.stringify({ period: "2026年12月", contact: "张三" }),
      unit_aliases: JSON.stringify(overrides),
      history: JSON.stringify(history),
      list_source: "序号\t政策内容\t责任部门",
      [AUTHORITY_META_KEY]: '{"key":"k"}',
    });
    expect(vocabularyFromMeta(meta.extra)).toBe(PRESETS.schedule);
  });

  it("leaves out empty overrides and an empty copy key, but keeps an empty list text", () => {
    const meta = metaOf(buildBlueprint(LIST, { ...OPTIONS, unitOverrides: {}, copyAuthority: "", listSource: "", returnInfo: { deadline: " " } }));
    expect(meta.extra).toEqual({ warning_days: "30", list_source: "" });
  });
});

describe("options that reach the sheets", () => {
  it("the password protects every sheet; without one, none has a password", () => {
    const locked = buildBlueprint(LIST, { ...OPTIONS, password: "pw", history: [], contacts: [], mergeLog: [["t", "f", "u", "s", 1, "", ""]] });
    expect(locked.sheets.map((s) => s.protection.password)).toEqual(locked.sheets.map(() => "pw"));
    expect(buildBlueprint(LIST, OPTIONS).sheets.every((s) => s.protection.password === undefined)).toBe(true);
  });

  it("the warning window sets how early a unit's 时限预警 turns yellow (30 days unless given)", () => {
    const warning = (bp: WorkbookBlueprint) => {
      const c = byRole(bp, "unit")[0].cells[2][unitCol("时限预警")];
      return isFormula(c) ? c.f : "";
    };
    expect(warning(buildBlueprint(LIST, OPTIONS))).toContain("-TODAY()<=30,");
    expect(warning(buildBlueprint(LIST, { ...OPTIONS, warningDays: 7 }))).toContain("-TODAY()<=7,");
    const master = JSON.stringify(byRole(buildBlueprint(LIST, { ...OPTIONS, warningDays: 7 }), "master")[0].cells);
    expect(master).toContain("-TODAY()<=7,");
  });

  it("the vocabulary's words head the unit sheets and fill the status drop-down", () => {
    const unit = byRole(buildBlueprint(LIST, { ...OPTIONS, vocabulary: PRESETS.schedule }), "unit")[0];
    expect(unit.cells[1][unitCol("本期进展情况")]).toBe("完成情况");
    expect(unit.validations[0].values).toEqual(["尚未启动", "序时推进", "已完成", "进度滞后", "长期坚持"]);
    const ours = byRole(buildBlueprint(LIST, OPTIONS), "unit")[0];
    expect(ours.cells[1]).toEqual([...UNIT_COLUMNS]);
  });

  it("the return information heads 填报说明", () => {
    const sheet = byRole(buildBlueprint(LIST, { ...OPTIONS, returnInfo: { deadline: "12月5日前" } }), "instructions")[0];
    expect(sheet.cells.slice(0, 3)).toEqual([["填报说明"], [null], ["报送截止时间：12月5日前"]]);
  });
});

describe("the list's hash", () => {
  const changed = (edit: (l: TaskList) => TaskList) => taskListHash(edit(structuredClone(LIST)));

  it("depends on the tasks' ids, texts, units and deadlines", () => {
    const base = taskListHash(LIST);
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    expect(changed((l) => ((l.tasks[2].id = 6), l))).not.toBe(base);
    expect(changed((l) => ((l.tasks[0].text += "。"), l))).not.toBe(base);
    expect(changed((l) => (l.tasks[0].units.reverse(), l))).not.toBe(base);
    expect(changed((l) => ((l.tasks[1].deadline = { kind: "yearly", wording: "每年" }), l))).not.toBe(base);
  });

  it("does not depend on the list's name, where the tasks stood, or how the units were written", () => {
    const base = taskListHash(LIST);
    expect(changed((l) => ((l.name = "另一个名字"), l))).toBe(base);
    expect(changed((l) => ((l.tasks[0].line = 40), l))).toBe(base);
    expect(changed((l) => ((l.tasks[0].unitsText = "省教育厅，省财政厅/预算处"), l))).toBe(base);
  });
});

describe("tasks by unit", () => {
  it("lists each unit's tasks in list order, every unit present even without tasks", () => {
    const map = tasksByUnit(LIST);
    expect([...map.keys()]).toEqual(LIST.units);
    expect([...map.values()].map((ts) => ts.map((t) => t.id))).toEqual([[1, 2, 5], [1], [2], []]);
  });
});
