import { Deadline } from "./types";

interface Rule {
  pattern: RegExp;
  make(m: RegExpExecArray): Deadline;
}

const yearEnd = (year: string) => `${year}-12-31`;
const pad = (n: string) => n.padStart(2, "0");
/** Day 0 of the next month is the last day of this one. */
const monthEnd = (year: string, month: string) => `${year}-${pad(month)}-${pad(String(new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate()))}`;

/**
 * Ordered by precedence: an explicit year beats a plan period, which beats "from a
 * year on", which beats "every year". The matched words are kept as the wording.
 */
const RULES: Rule[] = [
  {
    pattern: /(?:到|至|于)?(\d{4})年(\d{1,2})月(\d{1,2})日(?:前)?/,
    make: (m) => ({ kind: "date", date: `${m[1]}-${pad(m[2])}-${pad(m[3])}`, wording: m[0] }),
  },
  {
    pattern: /(?:到|至|于)?(\d{4})年(\d{1,2})月(?:底|末)?(?:前)?/,
    make: (m) => ({ kind: "date", date: monthEnd(m[1], m[2]), wording: m[0] }),
  },
  {
    pattern: /(?:到|至|于)(\d{4})年(?:底|末)?(?:前)?/,
    make: (m) => ({ kind: "date", date: yearEnd(m[1]), wording: m[0] }),
  },
  {
    pattern: /(\d{4})年(?:底|末)前?/,
    make: (m) => ({ kind: "date", date: yearEnd(m[1]), wording: m[0] }),
  },
  {
    pattern: /[“"'‘]?十四五[”"'’]?(?:期间|时期|末)/,
    make: (m) => ({ kind: "date", date: "2025-12-31", wording: m[0] }),
  },
  {
    pattern: /[“"'‘]?十五五[”"'’]?(?:期间|时期|末)/,
    make: (m) => ({ kind: "date", date: "2030-12-31", wording: m[0] }),
  },
  {
    pattern: /(?:从|自)?(\d{4})年(?:起|开始)/,
    make: (m) => ({ kind: "from", year: Number(m[1]), wording: m[0] }),
  },
  {
    pattern: /每年|年度/,
    make: (m) => ({ kind: "yearly", wording: m[0] }),
  },
];

/** Finds the deadline a task text states, if any. Expects text cleaned by cleanCellText. */
export function extractDeadline(text: string): Deadline {
  for (const rule of RULES) {
    const m = rule.pattern.exec(text);
    if (m) return rule.make(m);
  }
  return { kind: "none" };
}

/** The wording shown in 完成时限; explains computed dates in the coordinator's terms. */
export function deadlineLabel(d: Deadline): string {
  switch (d.kind) {
    case "none":
      return "未明确";
    case "date":
      return d.wording;
    case "from":
      return `${d.wording}（持续推进）`;
    case "yearly":
      return `${d.wording}（每年）`;
  }
}

/** The deadline's words as published, or "" when the list states none. */
export function deadlineWording(d: Deadline): string {
  return d.kind === "none" ? "" : d.wording;
}

export function dueDate(d: Deadline): string | undefined {
  return d.kind === "date" ? d.date : undefined;
}
