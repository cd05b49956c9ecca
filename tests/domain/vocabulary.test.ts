import {
  DEFAULT_VOCABULARY,
  EMPTY_REPORT,
  KEY,
  MEANINGS,
  PRESETS,
  PRESET_IDS,
  describeVocabularyChange,
  normaliseStatus,
  periodName,
  previewVocabularyChange,
  reportKey,
  vocabularyFromJson,
  vocabularyFromMeta,
  vocabularyFromText,
  vocabularyToJson,
  vocabularyToMeta,
  wordsOf,
} from "../../src/domain";
import { problemsOf } from "../support/vocabulary-problems";


const CUSTOM = {
  name: "本厅用语",
  statuses: [
    { word: "未动", meaning: "notStarted" },
    { word: "在办", meaning: "progress", synonyms: ["办理中"] },
    { word: "办完", meaning: "done", colour: "#00FF00", synonyms: ["完成"] },
    { word: "拖了", meaning: "late" },
    { word: "常抓", meaning: "standing" },
  ],
  cadence: "季",
};

describe("presets", () => {
  it.each(PRESET_IDS)("%s has one status per meaning, distinct words, and reads back from its own file format", (id) => {
    const v = PRESETS[id];
    expect(v.statuses.map((s) => s.meaning)).toEqual(MEANINGS);
    const words = v.statuses.flatMap((s) => [s.word, ...s.synonyms]);
    expect(new Set(words).size).toBe(words.length);
    const again = vocabularyFromJson(vocabularyToJson(v));
    expect({ ...again, id }).toEqual({ ...v, statuses: v.statuses.map((s) => ({ ...s, synonyms: [...s.synonyms] })) });
  });

  it("no word means two different things across the presets (old words map without guessing)", () => {
    const meaningOfWord = new Map<string, string>();
    for (const id of PRESET_IDS) {
      for (const s of PRESETS[id].statuses) {
        for (const w of [s.word, ...s.synonyms]) {
          expect([w, meaningOfWord.get(w) ?? s.meaning]).toEqual([w, s.meaning]);
          meaningOfWord.set(w, s.meaning);
        }
      }
    }
  });

  it("the default is our five words, as before", () => {
    expect(wordsOf(DEFAULT_VOCABULARY)).toEqual(["未启动", "推进中", "已完成", "滞后", "长期坚持"]);
  });
});

describe("normalising a typed status through a vocabulary", () => {
  it("reads each preset's words and synonyms as keys", () => {
    expect(normaliseStatus("序时推进", PRESETS.schedule)).toBe(KEY.progress);
    expect(normaliseStatus(" 进度 滞后 ", PRESETS.schedule)).toBe(KEY.late);
    expect(normaliseStatus("已办结", PRESETS.handling)).toBe(KEY.done);
    expect(normaliseStatus("持续推进", PRESETS.handling)).toBe(KEY.standing);
    expect(normaliseStatus("办理中", PRESETS.handling)).toBe(KEY.progress);
  });

  it("reads a return still in the old vocabulary", () => {
    expect(normaliseStatus("推进中", PRESETS.handling)).toBe(KEY.progress);
    expect(normaliseStatus("序时推进", PRESETS.handling)).toBe(KEY.progress);
    expect(normaliseStatus("尚未办理")).toBe(KEY.notStarted);
  });

  it("a custom vocabulary's own words win, and an unknown word is never guessed", () => {
    const custom = vocabularyFromJson(CUSTOM);
    expect(normaliseStatus("办完", custom)).toBe(KEY.done);
    expect(normaliseStatus("拖了", custom)).toBe(KEY.late);
    expect(normaliseStatus("拖了")).toBeUndefined();
    expect(normaliseStatus("差不多", custom)).toBeUndefined();
    expect(normaliseStatus("", custom)).toBe("");
  });
});

describe("a custom vocabulary", () => {
  it("fills in colours, report columns from our preset, and keeps its cadence", () => {
    const v = vocabularyFromJson(CUSTOM);
    expect(wordsOf(v)).toEqual(["未动", "在办", "办完", "拖了", "常抓"]);
    expect(v.statuses[2].colour).toEqual({ fill: "#00FF00" });
    expect(v.statuses[0].colour).toEqual(PRESETS.ours.statuses[0].colour);
    expect(v.reportColumns).toBe(DEFAULT_VOCABULARY.reportColumns);
    expect(v.cadence).toBe("季");
    expect(v.id).toBe("custom");
  });

  it("lists every problem with where it is and how to fix it", () => {
    const problems = problemsOf({
      statuses: [
        { word: "在办", meaning: "progress" },
        { word: "在办", meaning: "done" },
        { word: "a\"b", meaning: "late" },
        { word: "常抓", meaning: "forever", colour: "green" },
      ],
      cadence: "周",
    });
    expect(problems).toEqual([
      "第 2 个状态“在办”与第 1 个状态“在办”重复；每个词只能属于一个状态，请删去其中一个。",
      "第 3 个状态的名称 word 含有引号、逗号或等号（下拉列表和公式无法使用）；请改为不超过 12 个字的词语。",
      "第 4 个状态（“常抓”）的含义 meaning 为“forever”；请填写 notStarted、progress、done、late、standing 之一。",
      "第 4 个状态（“常抓”）的颜色 colour 为“green”；请写成 #RRGGBB，如 #C6EFCE。",
      "没有含义为 notStarted（相当于“未启动”）的状态；请补上一个。",
      "没有含义为 standing（相当于“长期坚持”）的状态；请补上一个。",
      "填报周期 cadence 为“周”；请填写 月、双月、季 之一。",
    ]);
  });

  it("refuses a word the tracker writes itself, two statuses of one meaning, bad JSON", () => {
    const base = CUSTOM.statuses;
    expect(problemsOf({ statuses: [...base.slice(0, 4), { word: "逾期", meaning: "standing" }] })).toEqual([
      "第 5 个状态的名称 word 与跟踪表自用的“逾期”重名；请改为不超过 12 个字的词语。",
    ]);
    expect(problemsOf({ statuses: [...base, { word: "又完了", meaning: "done" }] })).toEqual([
      "含义为 done 的状态有 2 个；每种含义只能有一个状态，其余的请写为同义词 synonyms。",
    ]);
    expect(problemsOf([])).toEqual(["词汇文件不是一个 JSON 对象；请按说明写成 { \"statuses\": [...] } 的形式。"]);
    expect(() => vocabularyFromText("{ statuses: ", "本厅.json ")).toThrow(/^词汇定义有 1 处问题：\n1\. 本厅\.json 不是有效的 JSON/);
  });

  it("checks report columns", () => {
    expect(problemsOf({ ...CUSTOM, reportColumns: [{ field: "phone", name: "联系电话" }, { field: "phone", name: "" }] })).toEqual([
      "第 2 个报送列的 field “phone”重复；每种内容只能有一列。",
      "第 2 个报送列缺少列名 name；请填写表头文字，如“本期进展情况”。",
      "报送列中没有 progress（本期进展情况）；这一列必须保留。",
    ]);
  });
});

describe("the vocabulary in the tracker's metadata", () => {
  it("a preset is kept by id, a custom one in full; none means ours", () => {
    expect(vocabularyToMeta(PRESETS.schedule)).toBe("schedule");
    expect(vocabularyFromMeta({ vocabulary: "schedule" })).toBe(PRESETS.schedule);
    expect(vocabularyFromMeta({})).toBe(DEFAULT_VOCABULARY);
    const custom = vocabularyFromJson(CUSTOM);
    expect(vocabularyFromMeta({ vocabulary: vocabularyToMeta(custom) })).toEqual(custom);
  });

  it("a damaged entry stops instead of reading statuses with the wrong words", () => {
    expect(() => vocabularyFromMeta({ vocabulary: "{broken" })).toThrow(/词汇定义已损坏，为免读错完成状态，未作修改/);
  });
});

describe("period names by cadence", () => {
  it.each([
    ["2026-11-28 10:00", "月", "2026年11月"],
    ["2026-11-28", "双月", "2026年11—12月"],
    ["2026-02-01", "双月", "2026年1—2月"],
    ["2026-11-28", "季", "2026年第四季度"],
    ["2026-03-31", "季", "2026年第一季度"],
    ["2026-04-01", "季", "2026年第二季度"],
  ] as const)("%s, %s → %s", (stamp, cadence, name) => {
    expect(periodName(stamp, cadence)).toBe(name);
  });
});

describe("changing the vocabulary of a tracker", () => {
  const reports = new Map([
    [reportKey(1, "甲"), { ...EMPTY_REPORT, status: KEY.done }],
    [reportKey(2, "甲"), { ...EMPTY_REPORT, status: KEY.done }],
    [reportKey(2, "乙"), { ...EMPTY_REPORT, status: KEY.progress }],
    [reportKey(3, "乙"), { ...EMPTY_REPORT, status: KEY.standing }],
    [reportKey(4, "乙"), EMPTY_REPORT],
  ]);

  it("maps each word to the new one of the same meaning and counts what changes", () => {
    const p = previewVocabularyChange(PRESETS.ours, PRESETS.handling, reports);
    expect(p.words).toEqual([
      { meaning: "notStarted", from: "未启动", to: "尚未办理", reports: 0 },
      { meaning: "progress", from: "推进中", to: "正在办理", reports: 1 },
      { meaning: "done", from: "已完成", to: "已办结", reports: 2 },
      { meaning: "late", from: "滞后", to: "办理滞后", reports: 0 },
      { meaning: "standing", from: "长期坚持", to: "持续推进", reports: 1 },
    ]);
    expect(p.carried).toBe(4);
    expect(p.cadence).toEqual({ from: "月", to: "双月" });
    expect(describeVocabularyChange(p)).toContain("“已完成”改为“已办结”（现有 2 条填报随之改写）");
    expect(describeVocabularyChange(p).at(-1)).toBe("共 4 条已填状态全部保留，含义不变。");
  });

  it("shows only what differs, and says so when nothing does", () => {
    const p = previewVocabularyChange(PRESETS.ours, PRESETS.schedule, reports);
    expect(p.words.map((w) => w.to)).toEqual(["尚未启动", "序时推进", "进度滞后"]);
    expect(p.columns).toContainEqual({ field: "phone", from: undefined, to: "联系电话" });
    expect(p.columns).toContainEqual({ field: "progress", from: "本期进展情况", to: "完成情况" });
    expect(describeVocabularyChange(previewVocabularyChange(PRESETS.ours, PRESETS.ours, reports))).toEqual(["词汇没有变化。"]);
  });
});
