import { buildBlueprint, buildUnitCopy } from "../../src/blueprint";
import { WorkbookBlueprint } from "../../src/blueprint/types";
import { parseTaskList } from "../../src/domain";

/** Half-width , ; : ( ) touching a Chinese character: official Chinese writes them full-width. */
const HALF_WIDTH_NEXT_TO_CJK = /[\u3400-\u9fff“”][,;:()]|[,;:()][\u3400-\u9fff“”]/;

/**
 * A list whose own text has no half-width punctuation, so whatever the scan finds is the
 * workbook's own wording (titles, headers, 填报说明, prompts), never the user's data.
 */
const list = parseTaskList(
  ["序号\t政策内容\t责任部门\t完成时限", "1\t推进任务一\t省教育厅、省财政厅\t2026年底前", "2\t落实任务二\t省财政厅\t长期坚持"].join("\n"),
  { name: "测试清单" },
);

function workbookTexts(bp: WorkbookBlueprint): string[] {
  return bp.sheets
    .filter((s) => s.visibility === "visible")
    .flatMap((s) => [
      ...s.cells.flat().filter((c): c is string => typeof c === "string"),
      ...s.validations.flatMap((v) => [v.errorTitle, v.errorMessage, v.prompt ?? ""]),
    ]);
}

describe("the workbook's Chinese wording", () => {
  const texts = [
    ...workbookTexts(buildBlueprint(list, { trackerId: "t", generatedAt: "2026-11-28 10:00", returnInfo: { period: "2026年12月", deadline: "12月5日前", contact: "张三" } })),
    ...workbookTexts(buildUnitCopy(list, "省财政厅", { trackerId: "t", exportedAt: "2026-11-28" })),
  ];

  it("is scanned across titles, headers, 填报说明 and prompts", () => {
    expect(texts.some((t) => t.startsWith("省财政厅 任务落实情况填报表"))).toBe(true);
    expect(texts.some((t) => t.includes("完成状态请从下拉列表选择"))).toBe(true);
  });

  it("uses full-width punctuation next to Chinese characters", () => {
    expect(texts.filter((t) => HALF_WIDTH_NEXT_TO_CJK.test(t))).toEqual([]);
  });
});
