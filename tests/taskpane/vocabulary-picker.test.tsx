import * as React from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PRESETS, vocabularyFromJson, vocabularyToMeta } from "../../src/domain";
import { DashboardFigures } from "../../src/excel/dashboard";
import { STRINGS } from "../../src/taskpane/strings";
import { VocabularyPicker } from "../../src/taskpane/VocabularyPicker";
import { countsOf, trackerVocabulary } from "../../src/taskpane/vocabulary-choice";

const unit = (name: string, done: number, inProgress: number, standing: number) => ({
  unit: name,
  tasks: 10,
  done,
  inProgress,
  late: 1,
  notStarted: 0,
  standing,
  notReported: 0,
  overdue: 0,
  dueSoon: 0,
  rate: null,
});
const figures = { stamp: "", overall: {}, units: [unit("甲", 2, 3, 0), unit("乙", 1, 0, 4)] } as unknown as DashboardFigures;

const render = (props: Partial<React.ComponentProps<typeof VocabularyPicker>>) =>
  renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <VocabularyPicker s={STRINGS.zh} current={undefined} counts={{}} chosen={undefined} disabled={false} onChange={() => undefined} {...props} />
    </FluentProvider>,
  );

describe("choosing the status words in the pane", () => {
  it("reads the tracker's words from its metadata; a damaged entry is null, not ours", () => {
    expect(trackerVocabulary({})).toBe(PRESETS.ours);
    expect(trackerVocabulary({ vocabulary: "handling" })).toBe(PRESETS.handling);
    expect(trackerVocabulary({ vocabulary: "{" })).toBeNull();
  });

  it("counts the filled-in statuses per meaning from the summary's unit rows", () => {
    expect(countsOf(figures)).toEqual({ notStarted: 0, progress: 3, done: 3, late: 2, standing: 4 });
  });

  it("offers the presets, and previews what a rebuild with other words changes", () => {
    const fresh = render({});
    for (const id of ["ours", "schedule", "handling"] as const) expect(fresh).toContain(PRESETS[id].name);
    expect(fresh).not.toContain("重新生成时将");

    const change = render({ current: PRESETS.ours, chosen: PRESETS.handling, counts: countsOf(figures) });
    expect(change).toContain("重新生成时将：");
    expect(change).toContain("“已完成”改为“已办结”（现有 3 条填报随之改写）");
    expect(change).toContain("共 12 条已填状态全部保留，含义不变。");
  });

  it("shows a tracker's own custom words as the current choice, and a damaged entry disables the chooser", () => {
    const custom = vocabularyFromJson({
      name: "本厅",
      statuses: ["notStarted", "progress", "done", "late", "standing"].map((meaning, i) => ({ word: `词${i}`, meaning })),
    });
    expect(trackerVocabulary({ vocabulary: vocabularyToMeta(custom) })).toEqual(custom);
    expect(render({ current: custom })).toContain("本表自定义用语：本厅");
    const damaged = render({ current: null });
    expect(damaged).toContain(STRINGS.zh.vocabularyDamaged);
    expect(damaged).toMatch(/<select[^>]*disabled/);
  });
});
