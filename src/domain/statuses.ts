export const STATUSES = ["未启动", "推进中", "已完成", "滞后", "长期坚持"] as const;
export type Status = (typeof STATUSES)[number];

export const DONE: Status = "已完成";
export const STANDING: Status = "长期坚持";
export const LATE: Status = "滞后";
export const IN_PROGRESS: Status = "推进中";
export const NOT_STARTED: Status = "未启动";

/** Wordings units actually type, mapped to the dropdown's values. */
const SYNONYMS: Readonly<Record<string, Status>> = {
  完成: "已完成",
  已完结: "已完成",
  完结: "已完成",
  办结: "已完成",
  已办结: "已完成",
  已落实: "已完成",
  进行中: "推进中",
  正在推进: "推进中",
  推进: "推进中",
  在推进: "推进中",
  正在进行: "推进中",
  未开始: "未启动",
  尚未启动: "未启动",
  未开展: "未启动",
  延期: "滞后",
  落后: "滞后",
  延迟: "滞后",
  未按期完成: "滞后",
  长期: "长期坚持",
  持续推进: "长期坚持",
  常态化推进: "长期坚持",
  长期推进: "长期坚持",
};

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

/**
 * Maps a typed or pasted status to the vocabulary: full-width letters and spaces are
 * folded (NFKC), whitespace removed, synonyms resolved. Returns "" for an empty cell and
 * undefined when the word is not a status at all (the caller reports it, never guesses).
 */
export function normaliseStatus(raw: unknown): Status | "" | undefined {
  if (raw === null || raw === undefined) return "";
  const text = String(raw).normalize("NFKC").replace(/\s+/g, "");
  if (text === "") return "";
  if (isStatus(text)) return text;
  return SYNONYMS[text];
}
