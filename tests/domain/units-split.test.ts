import { canonicalUnit, normaliseStatus, normaliseUnitName, splitUnits } from "../../src/domain";

describe("splitUnits: brackets, 等 and 及", () => {
  it.each([
    ["某单位(含下属单位)、省教育厅", ["某单位(含下属单位)", "省教育厅"]],
    ["某单位(含下属单位,直属机构)、省教育厅", ["某单位(含下属单位,直属机构)", "省教育厅"]],
    ["各高等学校", ["各高等学校"]],
    ["省教育厅、各高等学校等", ["省教育厅", "各高等学校"]],
    ["省教育厅等", ["省教育厅"]],
    ["省财政厅及省教育厅", ["省财政厅", "省教育厅"]],
    ["省财政厅;省教育厅,省人社厅", ["省财政厅", "省教育厅", "省人社厅"]],
    ["省财政厅、省财政厅", ["省财政厅"]],
    ["省财政厅、、省教育厅", ["省财政厅", "省教育厅"]],
    ["省财政厅\n省教育厅", ["省财政厅", "省教育厅"]],
    ["省财政厅\r\n省教育厅", ["省财政厅", "省教育厅"]],
    ["某单位(含下属\n单位)、省教育厅", ["某单位(含下属单位)", "省教育厅"]],
    ["某单位)、省教育厅", ["某单位)", "省教育厅"]],
  ])("%j", (cell, units) => {
    expect(splitUnits(cell)).toEqual(units);
  });

  it("applies the caller's aliases and drops a unit that an alias makes a duplicate", () => {
    expect(splitUnits("教育厅、省教育厅、财政厅", { 教育厅: "省教育厅" })).toEqual(["省教育厅", "财政厅"]);
    expect(canonicalUnit(" 教育 厅 ", { 教育厅: "省教育厅" })).toBe("省教育厅");
    expect(canonicalUnit("财政厅", { 教育厅: "省教育厅" })).toBe("财政厅");
    expect(normaliseUnitName(" 省 教育厅 ")).toBe("省教育厅");
  });
});

describe("normaliseStatus: an absent cell", () => {
  it("reads undefined as an empty status, whitespace alone as empty", () => {
    expect(normaliseStatus(undefined)).toBe("");
    expect(normaliseStatus(" \u3000 ")).toBe("");
    expect(normaliseStatus("长期")).toBe("长期坚持");
    expect(normaliseStatus("未开始")).toBe("未启动");
  });
});
