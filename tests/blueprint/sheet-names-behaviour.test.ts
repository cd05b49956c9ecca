/**
 * The unit sheets' names, case by case (the fuzz suite in sheet-names.test.ts checks the
 * rules hold; this one pins what a user sees at each limit): Excel's 31-character limit
 * (Worksheet.name: "fewer than 32 characters"), its forbidden characters : \ / ? * [ ],
 * apostrophes at the ends, "History", and names equal ignoring case.
 */
import { assignSheetNames, freeSheetName, sanitiseSheetName, sheetNameKey, withSuffix } from "../../src/blueprint/sheet-names";

const x = (n: number) => "x".repeat(n);
const EMOJI = "😀"; // two UTF-16 units, as Excel counts it

describe("a unit's name made into a sheet name", () => {
  it("keeps a name Excel accepts as it is", () => {
    expect(sanitiseSheetName("省教育厅")).toBe("省教育厅");
    expect(sanitiseSheetName("各市、县(市、区)人民政府")).toBe("各市、县(市、区)人民政府");
    expect(sanitiseSheetName("O'Neil 办")).toBe("O'Neil 办");
  });

  it("replaces each forbidden character with _", () => {
    for (const ch of [":", "\\", "/", "?", "*", "[", "]"]) expect(sanitiseSheetName(`甲${ch}乙`)).toBe("甲_乙");
    expect(sanitiseSheetName("a:b/c?d")).toBe("a_b_c_d");
  });

  it("turns control characters into spaces, and drops them at the ends", () => {
    expect(sanitiseSheetName("甲\t乙")).toBe("甲 乙");
    expect(sanitiseSheetName("甲\n乙\r丙\u007f丁\u0000戊")).toBe("甲 乙 丙 丁 戊");
    expect(sanitiseSheetName("\n甲\t")).toBe("甲");
  });

  it("drops apostrophes and spaces at either end", () => {
    expect(sanitiseSheetName("'甲'")).toBe("甲");
    expect(sanitiseSheetName(" ''甲 ' ")).toBe("甲");
    expect(sanitiseSheetName("甲'乙")).toBe("甲'乙");
  });

  it("keeps 31 characters and cuts the 32nd", () => {
    expect(sanitiseSheetName(x(31))).toBe(x(31));
    expect(sanitiseSheetName(x(32))).toBe(x(31));
    expect(sanitiseSheetName(x(30))).toBe(x(30));
  });

  it("never cuts a character in half at the limit", () => {
    expect(sanitiseSheetName(`${x(29)}${EMOJI}`)).toBe(`${x(29)}${EMOJI}`);
    expect(sanitiseSheetName(`${x(30)}${EMOJI}`)).toBe(x(30));
    expect(sanitiseSheetName(`${x(29)}${EMOJI}y`)).toBe(`${x(29)}${EMOJI}`);
    // the first and last high surrogates: U+10000 (\ud800\udc00) and U+10FC00 (\udbff\udc00)
    expect(sanitiseSheetName(`${x(30)}\ud800\udc00`)).toBe(x(30));
    expect(sanitiseSheetName(`${x(30)}\udbff\udc00`)).toBe(x(30));
    expect(sanitiseSheetName(`${x(30)}\ud7ffz`)).toBe(`${x(30)}\ud7ff`);
  });

  it("tidies the ends again after cutting", () => {
    expect(sanitiseSheetName(`${x(30)} 乙`)).toBe(x(30));
    expect(sanitiseSheetName(`${x(30)}'乙`)).toBe(x(30));
  });

  it("replaces a half of a surrogate pair on its own with _", () => {
    expect(sanitiseSheetName("甲\ud83d乙")).toBe("甲_乙");
    expect(sanitiseSheetName("甲\ude00")).toBe("甲_");
    expect(sanitiseSheetName(`甲${EMOJI}`)).toBe(`甲${EMOJI}`);
  });

  it("names a unit whose name leaves nothing 单位", () => {
    expect(sanitiseSheetName("")).toBe("单位");
    expect(sanitiseSheetName("  ")).toBe("单位");
    expect(sanitiseSheetName("''")).toBe("单位");
  });

  it("never makes Excel's reserved History, in any case", () => {
    expect(sanitiseSheetName("History")).toBe("History_");
    expect(sanitiseSheetName("HISTORY")).toBe("HISTORY_");
    expect(sanitiseSheetName(" history ")).toBe("history_");
    expect(sanitiseSheetName("History2")).toBe("History2");
  });
});

describe("names equal ignoring case", () => {
  it("fold ASCII and beyond, both ways", () => {
    expect(sheetNameKey("ABC")).toBe(sheetNameKey("abc"));
    // ß upper-cases to SS; the Kelvin sign lower-cases to k: either way, Excel may take them as one.
    expect(sheetNameKey("straße")).toBe(sheetNameKey("STRASSE"));
    expect(sheetNameKey("\u212a")).toBe(sheetNameKey("k"));
    expect(sheetNameKey("甲")).not.toBe(sheetNameKey("乙"));
  });
});

describe("a suffix within 31 characters", () => {
  it("shortens the base, not the suffix", () => {
    expect(withSuffix("甲", "(2)")).toBe("甲(2)");
    expect(withSuffix(x(28), "(2)")).toBe(`${x(28)}(2)`);
    expect(withSuffix(x(31), "(2)")).toBe(`${x(28)}(2)`);
    expect(withSuffix(x(31), "(原10)")).toBe(`${x(26)}(原10)`);
  });

  it("never splits a character of the base", () => {
    expect(withSuffix(`${x(27)}${EMOJI}`, "(2)")).toBe(`${x(27)}(2)`);
  });
});

describe("sheet names for a list's units", () => {
  it("gives each unit its own name, in the list's order", () => {
    const names = assignSheetNames(["省教育厅", "省财政厅"]);
    expect([...names]).toEqual([
      ["省教育厅", "省教育厅"],
      ["省财政厅", "省财政厅"],
    ]);
  });

  it("numbers names equal ignoring case from (2) up", () => {
    const names = assignSheetNames(["abc", "ABC", "Abc", "straße", "STRASSE"]);
    expect([...names.values()]).toEqual(["abc", "ABC(2)", "Abc(3)", "straße", "STRASSE(2)"]);
  });

  it("numbers names that become equal once cleaned or cut", () => {
    const names = assignSheetNames(["甲/乙", "甲:乙", `${x(31)}A`, `${x(31)}B`]);
    expect([...names.values()]).toEqual(["甲_乙", "甲_乙(2)", x(31), `${x(28)}(2)`]);
  });

  it("moves a unit off the tracker's own sheet names", () => {
    const names = assignSheetNames(["汇总", "任务总表", "_META", "填报说明", "联络员"]);
    expect([...names.values()]).toEqual(["汇总(2)", "任务总表(2)", "_META(2)", "填报说明(2)", "联络员(2)"]);
  });

  it("does not move a name that only contains a reserved one", () => {
    expect(assignSheetNames(["汇总组"]).get("汇总组")).toBe("汇总组");
  });

  it("skips a numbered name another unit already has", () => {
    const names = assignSheetNames(["甲(2)", "甲", "甲 "]);
    expect([...names.values()]).toEqual(["甲(2)", "甲", "甲(3)"]);
  });
});

describe("a free name for a user's sheet in the tracker's way", () => {
  it("tries (原), then (原2), (原3)…", () => {
    expect(freeSheetName("汇总", new Set())).toBe("汇总(原)");
    expect(freeSheetName("汇总", new Set([sheetNameKey("汇总(原)")]))).toBe("汇总(原2)");
    expect(freeSheetName("汇总", new Set(["汇总(原)", "汇总(原2)"]))).toBe("汇总(原3)");
  });

  it("goes past (原9) to (原10), still within 31 characters", () => {
    const base = x(31);
    const taken = new Set<string>();
    for (let n = 1; n <= 9; n++) taken.add(sheetNameKey(freeSheetName(base, taken)));
    expect(taken.has(sheetNameKey(`${x(28)}(原)`))).toBe(true);
    expect(taken.has(sheetNameKey(`${x(27)}(原9)`))).toBe(true);
    expect(freeSheetName(base, taken)).toBe(`${x(26)}(原10)`);
  });

  it("compares with the taken names ignoring case", () => {
    expect(freeSheetName("Data", new Set([sheetNameKey("DATA(原)")]))).toBe("Data(原2)");
  });
});
