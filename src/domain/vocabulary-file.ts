import {
  CADENCES,
  Cadence,
  DEFAULT_VOCABULARY,
  KEY,
  MEANINGS,
  Meaning,
  PRESETS,
  PRESET_IDS,
  PresetId,
  ReportColumnDefinition,
  StatusDefinition,
  Vocabulary,
  foldWord,
} from "./vocabulary";

/** Every problem of a custom vocabulary at once, each saying where it is and how to fix it. */
export class VocabularyError extends Error {
  constructor(readonly problems: string[]) {
    super(`词汇定义有 ${problems.length} 处问题：\n${problems.map((p, i) => `${i + 1}. ${p}`).join("\n")}`);
    this.name = "VocabularyError";
  }
}

const FIELDS: readonly ReportColumnDefinition["field"][] = ["progress", "problems", "nextSteps", "evidence", "reporter", "phone", "reportDate"];
/** Words the tracker itself writes in the same cells or headers: a status may not be one of them. */
const RESERVED = ["未填报", "逾期", "即将到期"];
/** Excel caps an inline dropdown list at 255 characters (ListValidation). */
const MAX_LIST = 255;
const MAX_WORD = 12;
const HEX = /^#[0-9A-Fa-f]{6}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Characters that would break a formula string, a dropdown list or a header. */
function wordProblem(word: string): string | undefined {
  if (word === "") return "是空的";
  if (word.length > MAX_WORD) return `有 ${word.length} 个字，超过 ${MAX_WORD} 个字`;
  if (/["，,=]/.test(word)) return "含有引号、逗号或等号（下拉列表和公式无法使用）";
  if (RESERVED.includes(word)) return `与跟踪表自用的“${word}”重名`;
  return undefined;
}

/**
 * A custom vocabulary from parsed JSON. Statuses are required (one per meaning); report
 * columns and cadence default to our preset's. Throws VocabularyError listing every problem.
 */
export function vocabularyFromJson(data: unknown, source = "词汇文件"): Vocabulary {
  const problems: string[] = [];
  if (!isRecord(data)) throw new VocabularyError([`${source}不是一个 JSON 对象；请按说明写成 { "statuses": [...] } 的形式。`]);
  const base = DEFAULT_VOCABULARY;
  const statuses: StatusDefinition[] = [];
  const seen = new Map<string, string>();
  const claim = (word: string, where: string) => {
    const folded = foldWord(word);
    const before = seen.get(folded);
    if (before) problems.push(`${where}“${word}”与${before}重复；每个词只能属于一个状态，请删去其中一个。`);
    else seen.set(folded, `${where}“${word}”`);
  };
  if (!Array.isArray(data.statuses)) {
    problems.push(`${source}缺少 statuses（状态列表）；请列出 ${MEANINGS.length} 个状态，含义分别为 ${MEANINGS.join("、")}。`);
  } else {
    data.statuses.forEach((s: unknown, i) => {
      const where = `第 ${i + 1} 个状态`;
      if (!isRecord(s)) return void problems.push(`${where}不是对象；请写成 { "word": "…", "meaning": "done" }。`);
      const word = typeof s.word === "string" ? foldWord(s.word) : "";
      const bad = wordProblem(word);
      if (bad) problems.push(`${where}的名称 word ${bad}；请改为不超过 ${MAX_WORD} 个字的词语。`);
      else claim(word, `${where}`);
      const meaning = s.meaning as Meaning;
      if (!MEANINGS.includes(meaning)) {
        problems.push(`${where}（“${word}”）的含义 meaning 为“${String(s.meaning ?? "")}”；请填写 ${MEANINGS.join("、")} 之一。`);
      }
      const fill = s.colour ?? base.statuses.find((d) => d.meaning === meaning)?.colour.fill;
      // Without a colour of its own an unknown meaning has no default: the meaning is the error.
      if (s.colour !== undefined && (typeof fill !== "string" || !HEX.test(fill))) problems.push(`${where}（“${word}”）的颜色 colour 为${shownValue(s.colour)}；请写成 #RRGGBB，如 #C6EFCE。`);
      if (s.fontColor !== undefined && (typeof s.fontColor !== "string" || !HEX.test(s.fontColor))) {
        problems.push(`${where}（“${word}”）的字体颜色 fontColor 为${shownValue(s.fontColor)}；请写成 #RRGGBB，或删去。`);
      }
      const synonyms = s.synonyms === undefined ? [] : s.synonyms;
      // A bad synonym list still leaves the status itself in place: otherwise its meaning
      // would also be reported as missing, which the coordinator did not get wrong.
      const listed = Array.isArray(synonyms) && synonyms.every((w) => typeof w === "string");
      if (!listed) problems.push(`${where}（“${word}”）的同义词 synonyms 应为文字列表，如 ["完成", "已落实"]。`);
      const folded = listed ? (synonyms as string[]).map(foldWord) : [];
      for (const w of folded) {
        const problem = wordProblem(w);
        if (problem) problems.push(`${where}（“${word}”）的同义词“${w}”${problem}；请修改或删去。`);
        else claim(w, `${where}的同义词`);
      }
      const defaults = base.statuses.find((d) => d.meaning === meaning)?.colour;
      statuses.push({
        word,
        meaning,
        colour: {
          fill: typeof fill === "string" ? fill.toUpperCase() : "",
          ...(typeof s.fontColor === "string" ? { fontColor: s.fontColor.toUpperCase() } : s.colour === undefined && defaults?.fontColor ? { fontColor: defaults.fontColor } : {}),
        },
        synonyms: folded,
      });
    });
    for (const m of MEANINGS) {
      const n = statuses.filter((s) => s.meaning === m).length;
      if (n === 0) problems.push(`没有含义为 ${m}（相当于“${KEY[m]}”）的状态；请补上一个。`);
      if (n > 1) problems.push(`含义为 ${m} 的状态有 ${n} 个；每种含义只能有一个状态，其余的请写为同义词 synonyms。`);
    }
    const listLength = statuses.map((s) => s.word).join(",").length;
    if (listLength > MAX_LIST) problems.push(`状态名称合计 ${listLength} 个字符，超过下拉列表上限 ${MAX_LIST}；请缩短名称。`);
  }
  const reportColumns = data.reportColumns === undefined ? base.reportColumns : readColumns(data.reportColumns, problems);
  const cadence = (data.cadence ?? base.cadence) as Cadence;
  if (!CADENCES.includes(cadence)) problems.push(`填报周期 cadence 为“${String(data.cadence)}”；请填写 ${CADENCES.join("、")} 之一。`);
  if (problems.length > 0) throw new VocabularyError(problems);
  const name = typeof data.name === "string" && data.name.trim() ? data.name.trim() : MEANINGS.map((m) => statuses.find((s) => s.meaning === m)!.word).join("/");
  return {
    id: typeof data.id === "string" && data.id ? data.id : "custom",
    name,
    statuses: MEANINGS.map((m) => statuses.find((s) => s.meaning === m)!),
    reportColumns,
    cadence,
  };
}

function readColumns(value: unknown, problems: string[]): ReportColumnDefinition[] {
  if (!Array.isArray(value)) {
    problems.push("报送列 reportColumns 应为列表，如 [{ \"field\": \"progress\", \"name\": \"完成情况\", \"required\": true }]。");
    return [];
  }
  const columns: ReportColumnDefinition[] = [];
  value.forEach((c: unknown, i) => {
    const where = `第 ${i + 1} 个报送列`;
    if (!isRecord(c)) return void problems.push(`${where}不是对象；请写成 { "field": "progress", "name": "完成情况" }。`);
    const field = c.field as ReportColumnDefinition["field"];
    if (!FIELDS.includes(field)) problems.push(`${where}的 field 为“${String(c.field ?? "")}”；请填写 ${FIELDS.join("、")} 之一。`);
    else if (columns.some((x) => x.field === field)) problems.push(`${where}的 field “${field}”重复；每种内容只能有一列。`);
    const name = typeof c.name === "string" ? c.name.trim() : "";
    if (!name) problems.push(`${where}缺少列名 name；请填写表头文字，如“本期进展情况”。`);
    else if (columns.some((x) => x.name === name)) problems.push(`${where}的列名“${name}”重复；请换一个名称。`);
    columns.push({ field, name, required: c.required === true });
  });
  if (!columns.some((c) => c.field === "progress")) problems.push("报送列中没有 progress（本期进展情况）；这一列必须保留。");
  return columns;
}

/** A preset id, or the text of a JSON file describing a custom vocabulary. */
export function vocabularyFromText(text: string, source = "词汇文件"): Vocabulary {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new VocabularyError([`${source}不是有效的 JSON（${(e as Error).message}）；请检查引号、逗号和括号。`]);
  }
  return vocabularyFromJson(data, source);
}

export function presetVocabulary(id: string): Vocabulary | undefined {
  return (PRESET_IDS as string[]).includes(id) ? PRESETS[id as PresetId] : undefined;
}

/** Meta key holding the tracker's vocabulary (JSON: a custom one must survive without its file). */
export const VOCABULARY_META_KEY = "vocabulary";

/** The file format vocabularyFromJson reads: what an office writes for its own words. */
export function vocabularyToJson(v: Vocabulary): Record<string, unknown> {
  return {
    id: v.id,
    name: v.name,
    statuses: v.statuses.map((s) => ({
      word: s.word,
      meaning: s.meaning,
      colour: s.colour.fill,
      ...(s.colour.fontColor ? { fontColor: s.colour.fontColor } : {}),
      synonyms: [...s.synonyms],
    })),
    reportColumns: v.reportColumns.map((c) => ({ ...c })),
    cadence: v.cadence,
  };
}

/** A preset is stored by its id (so it picks up new synonyms); anything else in full. */
export function vocabularyToMeta(vocabulary: Vocabulary): string {
  return presetVocabulary(vocabulary.id) === vocabulary ? vocabulary.id : JSON.stringify(vocabularyToJson(vocabulary));
}

/**
 * The vocabulary kept in a tracker's metadata; a tracker from before vocabularies has none
 * and uses our words. A damaged entry is an error: reading statuses with the wrong words
 * would drop them.
 */
export function vocabularyFromMeta(extra: Readonly<Record<string, string>>): Vocabulary {
  const text = extra[VOCABULARY_META_KEY];
  if (!text) return DEFAULT_VOCABULARY;
  const preset = presetVocabulary(text);
  if (preset) return preset;
  try {
    return vocabularyFromText(text, "跟踪表元数据中的词汇定义");
  } catch (e) {
    throw new Error(`跟踪表元数据中的词汇定义已损坏，为免读错完成状态，未作修改。请用备份，或用 --vocabulary 重新指定后重建。（${(e as Error).message}）`);
  }
}

/** A value from the file as the coordinator wrote it: a list printed by String() ("#C6EFCE") would look valid. */
function shownValue(value: unknown): string {
  return typeof value === "string" ? `“${value}”` : ` ${JSON.stringify(value)}（不是带引号的文字）`;
}
