/** Pure parts of the host: addresses, sheet-name quoting, formula rewriting and reference extraction. */
import { formatAddress, parseRef, quoteSheetName, splitSheetQualifier, subtract } from "./model/address";
import { interpretInput } from "./model/cell-input";
import { Coverage } from "./model/engine-coverage";
import { deleteSheetInFormula, referencesOf, renameSheetInFormula, toEngineFormula } from "./model/formula-text";

describe("addresses", () => {
  it("parses cells, ranges, whole columns and rows, with or without $", () => {
    expect(parseRef("B3")).toEqual({ r0: 2, c0: 1, r1: 2, c1: 1 });
    expect(parseRef("$C$5:A1")).toEqual({ r0: 0, c0: 0, r1: 4, c1: 2 });
    expect(parseRef("A:C")).toEqual({ r0: 0, c0: 0, r1: 1048575, c1: 2 });
    expect(parseRef("$2:$4")).toEqual({ r0: 1, c0: 0, r1: 3, c1: 16383 });
    expect(parseRef("XFD1048576")).toEqual({ r0: 1048575, c0: 16383, r1: 1048575, c1: 16383 });
    for (const bad of ["XFE1", "A0", "A1048577", "A1:B2:C3", "汇总", ""]) expect(parseRef(bad)).toBeNull();
  });

  it("splits quoted and unquoted sheet qualifiers", () => {
    expect(splitSheetQualifier("'汇总'!A1:B2")).toEqual({ sheet: "汇总", ref: "A1:B2" });
    expect(splitSheetQualifier("'A''s'!A1")).toEqual({ sheet: "A's", ref: "A1" });
    expect(splitSheetQualifier("汇总!C3")).toEqual({ sheet: "汇总", ref: "C3" });
    expect(splitSheetQualifier("C3")).toEqual({ sheet: null, ref: "C3" });
  });

  it("quotes sheet names only where Excel must", () => {
    expect(quoteSheetName("汇总")).toBe("汇总");
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("A's 表")).toBe("'A''s 表'");
    expect(quoteSheetName("2024")).toBe("'2024'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("R1C1")).toBe("'R1C1'");
    expect(quoteSheetName("各市、县(市、区)")).toBe("'各市、县(市、区)'");
    expect(formatAddress("A's", { r0: 0, c0: 0, r1: 1, c1: 1 }, true)).toBe("'A''s'!$A$1:$B$2");
  });

  it("subtracts rectangles into disjoint pieces", () => {
    const pieces = subtract({ r0: 0, c0: 0, r1: 9, c1: 9 }, { r0: 3, c0: 3, r1: 5, c1: 5 });
    expect(pieces.reduce((n, p) => n + (p.r1 - p.r0 + 1) * (p.c1 - p.c0 + 1), 0)).toBe(100 - 9);
  });
});

describe("formula text", () => {
  it("rewrites references to a renamed sheet, outside string literals only", () => {
    const f = `=COUNTIFS('旧 表'!A:A,"旧 表!A1",旧表!B2)+'旧 表'!$C$3`;
    expect(renameSheetInFormula(f, "旧 表", "新表")).toBe(`=COUNTIFS(新表!A:A,"旧 表!A1",旧表!B2)+新表!$C$3`);
    expect(renameSheetInFormula("=旧表!B2", "旧表", "A's")).toBe("='A''s'!B2");
  });

  it("turns references to a deleted sheet into #REF!", () => {
    expect(deleteSheetInFormula("=SUM('甲'!A1:A9)+乙!B1", "甲")).toBe("=SUM(#REF!)+乙!B1");
  });

  it("finds what a formula reads", () => {
    const r = referencesOf(`=IF(A1>0,COUNTIFS('单位1'!$F$2:$F$60,"x[1]",$B:$B,名单),LOG10(2)) + SUM(3:3)`);
    expect(r.refs).toEqual([
      { sheet: "单位1", ref: "$F$2:$F$60" },
      { sheet: null, ref: "A1" },
      { sheet: null, ref: "$B:$B" },
      { sheet: null, ref: "3:3" },
    ]);
    expect(r.names).toEqual(["名单"]);
    expect(r.dynamic).toBe(false);
    expect(referencesOf("=INDIRECT(\"A1\")").dynamic).toBe(true);
    expect(referencesOf("=SUM(Table1[金额])").dynamic).toBe(true);
  });

  it("translates for HyperFormula: quoted sheets, aliased names, #REF! kept", () => {
    const alias = (n: string): string | undefined => (n === "状态" ? "XLHOSTNAME_1" : undefined);
    expect(toEngineFormula("=COUNTIF(状态,汇总!A1)+SUM(#REF!)", alias)).toBe("=COUNTIF(XLHOSTNAME_1,'汇总'!A1)+SUM(#REF!)");
    expect(toEngineFormula("=未知名+1", alias)).toMatch(/^=XLHOSTUNKNOWN_[0-9a-f]+\+1$/);
  });
});

describe("typed input", () => {
  const parsable = (): boolean => true;
  it("keeps long digit strings as Excel does: as (imprecise) numbers", () => {
    expect(interpretInput("110101199001011234", false, parsable)).toEqual({ kind: "value", value: 110101199001011230 });
    expect(interpretInput("110101199001011234", true, parsable)).toEqual({ kind: "value", value: "110101199001011234" });
  });
  it("refuses text over 32,767 characters and values that are not cell values", () => {
    expect(() => interpretInput("x".repeat(32768), false, parsable)).toThrow(/32767/);
    expect(() => interpretInput({}, false, parsable)).toThrow(/cannot write/);
    expect(() => interpretInput(Number.NaN, false, parsable)).toThrow(/finite/);
  });
});

describe("engine coverage", () => {
  it("merges intervals and reports only what is new", () => {
    const c = new Coverage();
    expect(c.add({ r0: 1, r1: 10, c0: 5, c1: 5 })).toEqual([{ c: 5, r0: 1, r1: 10 }]);
    expect(c.add({ r0: 5, r1: 20, c0: 5, c1: 6 })).toEqual([
      { c: 5, r0: 11, r1: 20 },
      { c: 6, r0: 5, r1: 20 },
    ]);
    expect(c.within({ r0: 0, r1: 3, c0: 0, c1: 9 })).toEqual([{ c: 5, r0: 1, r1: 3 }]);
    expect(c.add({ r0: 0, r1: 0, c0: 0, c1: 200 })).toBe("whole");
  });
});
