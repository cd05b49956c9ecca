/**
 * Deterministic synthetic task lists shaped like the Jiangxi one: a title line, a
 * tab-separated 序号 / 政策内容 / 责任部门 table whose header repeats every few rows (as
 * when copied from a multi-page Word table), 1–8 units per task joined by "、", long
 * texts and a spread of deadline wordings. Same seed and sizes → byte-identical text.
 */
import { readFileSync } from "fs";
import path from "path";
import { extractDeadline } from "../src/domain/deadline";
import { parseTaskList } from "../src/domain/parse-task-list";
import { cleanCellText } from "../src/domain/text-cleanup";
import { TaskList } from "../src/domain/types";

export const SEED_LIST_PATH = path.resolve(__dirname, "../seeds/jiangxi-vocational-education-tasks.txt");

/** mulberry32: tiny, fast, and good enough to make shapes vary; not for anything secret. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Domain words and suffixes give plausible, distinct provincial unit names. None contains
// "及" (a unit separator), ends in "等" (dropped as "and others"), or is an alias key.
const DOMAINS = [
  "教育", "财政", "科技", "民政", "司法", "交通运输", "水利", "农业农村", "商务", "文化和旅游",
  "卫生健康", "审计", "统计", "林业", "体育", "医疗保障", "能源", "粮食和物资储备", "地震", "气象",
  "税务", "人民防空", "供销合作", "侨务", "档案", "信访", "机关事务管理", "住房城乡建设", "生态环境", "应急管理",
  "退役军人事务", "广播电视", "新闻出版", "国防科技工业", "乡村振兴", "数据管理", "知识产权", "药品监管", "邮政管理", "通信管理",
];
const SUFFIXES = ["厅", "局", "委", "办", "中心", "研究院", "服务中心", "协会"];
/** Real compound units, kept whole by the parser (exercises that path at every size). */
const COMPOUND = "各市、县(市、区)人民政府";

export function unitNames(count: number): string[] {
  const names: string[] = [];
  for (let s = 0; s < SUFFIXES.length && names.length < count; s++) {
    for (const d of DOMAINS) {
      if (names.length >= count) break;
      // the third unit is the compound one, like the Jiangxi list's frequent 各市、县… entry
      if (names.length === 2) names.push(COMPOUND);
      if (names.length < count) names.push(`省${d}${SUFFIXES[s]}`);
    }
  }
  if (names.length < count) throw new Error(`only ${names.length} distinct synthetic unit names, asked for ${count}`);
  return names;
}

/** Clauses of the real list without deadline words, so deadlines are only the ones we insert. */
function clausePool(): string[] {
  const text = readFileSync(SEED_LIST_PATH, "utf8");
  const clauses = new Set<string>();
  for (const line of text.split("\n")) {
    const cells = line.split("\t");
    if (!/^\d+$/.test(cells[0]?.trim() ?? "") || !cells[1]) continue;
    for (const c of cleanCellText(cells[1]).split(/[,。;]/)) {
      const clause = c.trim();
      if (clause.length >= 6 && extractDeadline(clause).kind === "none" && !/\d{4}/.test(clause)) clauses.add(clause);
    }
  }
  return [...clauses];
}

/** Deadline wordings and how often they occur (the rest of the tasks have none). */
const DEADLINES: Array<{ weight: number; make: (r: () => number) => string }> = [
  { weight: 0.18, make: (r) => `到${2022 + Math.floor(r() * 6)}年` },
  { weight: 0.12, make: (r) => `${2023 + Math.floor(r() * 5)}年底前` },
  { weight: 0.1, make: () => "“十四五”期间" },
  { weight: 0.05, make: (r) => `${2021 + Math.floor(r() * 4)}年起` },
  { weight: 0.05, make: () => "每年" },
];

export interface SyntheticSpec {
  tasks: number;
  units: number;
  seed?: number;
}

/** The list as the text a user would paste (UTF-8, tab-separated, "\n" line ends). */
export function syntheticListText(spec: SyntheticSpec): string {
  const r = prng(spec.seed ?? 20261128);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const clauses = clausePool();
  const units = unitNames(spec.units);
  // Zipf-like weights: a few units (like 省教育厅 in Jiangxi) are on most tasks.
  const weights = units.map((_, i) => 1 / Math.pow(i + 1, 0.9));
  const total = weights.reduce((a, b) => a + b, 0);
  const drawUnit = (): number => {
    let x = r() * total;
    for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return i;
    return weights.length - 1;
  };
  // 1–8 units per task, mostly 2–5 (Jiangxi: mean 3.4, max 8).
  const SIZE_WEIGHTS = [0.1, 0.2, 0.22, 0.18, 0.12, 0.08, 0.06, 0.04];
  const drawSize = (): number => {
    let x = r();
    for (let i = 0; i < SIZE_WEIGHTS.length; i++) if ((x -= SIZE_WEIGHTS[i]) < 0) return i + 1;
    return SIZE_WEIGHTS.length;
  };

  const taskUnits: number[][] = [];
  for (let t = 0; t < spec.tasks; t++) {
    const size = Math.min(drawSize(), units.length);
    const chosen: number[] = [];
    // the main unit leads most tasks, as 省教育厅 does in Jiangxi
    if (r() < 0.7) chosen.push(0);
    while (chosen.length < size) {
      const u = drawUnit();
      if (!chosen.includes(u)) chosen.push(u);
    }
    taskUnits.push(chosen);
  }
  // Every unit must appear: give each unused one a task that still has room (as a supporter).
  const used = new Set(taskUnits.flat());
  let cursor = 0;
  for (let u = 0; u < units.length; u++) {
    if (used.has(u)) continue;
    while (taskUnits[cursor % taskUnits.length].length >= 8) cursor++;
    taskUnits[cursor % taskUnits.length].push(u);
    cursor += 7;
    used.add(u);
  }

  const header = "序号\t政 策 内 容\t责 任 部 门";
  const lines = ["", "", `合成任务清单(${spec.tasks}项任务,${spec.units}个责任单位)`, "", header];
  for (let t = 0; t < spec.tasks; t++) {
    // Repeated header rows with blank lines around them, like the pasted Word table.
    if (t > 0 && t % 25 === 0) lines.push("", header);
    // 60–290 characters of clauses, plus up to 9 of deadline wording: 60–300 in all.
    const target = 60 + Math.floor(r() * 231);
    let text = "";
    while (text.length < target) text += (text ? "," : "") + pick(clauses);
    text = text.slice(0, target);
    let x = r();
    for (const d of DEADLINES) {
      if ((x -= d.weight) < 0) {
        const at = Math.floor(r() * Math.max(1, text.length - 10));
        text = `${text.slice(0, at)}${d.make(r)}${text.slice(at)}`;
        break;
      }
    }
    lines.push(`${t + 1}\t${text}。\t${taskUnits[t].map((u) => units[u]).join("、")}`);
  }
  return lines.join("\n") + "\n";
}

/** Text and parsed list, checked to have exactly the requested shape. */
export function syntheticList(spec: SyntheticSpec): { text: string; list: TaskList } {
  const text = syntheticListText(spec);
  const list = parseTaskList(text);
  if (list.tasks.length !== spec.tasks || list.units.length !== spec.units) {
    throw new Error(`synthetic list parsed to ${list.tasks.length} tasks / ${list.units.length} units, wanted ${spec.tasks} / ${spec.units}`);
  }
  return { text, list };
}
