import { parseTaskList } from "../../src/domain";
import { SEED_PATH, seedText } from "../support/seed";
import { readFileSync } from "fs";

const CITY_COUNTY = "各市、县(市、区)人民政府";

/** Written by hand from the published table (not from the parser's output). */
const EXPECTED_UNITS: Record<number, string> = {
  1: "省委组织部|省教育厅",
  2: `省委组织部|省教育厅|有关行业主管部门|${CITY_COUNTY}`,
  3: "省教育厅|省发展改革委|各市人民政府",
  4: "省人力资源社会保障厅|省国资委|省工商联",
  5: "省委组织部|省人力资源社会保障厅|省教育厅|省总工会|省国资委|省财政厅",
  6: "省总工会|省人力资源社会保障厅|团省委|省妇联|中华职教社",
  7: `省委组织部|省人力资源社会保障厅|${CITY_COUNTY}`,
  8: "省人力资源社会保障厅|省教育厅",
  9: "省发展改革委|省自然资源厅|省财政厅|省教育厅|省人力资源社会保障厅",
  10: "省教育厅|省委编办|省科技厅|省发展改革委|省工业和信息化厅|省人力资源社会保障厅",
  11: "省人力资源社会保障厅|省教育厅|省工业和信息化厅|有关行业主管部门",
  12: "省教育厅|省外办",
  13: "省教育厅|省人力资源社会保障厅|省退役军人厅|省农业农村厅",
  14: "省教育厅|省人力资源社会保障厅|省财政厅",
  15: "省教育厅|省扶贫办|省人力资源社会保障厅|省退役军人厅|省农业农村厅",
  16: "省教育厅|省体育局|省委宣传部|有关行业主管部门",
  17: "南昌市人民政府|省财政厅|省自然资源厅|省工业和信息化厅|省教育厅",
  18: "省委组织部|省委编办|省发展改革委|省教育厅|省人力资源社会保障厅|相关高职院校主管部门",
  19: `省教育厅|省发展改革委|省人力资源社会保障厅|${CITY_COUNTY}`,
  20: `省委编办|省人力资源社会保障厅|省教育厅|${CITY_COUNTY}`,
  21: `省财政厅|省人力资源社会保障厅|省教育厅|省发展改革委|${CITY_COUNTY}`,
  22: `省发展改革委|省财政厅|${CITY_COUNTY}`,
  23: "省教育厅",
  24: "省教育厅|省人力资源社会保障厅",
  25: "各县(市、区)人民政府",
  26: `省教育厅|省人力资源社会保障厅|省财政厅|${CITY_COUNTY}`,
  27: `省教育厅|省人力资源社会保障厅|${CITY_COUNTY}`,
  28: `省教育厅|省人力资源社会保障厅|省财政厅|${CITY_COUNTY}|有关行业主管部门`,
  29: "省教育厅",
  30: "省教育厅|省委编办",
  31: "省教育厅",
  32: "省教育厅",
  33: "省教育厅",
  34: "省教育厅|省财政厅",
  35: "省教育厅",
  36: "省政务服务办|省教育厅|省发展改革委|省纪委省监委|省人力资源社会保障厅|省国资委|省工商联",
  37: "省教育厅|省发展改革委|省自然资源厅|省人力资源社会保障厅|南昌市人民政府|赣江新区管委会|共青城市人民政府|新余市人民政府|赣州市人民政府",
  38: "省发展改革委|省财政厅|省自然资源厅|省税务局|省教育厅",
  39: "省教育厅|省人力资源社会保障厅|省发展改革委|省财政厅|省国资委|省工商联|省市场监管局",
  40: "省教育厅|省人力资源社会保障厅|有关行业主管部门",
  41: "省教育厅|省人力资源社会保障厅",
  42: "省教育厅|省人力资源社会保障厅",
  43: "省教育厅|省委编办|省人力资源社会保障厅",
  44: "省教育厅",
  45: "省教育厅",
  46: "省财政厅|省外办|省科技厅|省教育厅",
  47: `${CITY_COUNTY}|省人力资源社会保障厅|省财政厅|省教育厅`,
  48: `省教育厅|省委宣传部|${CITY_COUNTY}`,
  49: `省教育厅|省委宣传部|省文化和旅游厅|省委党史办|${CITY_COUNTY}`,
  50: "省教育厅|省文化和旅游厅",
};

const EXPECTED_CANONICAL_UNITS = [
  "省委组织部", "省教育厅", "有关行业主管部门", CITY_COUNTY, "省发展改革委", "各市人民政府",
  "省人力资源社会保障厅", "省国资委", "省工商联", "省总工会", "省财政厅", "团省委", "省妇联",
  "中华职教社", "省自然资源厅", "省委编办", "省科技厅", "省工业和信息化厅", "省外办",
  "省退役军人厅", "省农业农村厅", "省扶贫办", "省体育局", "省委宣传部", "南昌市人民政府",
  "相关高职院校主管部门", "各县(市、区)人民政府", "省政务服务办", "省纪委省监委",
  "赣江新区管委会", "共青城市人民政府", "新余市人民政府", "赣州市人民政府", "省税务局",
  "省市场监管局", "省文化和旅游厅", "省委党史办",
];

/** The source's task cells, read with a plain split so the parser is checked against the file itself. */
function sourceTexts(): Map<number, string> {
  const map = new Map<number, string>();
  for (const line of readFileSync(SEED_PATH, "utf8").split("\n")) {
    const cells = line.split("\t");
    if (/^\d+$/.test(cells[0])) map.set(Number(cells[0]), cells[1].replace(/<\/?p>/g, "").replace(/\s+/g, ""));
  }
  return map;
}

describe("the built-in Jiangxi list", () => {
  const list = parseTaskList(seedText());

  it("has the 50 tasks numbered 1 to 50 and the table's title", () => {
    expect(list.name).toBe("江西省工作任务清单");
    expect(list.tasks.map((t) => t.id)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("keeps every task text without tags or stray whitespace", () => {
    const source = sourceTexts();
    for (const task of list.tasks) {
      expect(task.text).not.toMatch(/<|>|^\s|\s$|\s{2}/);
      expect(task.text.replace(/\s+/g, "")).toBe(source.get(task.id));
    }
    expect(list.tasks[25].text).toBe("到2022年,全省中等职业学校全部达到国家设置标准");
    expect(list.tasks[16].text.startsWith("高标准如期建成国家职业教育虚拟仿真示范实训基地")).toBe(true);
  });

  it("splits each task's units, first-listed unit leading", () => {
    for (const task of list.tasks) {
      expect(task.units.join("|")).toBe(EXPECTED_UNITS[task.id]);
      expect(task.units[0]).toBe(EXPECTED_UNITS[task.id].split("|")[0]);
    }
    expect(list.tasks.reduce((n, t) => n + t.units.length, 0)).toBe(171);
  });

  it("finds the 37 canonical units in order of first appearance", () => {
    expect(list.units).toEqual(EXPECTED_CANONICAL_UNITS);
  });

  it("extracts the stated deadlines and keeps their wording", () => {
    const deadlines = Object.fromEntries(list.tasks.filter((t) => t.deadline.kind !== "none").map((t) => [t.id, t.deadline]));
    expect(deadlines).toEqual({
      13: { kind: "yearly", wording: "年度" },
      17: { kind: "date", date: "2022-12-31", wording: "到2022年" },
      21: { kind: "date", date: "2025-12-31", wording: "“十四五”期间" },
      26: { kind: "date", date: "2022-12-31", wording: "到2022年" },
      27: { kind: "date", date: "2022-12-31", wording: "到2022年" },
      41: { kind: "from", year: 2021, wording: "2021年起" },
      46: { kind: "yearly", wording: "年度" },
    });
  });

  it("records the source line of each task for previews and errors", () => {
    expect(list.tasks[0].line).toBe(6);
    expect(list.tasks[16].line).toBe(28);
  });
});
