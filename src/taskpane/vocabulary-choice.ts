import { MeaningCounts } from "../domain/vocabulary-change";
import { Vocabulary } from "../domain/vocabulary";
import { vocabularyFromMeta } from "../domain/vocabulary-file";
import { DashboardFigures } from "../excel/dashboard";

/** The tracker's stored vocabulary, or null when the entry is damaged (the rebuild then stops with the reason). */
export function trackerVocabulary(extra: Readonly<Record<string, string>>): Vocabulary | null {
  try {
    return vocabularyFromMeta(extra);
  } catch {
    return null;
  }
}

/** Filled-in statuses per meaning, from the summary's unit rows. */
export function countsOf(figures: DashboardFigures): MeaningCounts {
  const sum = (f: (u: DashboardFigures["units"][number]) => number) => figures.units.reduce((n, u) => n + f(u), 0);
  return {
    notStarted: sum((u) => u.notStarted),
    progress: sum((u) => u.inProgress),
    done: sum((u) => u.done),
    late: sum((u) => u.late),
    standing: sum((u) => u.standing),
  };
}
