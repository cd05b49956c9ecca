import { vocabularyFromJson, vocabularyFromMeta, vocabularyFromText, wordsOf } from "../../src/domain";
import { problemsOf } from "../support/vocabulary-problems";

/** The words a 督查室 might put in its vocabulary file. */
const OFFICE = [
  { word: "未开展", meaning: "notStarted" },
  { word: "正在推进", meaning: "progress" },
  { word: "已落实", meaning: "done" },
  { word: "进度滞后", meaning: "late" },
  { word: "常态推进", meaning: "standing" },
];
const FIX_MEANING = "请填写 notStarted、progress、done、late、standing 之一。";

const withStatus = (i: number, status: unknown) => ({ statuses: OFFICE.map((s, j) => (j === i ? status : s)) });
const withColumns = (reportColumns: unknown) => ({ statuses: OFFICE, reportColumns });

describe("a vocabulary file the coordinator loads", () => {
  it("takes the office's words, fills colours it leaves out from the meaning, and trims its name and headers", () => {
    const v = vocabularyFromJson({
      id: "督查室2026",
      name: "  督查室用语 ",
      statuses: [
        OFFICE[0],
        { word: "正在推进", meaning: "progress", colour: "#ddebf7", fontColor: "#1f4e78", synonyms: [" 推进 中 ", "ＯＫ中"] },
        { word: "已落实", meaning: "done", synonyms: ["已办结"] },
        { word: "进度滞后", meaning: "late", colour: "#ffc000" },
        OFFICE[4],
      ],
      reportColumns: [
        { field: "progress", name: " 完成情况 ", required: true },
        { field: "reporter", name: "责任人" },
      ],
      cadence: "双月",
    });
    expect(v.id).toBe("督查室2026");
    expect(v.name).toBe("督查室用语");
    expect(wordsOf(v)).toEqual(["未开展", "正在推进", "已落实", "进度滞后", "常态推进"]);
    expect(v.statuses.map((s) => s.colour)).toEqual([
      { fill: "#EDEDED" },
      { fill: "#DDEBF7", fontColor: "#1F4E78" },
      // No colour given: the meaning's own fill and font colour.
      { fill: "#C6EFCE", fontColor: "#006100" },
      // A fill of its own: no font colour is borrowed from the default.
      { fill: "#FFC000" },
      { fill: "#E2EFDA" },
    ]);
    expect(v.statuses[1].synonyms).toEqual(["推进中", "OK中"]);
    expect(v.statuses[2].synonyms).toEqual(["已办结"]);
    expect(v.reportColumns).toEqual([
      { field: "progress", name: "完成情况", required: true },
      { field: "reporter", name: "责任人", required: false },
    ]);
    expect(v.cadence).toBe("双月");
  });

  it("is named after its words, and called custom, when the file gives no usable name or id", () => {
    for (const extra of [{}, { name: "   ", id: "" }, { name: 7, id: 2026 }]) {
      const v = vocabularyFromJson({ ...extra, statuses: OFFICE });
      expect([v.name, v.id]).toEqual(["未开展/正在推进/已落实/进度滞后/常态推进", "custom"]);
    }
  });

  it("accepts a word of 12 characters and refuses one of 13 or an empty one", () => {
    expect(wordsOf(vocabularyFromJson(withStatus(1, { word: "按序时进度稳步推进落实中", meaning: "progress" })))[1]).toBe("按序时进度稳步推进落实中");
    expect(problemsOf(withStatus(1, { word: "按序时进度稳步推进落实中了", meaning: "progress" }))).toEqual([
      "第 2 个状态的名称 word 有 13 个字，超过 12 个字；请改为不超过 12 个字的词语。",
    ]);
    expect(problemsOf(withStatus(2, { word: " ", meaning: "done" }))).toEqual(["第 3 个状态的名称 word 是空的；请改为不超过 12 个字的词语。"]);
    expect(problemsOf(withStatus(2, { meaning: "done" }))).toEqual(["第 3 个状态的名称 word 是空的；请改为不超过 12 个字的词语。"]);
    expect(problemsOf(withStatus(2, { word: 3, meaning: "done" }))).toEqual(["第 3 个状态的名称 word 是空的；请改为不超过 12 个字的词语。"]);
  });

  it("names a status that is not an object, or has no meaning, by its position", () => {
    expect(problemsOf({ statuses: ["未开展", null, ...OFFICE.slice(2), { word: "正在推进", colour: "#DDEBF7" }] })).toEqual([
      "第 1 个状态不是对象；请写成 { \"word\": \"…\", \"meaning\": \"done\" }。",
      "第 2 个状态不是对象；请写成 { \"word\": \"…\", \"meaning\": \"done\" }。",
      `第 6 个状态（“正在推进”）的含义 meaning 为“”；${FIX_MEANING}`,
      "没有含义为 notStarted（相当于“未启动”）的状态；请补上一个。",
      "没有含义为 progress（相当于“推进中”）的状态；请补上一个。",
    ]);
  });

  it("an unknown meaning is reported as such, never as a crash or a colour problem", () => {
    // Without a colour of its own, the unknown meaning is the only thing wrong with the status.
    expect(problemsOf(withStatus(4, { word: "常抓", meaning: "forever" }))).toEqual([
      `第 5 个状态（“常抓”）的含义 meaning 为“forever”；${FIX_MEANING}`,
      "没有含义为 standing（相当于“长期坚持”）的状态；请补上一个。",
    ]);
  });

  it("refuses colours that are not #RRGGBB, including a colour written as a list or a number", () => {
    expect(problemsOf(withStatus(2, { word: "已落实", meaning: "done", colour: 123 }))).toEqual([
      "第 3 个状态（“已落实”）的颜色 colour 为 123（不是带引号的文字）；请写成 #RRGGBB，如 #C6EFCE。",
    ]);
    const listed = problemsOf(withStatus(2, { word: "已落实", meaning: "done", colour: ["#C6EFCE"] }));
    expect(listed).toEqual(['第 3 个状态（“已落实”）的颜色 colour 为 ["#C6EFCE"]（不是带引号的文字）；请写成 #RRGGBB，如 #C6EFCE。']);
    expect(problemsOf(withStatus(2, { word: "已落实", meaning: "done", fontColor: "red" }))).toEqual([
      "第 3 个状态（“已落实”）的字体颜色 fontColor 为“red”；请写成 #RRGGBB，或删去。",
    ]);
    const listedFont = problemsOf(withStatus(2, { word: "已落实", meaning: "done", fontColor: ["#006100"] }));
    expect(listedFont).toEqual(['第 3 个状态（“已落实”）的字体颜色 fontColor 为 ["#006100"]（不是带引号的文字）；请写成 #RRGGBB，或删去。']);
  });

  it("checks synonyms: a list of words, each usable and belonging to one status only", () => {
    const LIST = "应为文字列表，如 [\"完成\", \"已落实\"]。";
    expect(problemsOf(withStatus(2, { word: "已落实", meaning: "done", synonyms: "已办结" }))).toEqual([`第 3 个状态（“已落实”）的同义词 synonyms ${LIST}`]);
    expect(problemsOf(withStatus(2, { word: "已落实", meaning: "done", synonyms: ["已办结", 1] }))).toEqual([`第 3 个状态（“已落实”）的同义词 synonyms ${LIST}`]);
    expect(problemsOf(withStatus(2, { word: "已落实", meaning: "done", synonyms: ["已完成，待验收", ""] }))).toEqual([
      "第 3 个状态（“已落实”）的同义词“已完成,待验收”含有引号、逗号或等号（下拉列表和公式无法使用）；请修改或删去。",
      "第 3 个状态（“已落实”）的同义词“”是空的；请修改或删去。",
    ]);
    expect(
      problemsOf({
        statuses: [
          OFFICE[0],
          { word: "正在推进", meaning: "progress", synonyms: ["已落实"] },
          { word: "已落实", meaning: "done", synonyms: ["办结"] },
          { word: "进度滞后", meaning: "late", synonyms: ["办 结"] },
          OFFICE[4],
        ],
      }),
    ).toEqual([
      "第 3 个状态“已落实”与第 2 个状态的同义词“已落实”重复；每个词只能属于一个状态，请删去其中一个。",
      "第 4 个状态的同义词“办结”与第 3 个状态的同义词“办结”重复；每个词只能属于一个状态，请删去其中一个。",
    ]);
  });

  it("keeps the dropdown of all status words within Excel's 255 characters", () => {
    // Twenty statuses (four per meaning) of 11–12 characters, joined by commas.
    const statuses = (lengths: number[]) =>
      lengths.map((n, i) => ({ word: `第${"一二三四五六七八九十"[i % 10]}${"甲乙"[Math.floor(i / 10)]}类事项推进情况说明`.slice(0, n), meaning: OFFICE[i % 5].meaning }));
    const LIMIT = /^状态名称合计 \d+ 个字符/;
    const exactly255 = problemsOf({ statuses: statuses([...Array(16).fill(12), ...Array(4).fill(11)]) });
    expect(exactly255.filter((p) => LIMIT.test(p))).toEqual([]);
    const over = problemsOf({ statuses: statuses(Array(20).fill(12)) });
    expect(over.filter((p) => LIMIT.test(p))).toEqual(["状态名称合计 259 个字符，超过下拉列表上限 255；请缩短名称。"]);
    expect(over).toContain("含义为 done 的状态有 4 个；每种含义只能有一个状态，其余的请写为同义词 synonyms。");
  });

  it("a file without a status list says how many statuses to write and which meanings", () => {
    const MISSING = "词汇文件缺少 statuses（状态列表）；请列出 5 个状态，含义分别为 notStarted、progress、done、late、standing。";
    expect(problemsOf({ name: "督查室用语" })).toEqual([MISSING]);
    expect(problemsOf({ statuses: "未开展/正在推进/已落实/进度滞后/常态推进" })).toEqual([MISSING]);
  });
});

describe("report columns in a vocabulary file", () => {
  it("must be a list of objects", () => {
    expect(problemsOf(withColumns("完成情况"))).toEqual([
      "报送列 reportColumns 应为列表，如 [{ \"field\": \"progress\", \"name\": \"完成情况\", \"required\": true }]。",
    ]);
    expect(problemsOf(withColumns(["完成情况", { field: "progress", name: "完成情况" }]))).toEqual([
      "第 1 个报送列不是对象；请写成 { \"field\": \"progress\", \"name\": \"完成情况\" }。",
    ]);
  });

  it("names each column with an unknown field, a missing or repeated header", () => {
    expect(
      problemsOf(
        withColumns([
          { field: "progress", name: "完成情况", required: true },
          { field: "remark", name: "备注" },
          { name: "存在困难" },
          { field: "problems", name: " 完成情况 " },
          { field: "phone" },
          { field: "reporter", name: 5 },
        ]),
      ),
    ).toEqual([
      "第 2 个报送列的 field 为“remark”；请填写 progress、problems、nextSteps、evidence、reporter、phone、reportDate 之一。",
      "第 3 个报送列的 field 为“”；请填写 progress、problems、nextSteps、evidence、reporter、phone、reportDate 之一。",
      "第 4 个报送列的列名“完成情况”重复；请换一个名称。",
      "第 5 个报送列缺少列名 name；请填写表头文字，如“本期进展情况”。",
      "第 6 个报送列缺少列名 name；请填写表头文字，如“本期进展情况”。",
    ]);
  });
});

describe("where a bad vocabulary comes from, in the error the coordinator sees", () => {
  it("numbers every problem on its own line", () => {
    expect(() => vocabularyFromJson({ statuses: OFFICE.slice(1), cadence: "周" })).toThrow(
      /^词汇定义有 2 处问题：\n1\. 没有含义为 notStarted（相当于“未启动”）的状态；请补上一个。\n2\. 填报周期 cadence 为“周”；请填写 月、双月、季 之一。$/,
    );
  });

  it("names the file, or the tracker's metadata, as the source", () => {
    const NOT_OBJECT = "不是一个 JSON 对象；请按说明写成 { \"statuses\": [...] } 的形式。";
    expect(() => vocabularyFromText("null")).toThrow(`词汇定义有 1 处问题：\n1. 词汇文件${NOT_OBJECT}`);
    expect(() => vocabularyFromText("[]", "督查室.json")).toThrow(`词汇定义有 1 处问题：\n1. 督查室.json${NOT_OBJECT}`);
    expect(() => vocabularyFromMeta({ vocabulary: "[]" })).toThrow(
      `跟踪表元数据中的词汇定义已损坏，为免读错完成状态，未作修改。请用备份，或用 --vocabulary 重新指定后重建。（词汇定义有 1 处问题：\n1. 跟踪表元数据中的词汇定义${NOT_OBJECT}）`,
    );
  });
});
