import { DEFAULT_VOCABULARY, KEY, STATUS_KEYS, StatusKey, Vocabulary, normaliseWord } from "./vocabulary";

/**
 * Status keys as the program holds them (see vocabulary.ts): a tracker shows its own
 * vocabulary's words, and every reader maps them back to these keys.
 */
export const STATUSES = STATUS_KEYS as readonly StatusKey[];
export type Status = StatusKey;

export const DONE: Status = KEY.done;
export const STANDING: Status = KEY.standing;
export const LATE: Status = KEY.late;
export const IN_PROGRESS: Status = KEY.progress;
export const NOT_STARTED: Status = KEY.notStarted;

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/**
 * Maps a typed or pasted status to its key through the tracker's vocabulary (its words,
 * its synonyms, then every preset's words, so a return in the old vocabulary still reads).
 * Returns "" for an empty cell and undefined when the word is not a status at all (the
 * caller reports it, never guesses).
 */
export function normaliseStatus(raw: unknown, vocabulary: Vocabulary = DEFAULT_VOCABULARY): Status | "" | undefined {
  return normaliseWord(raw, vocabulary);
}
