import { Reports } from "./reports";
import { MEANINGS, Meaning, Vocabulary, definitionOf, meaningOf } from "./vocabulary";

export interface WordChange {
  meaning: Meaning;
  from: string;
  to: string;
  /** Reports holding this status now: their cells will show the new word. */
  reports: number;
}

export interface ColumnChange {
  field: string;
  from?: string;
  to?: string;
}

/** What changing a tracker's vocabulary does, shown before anything is written. */
export interface VocabularyChangePreview {
  words: WordChange[];
  columns: ColumnChange[];
  cadence?: { from: string; to: string };
  /** Reports whose status carries over: all of them — each status keeps its meaning. */
  carried: number;
  /** Nothing visible changes. */
  unchanged: boolean;
}

/** Filled-in statuses per meaning. */
export type MeaningCounts = Partial<Record<Meaning, number>>;

export function countByMeaning(reports: Reports): MeaningCounts {
  const counts: MeaningCounts = {};
  for (const r of reports.values()) if (r.status !== "") counts[meaningOf(r.status)] = (counts[meaningOf(r.status)] ?? 0) + 1;
  return counts;
}

/**
 * Old → new by meaning: a status is held by its key (its meaning), so every report keeps
 * its meaning and only the word shown changes; nothing is lost or guessed. Takes the
 * reports, or their counts per meaning (the pane has the summary's figures).
 */
export function previewVocabularyChange(from: Vocabulary, to: Vocabulary, reports: Reports | MeaningCounts): VocabularyChangePreview {
  const byMeaning = reports instanceof Map ? countByMeaning(reports as Reports) : (reports as MeaningCounts);
  const counts = new Map<Meaning, number>(MEANINGS.map((m) => [m, byMeaning[m] ?? 0]));
  const carried = MEANINGS.reduce((n, m) => n + counts.get(m)!, 0);
  const words = MEANINGS.map((m) => ({ meaning: m, from: definitionOf(from, m).word, to: definitionOf(to, m).word, reports: counts.get(m) ?? 0 })).filter(
    (w) => w.from !== w.to,
  );
  const fields = [...new Set([...from.reportColumns, ...to.reportColumns].map((c) => c.field))];
  const columns = fields
    .map((field) => ({ field, from: from.reportColumns.find((c) => c.field === field)?.name, to: to.reportColumns.find((c) => c.field === field)?.name }))
    .filter((c) => c.from !== c.to);
  const cadence = from.cadence === to.cadence ? undefined : { from: from.cadence, to: to.cadence };
  return { words, columns, ...(cadence ? { cadence } : {}), carried, unchanged: words.length === 0 && columns.length === 0 && !cadence };
}

/** The preview in the coordinator's words, one line per change. */
export function describeVocabularyChange(p: VocabularyChangePreview): string[] {
  if (p.unchanged) return ["词汇没有变化。"];
  return [
    ...p.words.map((w) => `“${w.from}”改为“${w.to}”（现有 ${w.reports} 条填报随之改写）`),
    ...p.columns.map((c) => (c.from && c.to ? `列“${c.from}”改名为“${c.to}”` : c.to ? `新增列“${c.to}”` : `不再使用列“${c.from}”`)),
    ...(p.cadence ? [`填报周期由“${p.cadence.from}”改为“${p.cadence.to}”`] : []),
    `共 ${p.carried} 条已填状态全部保留，含义不变。`,
  ];
}
