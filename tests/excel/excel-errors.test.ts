import { EXCEL_ERROR_TEXTS, describeExcelError, isOfficeError } from "../../src/excel/excel-errors";
import { newHost } from "../support/excel-host-helpers";

const HALF_WIDTH_NEXT_TO_CJK = /[\u3400-\u9fff“”][,;:()]|[,;:()][\u3400-\u9fff“”]/;

/** A genuine OfficeExtension.Error, thrown by Microsoft's client for a sheet that is not there. */
async function missingSheetError(): Promise<Error> {
  const host = newHost();
  try {
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("不存在的表").load("name");
      await ctx.sync();
    });
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected ItemNotFound");
}

describe("Excel's errors in the pane's words", () => {
  it("names the code and place and says what to do, without Excel's English message in a Chinese sentence", async () => {
    const e = await missingSheetError();
    expect(isOfficeError(e)).toBe(true);
    expect((e as unknown as { code: string }).code).toBe("ItemNotFound");
    expect(e.message).toMatch(/[A-Za-z]{4,}/);
    const zh = describeExcelError(e);
    expect(zh).toMatch(/^Excel 未能完成操作（错误代码 ItemNotFound(，位置：[^）]+)?）。找不到所需的工作表/);
    expect(zh).not.toContain(e.message);
    expect(HALF_WIDTH_NEXT_TO_CJK.test(zh)).toBe(false);
    // Outside the code and place, only Chinese: no English words left over.
    expect(zh.replace(/ItemNotFound|位置：[^）]+|Excel/g, "")).not.toMatch(/[A-Za-z]{3,}/);
    const en = describeExcelError(e, EXCEL_ERROR_TEXTS.en);
    expect(en).toMatch(/^Excel could not finish the operation \(error code ItemNotFound.*\)\. A sheet the tracker needs is missing/);
    expect(en).not.toMatch(/[\u3400-\u9fff]/);
  });

  it("puts Excel's own text on a line of its own for a code it has no advice for", () => {
    const odd = Object.assign(new Error("Something unusual happened."), { code: "UnsupportedSheet", debugInfo: {} });
    expect(describeExcelError(odd)).toBe("Excel 未能完成操作（错误代码 UnsupportedSheet）。\nExcel 的原始提示：Something unusual happened.");
    // Our own errors already speak the pane's language and pass through untouched.
    expect(describeExcelError(new Error("跟踪表中没有这些单位：省外办。"))).toBe("跟踪表中没有这些单位：省外办。");
  });

  it("has advice for the same codes in both languages", () => {
    expect(Object.keys(EXCEL_ERROR_TEXTS.en.advice)).toEqual(Object.keys(EXCEL_ERROR_TEXTS.zh.advice));
    expect(Object.values(EXCEL_ERROR_TEXTS.zh.advice).filter((t) => HALF_WIDTH_NEXT_TO_CJK.test(t))).toEqual([]);
  });
});
