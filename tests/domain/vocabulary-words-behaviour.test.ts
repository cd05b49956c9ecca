import { KEY, PRESETS, normaliseStatus, periodName, vocabularyFromJson } from "../../src/domain";

describe("reading a typed status through an office's own words", () => {
  // This office says 持续推进 for work under way; the presets use it for standing work.
  const office = vocabularyFromJson({
    statuses: [
      { word: "未开展", meaning: "notStarted" },
      { word: "持续推进", meaning: "progress", synonyms: ["长期"] },
      { word: "已落实", meaning: "done" },
      { word: "进度滞后", meaning: "late" },
      { word: "常态化", meaning: "standing" },
    ],
  });

  it("the tracker's own word and synonym win over a preset that means something else by them", () => {
    expect(normaliseStatus("持续推进", office)).toBe(KEY.progress);
    expect(normaliseStatus(" 持续　推进 ", office)).toBe(KEY.progress);
    expect(normaliseStatus("长期", office)).toBe(KEY.progress);
    // The presets still read it as they define it.
    expect(normaliseStatus("持续推进", PRESETS.handling)).toBe(KEY.standing);
    expect(normaliseStatus("长期")).toBe(KEY.standing);
  });

  it("a word the office does not use still reads as the presets define it", () => {
    expect(normaliseStatus("办理中", office)).toBe(KEY.progress);
    expect(normaliseStatus("长期坚持", office)).toBe(KEY.standing);
    expect(normaliseStatus("差不多", office)).toBeUndefined();
  });
});

describe("naming the reporting period", () => {
  it("a date names its month when no cadence is given", () => {
    expect(periodName("2026-11-28")).toBe("2026年11月");
    expect(periodName("2026-01-05T08:00")).toBe("2026年1月");
  });

  it("text that does not start with a date is kept as the coordinator wrote it", () => {
    expect(periodName("截至2026-11-30", "月")).toBe("截至2026-11-30");
    expect(periodName("第四季度（2026-10起）", "季")).toBe("第四季度（2026-10起）");
    expect(periodName("2026年11月")).toBe("2026年11月");
  });
});
