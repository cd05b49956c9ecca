import { normaliseUnitName, splitUnits } from "../../src/domain";

/**
 * Cells the seed lists do not contain but a Word or CSV list can: nested brackets, line
 * breaks after a bracket, old Mac line ends, compound names at either end of a cell, and
 * county parts that follow a city part without being a known compound name.
 */
describe("splitUnits: bracket depth", () => {
  it.each([
    // a separator inside nested brackets still belongs to the name
    ["某单位(含(甲)、乙)、丙", ["某单位(含(甲)、乙)", "丙"]],
    // a line break after a closed bracket separates units again
    ["某单位(含下属单位)\n省教育厅", ["某单位(含下属单位)", "省教育厅"]],
    // inside nested brackets a line break is only wrapping, after them it separates
    ["某单位(含(甲)\n乙)\n丙", ["某单位(含(甲)乙)", "丙"]],
    // 及 inside brackets is part of the name, not a join of two units
    ["某单位(甲及乙)", ["某单位(甲及乙)"]],
  ])("%j", (cell, units) => {
    expect(splitUnits(cell)).toEqual(units);
  });

  it("a lone carriage return (old Mac line end) separates units like a line feed", () => {
    expect(splitUnits("省财政厅\r省教育厅")).toEqual(["省财政厅", "省教育厅"]);
  });
});

describe("splitUnits: compound names and county parts", () => {
  it.each([
    ["省纪委、省监委、省财政厅", ["省纪委、省监委", "省财政厅"]],
    ["省财政厅、省纪委、省监委、省纪委、省监委", ["省财政厅", "省纪委、省监委"]],
    ["省纪委、省监委及省财政厅", ["省纪委、省监委", "省财政厅"]],
  ])("a known compound name stays whole wherever it stands: %j", (cell, units) => {
    expect(splitUnits(cell)).toEqual(units);
  });

  it.each([
    ["各市、县(市、区)卫生健康部门、省财政厅", ["各市、县(市、区)卫生健康部门", "省财政厅"]],
    ["各设区市、县(市、区)教育部门", ["各设区市、县(市、区)教育部门"]],
    ["省财政厅、县(市、区)政府", ["省财政厅", "县(市、区)政府"]],
    ["各市、省财政厅", ["各市", "省财政厅"]],
  ])("a county part joins only a preceding city part: %j", (cell, units) => {
    expect(splitUnits(cell)).toEqual(units);
  });
});

describe("normaliseUnitName", () => {
  it("drops the spaces between Latin words too, so a name compares the same however it was typed", () => {
    expect(normaliseUnitName("Tech Corp")).toBe("TechCorp");
    expect(splitUnits("Tech Corp、省财政厅")).toEqual(["TechCorp", "省财政厅"]);
  });
});
