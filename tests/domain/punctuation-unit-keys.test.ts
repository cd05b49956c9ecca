import { bracketsBalanced, parseTaskList, unitKey } from "../../src/domain";

/**
 * Two spellings of one unit (widths, stray spaces) share a key: aliases and contact lists
 * typed by hand match the list's units by it. A unit whose brackets are closed before they
 * open is a fragment of a split name and is flagged, never made into a unit sheet.
 */
describe("unit keys", () => {
  it("ignores spaces of any kind and the width of punctuation", () => {
    expect(unitKey(" 省 人力资源\u3000社会保障厅 ")).toBe("省人力资源社会保障厅");
    expect(unitKey("各市、县（市、区）\t人民政府")).toBe(unitKey("各市、县(市、区)人民政府"));
    expect(unitKey("省 教育厅")).toBe(unitKey("省教育厅"));
  });

  it("applies a caller's alias typed with spaces to the list's spelling", () => {
    const list = parseTaskList("序号\t政策内容\t责任部门\n1\t落实就业补贴政策\t省人社厅、省财政厅", { aliases: { "省 人社厅": "省人力资源社会保障厅" } });
    expect(list.tasks[0].units).toEqual(["省人力资源社会保障厅", "省财政厅"]);
  });
});

describe("brackets closed before they open", () => {
  it("are unbalanced, in either width", () => {
    expect(bracketsBalanced("县)市(区")).toBe(false);
    expect(bracketsBalanced("县）市（区")).toBe(false);
    expect(bracketsBalanced("各市、县(市、区)人民政府")).toBe(true);
  });

  it("flag the unit in the parsed list with the line it came from", () => {
    const list = parseTaskList("序号\t政策内容\t责任部门\n1\t推进县域职业教育发展\t省教育厅\n2\t完善县域医共体建设\t省卫生健康委、区）各县（市");
    const flag = list.flagged?.find((f) => f.unit === "区）各县（市");
    expect(flag?.line).toBe(3);
    expect(flag?.reason).toMatch(/括号不成对/);
  });
});
