import { canonicalUnit, splitUnits } from "../../src/domain";

describe("splitUnits", () => {
  it.each([
    ["省委组织部、省教育厅及有关行业主管部门,各市、县(市、区)人民政府", ["省委组织部", "省教育厅", "有关行业主管部门", "各市、县(市、区)人民政府"]],
    ["省教育厅、省农业农村厅等", ["省教育厅", "省农业农村厅"]],
    ["省政务服务办、省纪委省监委", ["省政务服务办", "省纪委省监委"]],
    ["省教育厅,省财政厅;省科技厅", ["省教育厅", "省财政厅", "省科技厅"]],
    ["省人社厅、省人力资源社会保障厅", ["省人力资源社会保障厅"]],
    ["相关行业主管部门、各行业主管部门", ["有关行业主管部门"]],
    ["各县(市、区)人民政府", ["各县(市、区)人民政府"]],
    ["  省教育厅 ", ["省教育厅"]],
    ["", []],
  ])("%s", (cell, units) => {
    expect(splitUnits(cell)).toEqual(units);
  });

  it("takes a caller's alias table", () => {
    expect(splitUnits("教育厅、财政厅", { 教育厅: "省教育厅" })).toEqual(["省教育厅", "财政厅"]);
  });

  it("canonicalUnit folds bracket width and aliases", () => {
    expect(canonicalUnit("各市、县(市、区)人民政府")).toBe("各市、县(市、区)人民政府");
    expect(canonicalUnit("省发改委")).toBe("省发展改革委");
  });
});
