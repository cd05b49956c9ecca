import fc from "fast-check";
import { parseTaskList, roleOf } from "../../src/domain";
import { foldWidth, toFullWidth, unitKey } from "../../src/domain/punctuation";
import { TaskList } from "../../src/domain/types";
import { corpus } from "../fixtures/task-lists/corpus";

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** What must not depend on punctuation width: tasks, their units by key, and who leads. */
function shape(list: TaskList) {
  return {
    tasks: list.tasks.map((t) => [t.id, foldWidth(t.text), t.units.map(unitKey), unitKey(t.units.find((u) => roleOf(t, u) === "牵头")!)]),
    units: list.units.map(unitKey),
  };
}

const UNITS = [
  "省教育厅", "省财政厅", "省人力资源社会保障厅", "各市、县(市、区)人民政府", "各县(市、区)人民政府",
  "各设区市、县(市、区)人民政府", "省发展改革委(省对口支援办)", "省委编办", "有关行业主管部门", "团省委",
];

const taskArb = fc.record({
  text: fc.constantFrom("完善职业教育标准体系,到2025年完成", "推进产教融合(含校企合作);每年度评估", "建设实训基地:分批推进", "落实教师企业实践制度"),
  units: fc.uniqueArray(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 4 }),
});

/** A list in one of the three styles, written with half-width marks. */
const listArb = fc.record({
  style: fc.constantFrom("table", "block", "inline"),
  tasks: fc.array(taskArb, { minLength: 1, maxLength: 8 }),
  section: fc.boolean(),
});

function render(l: { style: string; tasks: Array<{ text: string; units: string[] }>; section: boolean }): string {
  const lines = ["重点任务清单"];
  if (l.style === "table") lines.push("序号\t政策内容\t责任部门");
  if (l.section) lines.push("一、总体要求");
  l.tasks.forEach((t, i) => {
    if (l.style === "table") lines.push(`${i + 1}\t${t.text}\t${t.units[0]},${t.units.slice(1).join("、")}`);
    else if (l.style === "block") lines.push(`${i + 1}.${t.text}。`, `牵头单位:${t.units[0]}`, ...(t.units.length > 1 ? [`配合单位:${t.units.slice(1).join("、")}`] : []));
    else lines.push(`${i + 1}.${t.text}。(${t.units[0]}牵头${t.units.length > 1 ? `,${t.units.slice(1).join("、")}按职责分工负责` : ""})`);
  });
  lines.push("江西省教育厅");
  return lines.join("\n");
}

/** Each of , ; : ( ) turned full-width or left as it is, independently per occurrence. */
const mixWidths = (text: string, choices: boolean[]) => {
  let i = 0;
  return text.replace(/[,;:()]/g, (c) => (choices[i++ % choices.length] ? toFullWidth(c) : c));
};

describe("punctuation width never changes a unit, a task or a lead", () => {
  it("in generated lists of every style, all half-width, all full-width or mixed", () => {
    fc.assert(
      fc.property(listArb, fc.array(fc.boolean(), { minLength: 1, maxLength: 16 }), (l, choices) => {
        const half = render(l);
        const expected = shape(parseTaskList(half));
        expect(expected.tasks).toHaveLength(l.tasks.length);
        expect(expected.tasks.map((t) => t[2])).toEqual(l.tasks.map((t) => t.units.map(unitKey)));
        expect(shape(parseTaskList(toFullWidth(half)))).toEqual(expected);
        expect(shape(parseTaskList(mixWidths(half, choices)))).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  // CSV is left out: its comma is the field separator, not punctuation.
  const texts = corpus().filter((e) => e.text !== undefined && !e.fileName.endsWith(".csv"));

  it.each(texts.map((e) => [e.fileName, e.text!]))("in the corpus list %s, converted to full width and back", (_, text) => {
    const original = shape(parseTaskList(text));
    expect(shape(parseTaskList(toFullWidth(text)))).toEqual(original);
    expect(shape(parseTaskList(foldWidth(text)))).toEqual(original);
    expect(shape(parseTaskList(toFullWidth(foldWidth(text))))).toEqual(original);
  });
});
