import { applyUnitOverrides, parseOverrides, parseTaskList } from "../../src/domain";

const list = parseTaskList("序号\t政策内容\t责任部门\n1\t甲\t省教育厅、教育厅、省财政厅\n2\t乙\t教育厅\n3\t丙\t省财政厅");

describe("unit renames and merges", () => {
  it("merging two spellings leaves one unit per task, lead first", () => {
    const merged = applyUnitOverrides(list, { 教育厅: "省教育厅" });
    expect(merged.tasks.map((t) => t.units)).toEqual([["省教育厅", "省财政厅"], ["省教育厅"], ["省财政厅"]]);
    expect(merged.units).toEqual(["省教育厅", "省财政厅"]);
  });

  it("renames follow chains and ignore cycles", () => {
    expect(applyUnitOverrides(list, { 省财政厅: "财政", 财政: "江西省财政厅" }).units).toContain("江西省财政厅");
    expect(() => applyUnitOverrides(list, { 省财政厅: "甲", 甲: "省财政厅" })).not.toThrow();
  });

  it("keeps the list as it is without overrides, and reads saved overrides strictly", () => {
    expect(applyUnitOverrides(list, {})).toBe(list);
    expect(parseOverrides('{"a":"b","n":1}')).toEqual({ a: "b" });
    expect(parseOverrides(undefined)).toEqual({});
    expect(() => parseOverrides("not json")).toThrow("单位改名/合并设置已损坏");
  });
});
