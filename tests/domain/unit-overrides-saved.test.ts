import { applyUnitOverrides, parseOverrides, parseTaskList } from "../../src/domain";

// Overrides come back from the tracker's 元数据 sheet, where anyone can edit them by hand.
const list = parseTaskList(
  "序号\t政策内容\t牵头单位\t配合单位\n" +
    "1\t落实学前教育经费保障机制\t省教育厅\t省财政厅\n" +
    "2\t开展县域义务教育质量评估\t教育厅\t\n" +
    "3\t支持农村薄弱学校改善办学条件\t省财政厅\t省教育厅、省发展改革委",
);

describe("unit overrides as saved in a tracker", () => {
  it("merges into the existing unit when the saved target has stray spaces", () => {
    const merged = applyUnitOverrides(list, { 教育厅: " 省教育厅 " });
    expect(merged.tasks.map((t) => t.units)).toEqual([["省教育厅", "省财政厅"], ["省教育厅"], ["省财政厅", "省教育厅", "省发展改革委"]]);
    expect(merged.units).toEqual(["省教育厅", "省财政厅", "省发展改革委"]);
  });

  it("keeps the unit when the saved target is blank: no blank unit, no assignment dropped", () => {
    for (const blank of ["", "  ", "\u3000"]) {
      const changed = applyUnitOverrides(list, { 省发展改革委: blank });
      const all = [...changed.units, ...changed.tasks.flatMap((t) => t.units)];
      expect(all.every((u) => u !== "" && u.trim() === u)).toBe(true);
      expect(changed.tasks[2].units).toEqual(["省财政厅", "省教育厅", "省发展改革委"]);
      expect(changed.units).toEqual(["省教育厅", "省财政厅", "教育厅", "省发展改革委"]);
    }
  });

  it("reads saved settings that are not an object of names as no overrides", () => {
    expect(parseOverrides("null")).toEqual({});
    expect(parseOverrides('"省教育厅"')).toEqual({});
    expect(parseOverrides("12")).toEqual({});
    expect(parseOverrides("true")).toEqual({});
    expect(parseOverrides('["省教育厅"]')).toEqual({});
    expect(parseOverrides('{"教育厅":"省教育厅","省财政厅":null}')).toEqual({ 教育厅: "省教育厅" });
  });
});
