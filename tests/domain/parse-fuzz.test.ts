import fc from "fast-check";
import { TaskList, TaskListError, parseTaskList, renderTaskListText } from "../../src/domain";

/** 10,000 inputs per property by default; FUZZ_RUNS raises or lowers it (npm run fuzz uses 100,000). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

const CJK = "政策内容推进职业教育落实建设完善机制改革人才培养省市县区部门任务目标到年底前期间“”《》:;、,。()";
const cjkText = (min: number, max: number) =>
  fc.array(fc.constantFrom(...CJK), { minLength: min, maxLength: max }).map((cs) => cs.join("").replace(/^[、,;]+/, "甲"));
const UNIT_POOL = ["省教育厅", "省财政厅", "省人力资源社会保障厅", "各市、县(市、区)人民政府", "省纪委省监委", "中华职教社", "团省委", "赣江新区管委会", "省委/省政府督查室", "[某]单位"];

function checkValid(list: TaskList): void {
  list.tasks.forEach((t, i) => {
    if (i > 0) expect(t.id).toBe(list.tasks[i - 1].id + 1);
    expect(t.units.length).toBeGreaterThan(0);
    expect(new Set(t.units).size).toBe(t.units.length);
    expect(t.text).not.toBe("");
    for (const u of t.units) expect(list.units).toContain(u);
  });
}

describe("parseTaskList on generated input", () => {
  it(`returns a valid list or a TaskListError naming a line, for ${RUNS} arbitrary texts`, () => {
    const line = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.tuple(fc.oneof(fc.nat(60).map(String), fc.string({ maxLength: 4 })), cjkText(0, 30), fc.array(fc.constantFrom(...UNIT_POOL, "", "等", "及"), { maxLength: 4 }))
        .map(([id, text, units]) => `${id}\t${text}\t${units.join("、")}`),
      fc.constant("序号\t政策内容\t责任部门"),
      fc.constant("<p>"),
      fc.constant(""),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const text = lines.join("\n");
        let list: TaskList;
        try {
          list = parseTaskList(text);
        } catch (e) {
          expect(e).toBeInstanceOf(TaskListError);
          const err = e as TaskListError;
          expect(err.problems.length).toBeGreaterThan(0);
          for (const p of err.problems) if (p.line !== undefined) expect(p.line).toBeGreaterThanOrEqual(1);
          expect(err.problems.every((p) => p.line === undefined || p.line <= Math.max(1, lines.length))).toBe(true);
          return;
        }
        checkValid(list);
      }),
      { numRuns: RUNS },
    );
  });

  it(`parse → render as text → parse gives the same list, for ${RUNS} generated lists`, () => {
    const task = fc.record({ text: cjkText(1, 80), units: fc.uniqueArray(fc.constantFrom(...UNIT_POOL), { minLength: 1, maxLength: 5 }) });
    fc.assert(
      fc.property(cjkText(1, 12), fc.array(task, { minLength: 1, maxLength: 12 }), fc.nat(5), (title, tasks, firstId) => {
        const text = [`清单${title}`, "序号\t政策内容\t责任部门", ...tasks.map((t, i) => `${firstId + i + 1}\t${t.text}\t${t.units.join("、")}`)].join("\n");
        const once = parseTaskList(text);
        checkValid(once);
        const twice = parseTaskList(renderTaskListText(once));
        expect(twice.tasks.map(({ line: _line, unitsText: _u, ...rest }) => rest)).toEqual(once.tasks.map(({ line: _line, unitsText: _u, ...rest }) => rest));
        expect(twice.units).toEqual(once.units);
        expect(twice.name).toEqual(once.name);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("hand-written hard cases", () => {
  it("GBK bytes decoded as UTF-8 are refused with the line", () => {
    const gbk = new TextDecoder("utf-8").decode(new Uint8Array([0x31, 0x0a, 0xd0, 0xf2, 0xba, 0xc5]));
    expect(() => parseTaskList(gbk)).toThrow(/第 2 行.*GBK/);
  });

  it("a Word table with a vertically merged units cell says how to fix it", () => {
    const text = "序号\t政策内容\t责任部门\n1\t任务一\t省教育厅\n2\t任务二\t\n3\t任务三\t";
    expect(() => parseTaskList(text)).toThrow(/第 3 行：序号 2 缺少责任部门.*合并单元格/);
  });

  it("a 10,000-character task text is kept whole", () => {
    const long = "推进".repeat(5000);
    expect(parseTaskList(`序号\t政策内容\t责任部门\n1\t${long}\t省教育厅`).tasks[0].text).toHaveLength(10_000);
  });

  it("unit names with / and [ survive as units", () => {
    expect(parseTaskList("序号\t政策内容\t责任部门\n1\t任务\t省委/省政府督查室、[某]单位").units).toEqual(["省委/省政府督查室", "[某]单位"]);
  });
});
