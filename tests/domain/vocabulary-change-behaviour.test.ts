import { PRESETS, Vocabulary, describeVocabularyChange, previewVocabularyChange, vocabularyFromJson, vocabularyToJson } from "../../src/domain";

/** Our preset as an office's file would give it back, with one thing changed. */
const oursWith = (change: (file: Record<string, unknown>) => Record<string, unknown>): Vocabulary =>
  vocabularyFromJson(change(vocabularyToJson(PRESETS.ours)));
const counts = { done: 2, progress: 1 };

describe("previewing a change of a tracker's vocabulary", () => {
  it("a new word alone is a change, shown with the reports it rewrites", () => {
    const to = oursWith((f) => ({
      ...f,
      statuses: (f.statuses as { word: string }[]).map((s) => (s.word === "已完成" ? { ...s, word: "已落实", synonyms: ["完成"] } : s)),
    }));
    const p = previewVocabularyChange(PRESETS.ours, to, counts);
    expect(p.unchanged).toBe(false);
    expect(p.columns).toEqual([]);
    expect(p.cadence).toBeUndefined();
    expect(describeVocabularyChange(p)).toEqual(["“已完成”改为“已落实”（现有 2 条填报随之改写）", "共 3 条已填状态全部保留，含义不变。"]);
  });

  it("new column headers alone are a change: renamed, added and dropped columns each get a line", () => {
    const to = oursWith((f) => ({
      ...f,
      reportColumns: [
        { field: "progress", name: "完成情况", required: true },
        { field: "problems", name: "存在问题", required: false },
        { field: "nextSteps", name: "下步计划", required: false },
        { field: "reporter", name: "填报人", required: true },
        { field: "phone", name: "联系电话", required: true },
        { field: "reportDate", name: "填报日期", required: true },
      ],
    }));
    const p = previewVocabularyChange(PRESETS.ours, to, counts);
    expect(p.unchanged).toBe(false);
    expect(p.words).toEqual([]);
    expect(describeVocabularyChange(p)).toEqual([
      "列“本期进展情况”改名为“完成情况”",
      "不再使用列“佐证材料”",
      "新增列“联系电话”",
      "共 3 条已填状态全部保留，含义不变。",
    ]);
  });

  it("a new cadence alone is a change", () => {
    const p = previewVocabularyChange(PRESETS.ours, oursWith((f) => ({ ...f, cadence: "季" })), counts);
    expect(p.unchanged).toBe(false);
    expect([p.words, p.columns]).toEqual([[], []]);
    expect(describeVocabularyChange(p)).toEqual(["填报周期由“月”改为“季”", "共 3 条已填状态全部保留，含义不变。"]);
  });

  it("the same words, headers and cadence from a file are no change at all", () => {
    const p = previewVocabularyChange(PRESETS.ours, oursWith((f) => f), counts);
    expect(p).toEqual({ words: [], columns: [], carried: 3, unchanged: true });
    expect(describeVocabularyChange(p)).toEqual(["词汇没有变化。"]);
  });
});
