import { parseTaskList } from "../../src/domain";
import { SEED_PATH, seedText } from "../support/seed";
import { readFileSync } from "fs";
import { EXPECTED_CANONICAL_UNITS, EXPECTED_UNITS } from "../fixtures/jiangxi-expected";

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
