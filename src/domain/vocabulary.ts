/**
 * The office's own vocabulary: its status words (each with the meaning the roll-up gives
 * it, its colour and the wordings units actually type), its report columns and its
 * reporting cadence. This is the ONLY file in src/ that spells a status word: every sheet,
 * formula, dropdown, colour rule, figure and normalisation derives from a Vocabulary.
 *
 * Inside the program a status is held by its canonical key — the word our own preset
 * uses for that meaning — so reports, roll-ups and stored history mean the same thing
 * whatever words a tracker shows; the vocabulary turns keys into words and back.
 */

/** What a status counts as in the roll-up; "standing" is left out of the rate's denominator. */
export type Meaning = "notStarted" | "progress" | "done" | "late" | "standing";
/** Dropdown and column order. */
export const MEANINGS: readonly Meaning[] = ["notStarted", "progress", "done", "late", "standing"];

/** Our preset's words: they are also the canonical keys every other vocabulary maps onto. */
export const KEY = {
  notStarted: "未启动",
  progress: "推进中",
  done: "已完成",
  late: "滞后",
  standing: "长期坚持",
} as const;
export type StatusKey = (typeof KEY)[Meaning];
export const STATUS_KEYS: readonly StatusKey[] = MEANINGS.map((m) => KEY[m]);

export interface StatusColour {
  /** #RRGGBB */
  fill: string;
  fontColor?: string;
}

export interface StatusDefinition {
  word: string;
  meaning: Meaning;
  colour: StatusColour;
  /** Other wordings units type for this status (folded like the word itself). */
  synonyms: readonly string[];
}

export type Cadence = "月" | "双月" | "季";
export const CADENCES: readonly Cadence[] = ["月", "双月", "季"];

/** A report column the units fill in: which report field it holds, its header, whether it must be filled. */
export interface ReportColumnDefinition {
  field: "progress" | "problems" | "nextSteps" | "evidence" | "reporter" | "phone" | "reportDate";
  name: string;
  required: boolean;
}

export interface Vocabulary {
  /** Preset id ("ours", "schedule", "handling") or "custom". */
  id: string;
  /** Shown in the pane and the CLI. */
  name: string;
  /** One per meaning, in dropdown order. */
  statuses: readonly StatusDefinition[];
  reportColumns: readonly ReportColumnDefinition[];
  cadence: Cadence;
}

const COLOUR: Readonly<Record<Meaning, StatusColour>> = {
  notStarted: { fill: "#EDEDED" },
  progress: { fill: "#DDEBF7", fontColor: "#1F4E78" },
  done: { fill: "#C6EFCE", fontColor: "#006100" },
  late: { fill: "#FFC7CE", fontColor: "#9C0006" },
  standing: { fill: "#E2EFDA" },
};

const status = (meaning: Meaning, word: string, synonyms: string[]): StatusDefinition => ({ word, meaning, colour: COLOUR[meaning], synonyms });

const COLUMNS_OURS: readonly ReportColumnDefinition[] = [
  { field: "progress", name: "本期进展情况", required: true },
  { field: "problems", name: "存在问题", required: false },
  { field: "nextSteps", name: "下步计划", required: false },
  { field: "evidence", name: "佐证材料", required: false },
  { field: "reporter", name: "填报人", required: true },
  { field: "reportDate", name: "填报日期", required: true },
];

export const PRESETS: Readonly<Record<"ours" | "schedule" | "handling", Vocabulary>> = {
  ours: {
    id: "ours",
    name: "已完成/推进中/滞后/未启动/长期坚持",
    statuses: [
      status("notStarted", KEY.notStarted, ["未开始", "尚未启动", "未开展"]),
      status("progress", KEY.progress, ["进行中", "正在推进", "推进", "在推进", "正在进行"]),
      status("done", KEY.done, ["完成", "已完结", "完结", "办结", "已办结", "已落实"]),
      status("late", KEY.late, ["延期", "落后", "延迟", "未按期完成"]),
      status("standing", KEY.standing, ["长期", "持续推进", "常态化推进", "长期推进"]),
    ],
    reportColumns: COLUMNS_OURS,
    cadence: "月",
  },
  schedule: {
    id: "schedule",
    name: "已完成/序时推进/进度滞后/尚未启动/长期坚持",
    statuses: [
      status("notStarted", "尚未启动", ["未启动", "未开始", "未开展"]),
      status("progress", "序时推进", ["推进中", "按序时推进", "正在推进", "进行中"]),
      status("done", "已完成", ["完成", "已落实", "已办结"]),
      status("late", "进度滞后", ["滞后", "延期", "落后", "未按期完成"]),
      status("standing", "长期坚持", ["长期", "持续推进", "常态化推进"]),
    ],
    reportColumns: [
      { field: "progress", name: "完成情况", required: true },
      { field: "problems", name: "存在困难", required: false },
      { field: "nextSteps", name: "下步打算", required: false },
      { field: "evidence", name: "佐证材料", required: false },
      { field: "reporter", name: "责任人", required: true },
      { field: "phone", name: "联系电话", required: true },
      { field: "reportDate", name: "填报日期", required: true },
    ],
    cadence: "季",
  },
  handling: {
    id: "handling",
    name: "已办结/正在办理/办理滞后/尚未办理/持续推进",
    statuses: [
      status("notStarted", "尚未办理", ["未办理", "未启动", "尚未启动"]),
      status("progress", "正在办理", ["办理中", "推进中", "进行中"]),
      status("done", "已办结", ["办结", "已完成", "完成"]),
      status("late", "办理滞后", ["滞后", "延期", "逾期未办结"]),
      status("standing", "持续推进", ["长期坚持", "常态化推进", "长期"]),
    ],
    reportColumns: COLUMNS_OURS,
    cadence: "双月",
  },
};
export type PresetId = keyof typeof PRESETS;
export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

/** Today's words: every tracker built before vocabularies existed uses them. */
export const DEFAULT_VOCABULARY: Vocabulary = PRESETS.ours;

/** Folds a typed or pasted word: full-width letters and spaces (NFKC), whitespace removed. */
export const foldWord = (raw: string): string => raw.normalize("NFKC").replace(/\s+/g, "");

export const definitionOf = (vocabulary: Vocabulary, meaning: Meaning): StatusDefinition =>
  vocabulary.statuses.find((s) => s.meaning === meaning)!;

/** The word a tracker shows for a status key (or meaning). */
export function wordOf(vocabulary: Vocabulary, key: StatusKey): string {
  return definitionOf(vocabulary, meaningOf(key)).word;
}

export function meaningOf(key: StatusKey): Meaning {
  return MEANINGS.find((m) => KEY[m] === key)!;
}

/** The vocabulary's words in dropdown order. */
export const wordsOf = (vocabulary: Vocabulary): string[] => MEANINGS.map((m) => definitionOf(vocabulary, m).word);

/**
 * Word → key lookup for one tracker: its own words first, then its synonyms, then the words
 * and synonyms of every preset (a return filled in with the old vocabulary still reads).
 * A word that an earlier table already holds is not overridden, so the tracker's own
 * definition always wins.
 */
function lookupTable(vocabulary: Vocabulary): Map<string, StatusKey> {
  const table = new Map<string, StatusKey>();
  const add = (word: string, meaning: Meaning) => {
    const folded = foldWord(word);
    if (folded && !table.has(folded)) table.set(folded, KEY[meaning]);
  };
  const sources = [vocabulary, ...PRESET_IDS.map((id) => PRESETS[id])];
  for (const v of sources) for (const s of v.statuses) add(s.word, s.meaning);
  for (const v of sources) for (const s of v.statuses) for (const w of s.synonyms) add(w, s.meaning);
  return table;
}

const tables = new WeakMap<Vocabulary, Map<string, StatusKey>>();

/**
 * Maps a typed or pasted status to its key. Returns "" for an empty cell and undefined when
 * the word is not a status at all (the caller reports it, never guesses).
 */
export function normaliseWord(raw: unknown, vocabulary: Vocabulary = DEFAULT_VOCABULARY): StatusKey | "" | undefined {
  if (raw === null || raw === undefined) return "";
  const text = foldWord(String(raw));
  if (text === "") return "";
  let table = tables.get(vocabulary);
  if (!table) tables.set(vocabulary, (table = lookupTable(vocabulary)));
  return table.get(text);
}

const QUARTERS = ["一", "二", "三", "四"];

/** The period an ISO date (or "yyyy-mm…" stamp) falls in, named for the cadence: 2026年11月, 2026年11—12月, 2026年第四季度. */
export function periodName(stamp: string, cadence: Cadence = "月"): string {
  const m = /^(\d{4})-(\d{2})/.exec(stamp);
  if (!m) return stamp;
  const year = m[1];
  const month = Number(m[2]);
  if (cadence === "季") return `${year}年第${QUARTERS[Math.floor((month - 1) / 3)]}季度`;
  if (cadence === "双月") {
    const first = month % 2 === 1 ? month : month - 1;
    return `${year}年${first}—${first + 1}月`;
  }
  return `${year}年${month}月`;
}
