/**
 * Every sheet name the add-in makes is one Excel accepts, whatever the unit is called: checked
 * against the strict host's rules (Worksheet.name doc comment; Microsoft's "Rename a worksheet":
 * 1-31 characters, none of : \ / ? * [ ], no leading or trailing apostrophe, not "History",
 * unique ignoring case), then for a few nasty lists through the genuine client.
 */
import fc from "fast-check";
import { assignSheetNames, freeSheetName, sanitiseSheetName, sheetNameKey } from "../../src/blueprint/sheet-names";
import { RESERVED_SHEET_NAMES } from "../../src/blueprint/layout";
import { checkSheetName, sheetNameKey as hostKey } from "../excel-host/model/sheet-names";
import { buildTracker } from "../../src/excel/build-tracker";
import { TaskList } from "../../src/domain/types";
import { buildOptions, newHost } from "../support/excel-host-helpers";

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

const piece = fc.oneof(
  fc.constantFrom("'", "''", "[", "]", ":", "\\", "/", "?", "*", " ", "\t", "\n", "😀", "𠀀", "\ud83d", "\ude00", "省", "厅", "A", "a", "ß", "SS", "K", "k", "History", "history", "汇总", "_meta", "(原10)", "(原)", "(2)"),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);
const unitName = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));
/** Lists with names equal but for case, and long names that differ only after 31 characters. */
const unitList = fc
  .uniqueArray(unitName, { minLength: 1, maxLength: 25 })
  .chain((names) =>
    fc.subarray(names).map((some) => [...new Set([...names, ...some.map((n) => n.toUpperCase()), ...some.map((n) => `${"某".repeat(30)}${n}`)])]),
  );

const hasLoneSurrogate = (s: string): boolean => /[\ud800-\udfff]/.test(s.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""));

function expectLegal(name: string): void {
  expect(() => checkSheetName(name)).not.toThrow();
  expect(hasLoneSurrogate(name)).toBe(false);
}

describe("sheet names the add-in makes", () => {
  it("are legal, unique ignoring case (both ways of folding it), clear of the tracker's own sheets, and stable", () => {
    const reserved = new Set(RESERVED_SHEET_NAMES.map(hostKey));
    fc.assert(
      fc.property(unitList, (units) => {
        const names = assignSheetNames(units);
        expect(names.size).toBe(units.length);
        const values = [...names.values()];
        values.forEach(expectLegal);
        expect(new Set(values.map(hostKey)).size).toBe(values.length);
        expect(new Set(values.map(sheetNameKey)).size).toBe(values.length);
        expect(values.some((v) => reserved.has(hostKey(v)))).toBe(false);
        expect([...assignSheetNames(units)]).toEqual([...names]);
      }),
      { numRuns: RUNS },
    );
  });

  it("keep a unit's name when it is already legal, and cut at 31 characters without splitting a surrogate pair", () => {
    fc.assert(
      fc.property(unitName, (raw) => {
        const name = sanitiseSheetName(raw);
        expectLegal(name);
        let legal = true;
        try {
          checkSheetName(raw);
        } catch {
          legal = false;
        }
        if (legal && !hasLoneSurrogate(raw) && raw === raw.trim() && !/[\u0000-\u001f\u007f]/.test(raw)) expect(name).toBe(raw);
      }),
      { numRuns: RUNS },
    );
    expect(sanitiseSheetName(`${"a".repeat(30)}😀`)).toBe("a".repeat(30));
    expect(sanitiseSheetName(`${"😀".repeat(16)}`)).toBe("😀".repeat(15));
    expect(sanitiseSheetName(`${"a".repeat(30)}'b`)).toBe("a".repeat(30));
    expect(sanitiseSheetName("History")).toBe("History_");
  });

  it("give a user's clashing sheet a free “(原n)” name within 31 characters, even past “(原9)”", () => {
    fc.assert(
      fc.property(unitName, fc.integer({ min: 0, max: 14 }), (raw, already) => {
        const base = sanitiseSheetName(raw);
        const taken = new Set<string>([sheetNameKey(base)]);
        for (let n = 1; n <= already; n++) taken.add(sheetNameKey(freeSheetName(base, taken)));
        const free = freeSheetName(base, taken);
        expectLegal(free);
        expect(taken.has(sheetNameKey(free))).toBe(false);
        expect(free).toMatch(/\(原\d*\)$/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("a tracker for units with hostile names, built through the genuine client under the strict host", () => {
  it("builds: every sheet name is accepted by the host", async () => {
    const samples = fc.sample(unitList, { numRuns: 3, seed: 11 });
    samples.push(["'甲'", "甲", "A[1]", "a[1]", "History", "汇总", `${"某".repeat(30)}😀乙`, `${"某".repeat(30)}😀丙`, "省教育厅(原10)"]);
    for (const units of samples) {
      const list: TaskList = {
        name: "测试清单",
        units,
        tasks: units.map((u, i) => ({ id: i + 1, text: `任务${i + 1}`, units: [u], unitsText: u, deadline: { kind: "none" }, line: i + 1 })),
      };
      const host = newHost();
      const result = await host.run((ctx) => buildTracker(ctx, list, buildOptions()));
      const unitSheets = result.blueprint.sheets.filter((s) => s.role === "unit").map((s) => s.name);
      expect(unitSheets).toHaveLength(units.length);
      for (const name of unitSheets) expect(host.sheetNames()).toContain(name);
    }
  });
});
