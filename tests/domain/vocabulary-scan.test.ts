import { readFileSync, readdirSync, statSync } from "fs";
import path from "path";
import { PRESETS, PRESET_IDS } from "../../src/domain";

const SRC = path.join(__dirname, "../../src");
/** The one definition of the vocabulary. */
const DEFINITION = path.join(SRC, "domain/vocabulary.ts");

/**
 * Phrases that contain a status word without being a status: each is ordinary wording,
 * kept verbatim because other tests pin it.
 */
const NOT_STATUSES: ReadonlyArray<[file: string, phrase: string]> = [
  // "the merge finished": a sentence, not the status.
  ["excel/merge-into-workbook.ts", "合并已完成"],
  // How a "from year X on" deadline is labelled in 完成时限.
  ["domain/deadline.ts", "（持续推进）"],
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx|html)$/.test(name) ? [full] : [];
  });
}

describe("status words live only in the vocabulary definition", () => {
  const words = [...new Set(PRESET_IDS.flatMap((id) => PRESETS[id].statuses.map((s) => s.word)))];

  it("covers every preset's five words", () => {
    expect(words.length).toBeGreaterThanOrEqual(10);
    expect(readFileSync(DEFINITION, "utf8")).toContain(PRESETS.handling.statuses[2].word);
  });

  it("no other file in src/ spells one", () => {
    const found: string[] = [];
    for (const file of files(SRC)) {
      if (file === DEFINITION) continue;
      const rel = path.relative(SRC, file).split(path.sep).join("/");
      let text = readFileSync(file, "utf8");
      for (const [f, phrase] of NOT_STATUSES) if (f === rel) text = text.split(phrase).join("");
      text.split("\n").forEach((line, i) => {
        for (const w of words) if (line.includes(w)) found.push(`${rel}:${i + 1} ${w}`);
      });
    }
    expect(found).toEqual([]);
  });

  it("the scan would catch one", () => {
    const line = `const s = "${PRESETS.schedule.statuses[1].word}";`;
    expect(words.some((w) => line.includes(w))).toBe(true);
  });
});
