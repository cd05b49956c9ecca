import { STRINGS } from "../../src/taskpane/strings";

/** Half-width , ; : ( ) touching a Chinese character: official Chinese writes them full-width. */
const HALF_WIDTH_NEXT_TO_CJK = /[\u3400-\u9fff“”][,;:()]|[,;:()][\u3400-\u9fff“”]/;

function texts(value: unknown, path: string): Array<[string, string]> {
  if (typeof value === "string") return [[path, value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => texts(v, `${path}.${k}`));
  return [];
}

describe("the pane's Chinese texts", () => {
  const all = texts(STRINGS.zh, "zh");

  it("are all found (the scan reads nested tables too)", () => {
    expect(all.length).toBeGreaterThan(100);
    // The scan itself finds what it is for.
    expect(["已归档:2026年11月", "说明(见下)", "A,B"].map((t) => HALF_WIDTH_NEXT_TO_CJK.test(t))).toEqual([true, true, false]);
    expect(all.map(([p]) => p)).toContain("zh.step.collect");
  });

  it("use full-width punctuation next to Chinese characters", () => {
    const offending = all.filter(([, t]) => HALF_WIDTH_NEXT_TO_CJK.test(t)).map(([p, t]) => `${p}: ${t}`);
    expect(offending).toEqual([]);
  });

  it("have an English counterpart for every key", () => {
    const keys = (o: object) => texts(o, "").map(([p]) => p);
    expect(keys(STRINGS.en)).toEqual(keys(STRINGS.zh));
  });
});
