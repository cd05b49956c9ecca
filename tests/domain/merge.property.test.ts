import fc from "fast-check";
import { REPORT_FIELDS, Report, ReturnedFile, STATUSES, mergeReturns, reportKey } from "../../src/domain";
import { ReturnedReport } from "../../src/domain/merge";

const UNITS = ["甲", "乙", "丙"];
const keyArb = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(...UNITS)).map(([id, u]) => reportKey(id, u));
const textArb = fc.constantFrom("", "已印发方案", "正在推进", "完成验收", "无");
const reportArb: fc.Arbitrary<Report> = fc.record({
  status: fc.constantFrom("", ...STATUSES),
  progress: textArb,
  problems: textArb,
  nextSteps: textArb,
  evidence: textArb,
  reporter: fc.constantFrom("", "张三", "李四"),
  reportDate: fc.constantFrom("", "2026-11-30", "2026-12-01"),
});
const ALL_KEYS = [1, 2, 3, 4, 5, 6].flatMap((id) => UNITS.map((u) => reportKey(id, u)));
const masterArb = fc.array(reportArb, { minLength: ALL_KEYS.length, maxLength: ALL_KEYS.length }).map((rs) => new Map(ALL_KEYS.map((k, i) => [k, rs[i]])));

/** A return derived from a baseline, with some fields edited (as a recipient would). */
const fileArb = (keys: fc.Arbitrary<string[]>) =>
  fc.tuple(keys, fc.array(fc.tuple(reportArb, reportArb, fc.boolean()), { minLength: 18, maxLength: 18 })).map(([ks, pairs]) => {
    const baseline = new Map<string, Report>();
    const reports = new Map<string, { report: Report }>();
    ks.forEach((k, i) => {
      const [base, edited, editStatusOnly] = pairs[i % pairs.length];
      baseline.set(k, base);
      reports.set(k, { report: editStatusOnly ? { ...base, status: edited.status } : edited });
    });
    return { source: "f.xlsx", baseline, reports } as ReturnedFile;
  });
const keysArb = fc.uniqueArray(keyArb, { minLength: 1, maxLength: 10 });

/** 300 runs by default; FUZZ_RUNS lowers it (npm run mutate runs every mutant through this file). */
const RUNS = { numRuns: Number(process.env.FUZZ_RUNS ?? 300) };

describe("mergeReturns (property-based)", () => {
  it("takes a field changed only in the return, keeps one changed only in the master, conflicts exactly where both changed differently", () => {
    fc.assert(
      fc.property(masterArb, fileArb(keysArb), (master, file) => {
        const out = mergeReturns(master, [file]);
        const conflicts = new Set(out.files[0].conflicts.map((c) => `${c.key}#${c.field}`));
        for (const [key, returned] of file.reports) {
          const base = file.baseline!.get(key)!;
          const ours = master.get(key)!;
          const result = out.reports.get(key)!;
          for (const f of REPORT_FIELDS) {
            const theirs = returned.report[f];
            const expectConflict = theirs !== base[f] && ours[f] !== base[f] && theirs !== ours[f];
            expect(conflicts.has(`${key}#${f}`)).toBe(expectConflict);
            const expected = theirs !== base[f] && ours[f] === base[f] ? theirs : ours[f];
            expect(result[f]).toBe(expected);
          }
        }
        for (const key of ALL_KEYS) if (!file.reports.has(key)) expect(out.reports.get(key)).toEqual(master.get(key));
      }),
      RUNS,
    );
  });

  it("is idempotent: merging the same return twice changes nothing the second time", () => {
    fc.assert(
      fc.property(masterArb, fileArb(keysArb), (master, file) => {
        const once = mergeReturns(master, [file]);
        const twice = mergeReturns(once.reports, [file]);
        expect(twice.reports).toEqual(once.reports);
        expect(twice.files[0].updated).toEqual([]);
      }),
      RUNS,
    );
  });

  it("gives the same result in any order for unit copies (disjoint keys)", () => {
    const perUnit = (unit: string) => fileArb(fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 6 }).map((ids) => ids.map((id) => reportKey(id, unit))));
    fc.assert(
      fc.property(masterArb, perUnit("甲"), perUnit("乙"), perUnit("丙"), (master, a, b, c) => {
        const forward = mergeReturns(master, [a, b, c]);
        const backward = mergeReturns(master, [c, b, a]);
        expect(backward.reports).toEqual(forward.reports);
        const conflictSet = (o: typeof forward) => o.files.flatMap((f) => f.conflicts.map((x) => `${x.key}#${x.field}`)).sort();
        expect(conflictSet(backward)).toEqual(conflictSet(forward));
      }),
      RUNS,
    );
  });

  it("loses no change across several returns of the same keys: each field ends as the master or some return's edit", () => {
    fc.assert(
      fc.property(masterArb, fc.array(fileArb(keysArb), { minLength: 2, maxLength: 4 }), (master, files) => {
        const out = mergeReturns(master, files);
        for (const key of ALL_KEYS) {
          for (const f of REPORT_FIELDS) {
            const candidates = new Set([master.get(key)![f], ...files.filter((x) => x.reports.has(key)).map((x) => x.reports.get(key)!.report[f])]);
            expect(candidates.has(out.reports.get(key)![f])).toBe(true);
          }
        }
        // Step by step: every edit a return makes is either in the master afterwards or recorded as a conflict.
        let current = master;
        for (const file of files) {
          const step = mergeReturns(current, [file]);
          const conflicts = new Set(step.files[0].conflicts.map((c) => `${c.key}#${c.field}`));
          for (const [key, r] of file.reports) {
            for (const f of REPORT_FIELDS) {
              if (r.report[f] === file.baseline!.get(key)![f]) continue;
              expect(step.reports.get(key)![f] === r.report[f] || conflicts.has(`${key}#${f}`)).toBe(true);
            }
          }
          current = step.reports;
        }
        expect(current).toEqual(out.reports);
      }),
      RUNS,
    );
  });

  it("rejects keys the master does not know and statuses outside the vocabulary", () => {
    const master = new Map([[reportKey(1, "甲"), { status: "推进中", progress: "", problems: "", nextSteps: "", evidence: "", reporter: "", reportDate: "" } as Report]]);
    const out = mergeReturns(master, [
      {
        source: "x.xlsx",
        reports: new Map([
          [reportKey(9, "甲"), { report: { ...master.get(reportKey(1, "甲"))!, status: "已完成" } }],
          [reportKey(1, "甲"), { report: { ...master.get(reportKey(1, "甲"))!, status: "", progress: "新进展" }, rejectedStatus: "差不多" }],
        ]),
      },
    ]);
    expect(out.reports.has(reportKey(9, "甲"))).toBe(false);
    expect(out.reports.get(reportKey(1, "甲"))).toMatchObject({ status: "推进中", progress: "新进展" });
    expect(out.files[0].rejected.map((r) => r.key)).toEqual([reportKey(1, "甲"), reportKey(9, "甲")]);
  });

  it("a unit copy never changes another unit's report, whatever keys it carries", () => {
    fc.assert(
      fc.property(masterArb, fileArb(keysArb), fc.constantFrom(...UNITS), (master, file, unit) => {
        const out = mergeReturns(master, [{ ...file, unit }]);
        for (const key of ALL_KEYS) if (!key.endsWith(`|${unit}`)) expect(out.reports.get(key)).toEqual(master.get(key));
        const foreign = [...file.reports.keys()].filter((k) => !k.endsWith(`|${unit}`));
        expect(out.files[0].rejected.filter((r) => r.kind === "其他单位的填报").map((r) => r.key).sort()).toEqual(foreign.sort());
      }),
      RUNS,
    );
  });

  it("never writes a refused field or a refused row, and logs every field it writes with old and new value", () => {
    fc.assert(
      fc.property(masterArb, fileArb(keysArb), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...REPORT_FIELDS), fc.boolean()), { maxLength: 8 }), (master, file, marks) => {
        const keys = [...file.reports.keys()];
        const reports = new Map(file.reports as Map<string, ReturnedReport>);
        for (const [i, field, wholeRow] of marks) {
          const key = keys[i % keys.length];
          const r = reports.get(key)!;
          reports.set(key, wholeRow ? { ...r, refusedRow: "重复" } : { ...r, refused: { ...r.refused, [field]: "是公式" } });
        }
        const out = mergeReturns(master, [{ ...file, reports }]);
        for (const [key, r] of reports) {
          for (const f of REPORT_FIELDS) {
            if (r.refusedRow !== undefined || r.refused?.[f] !== undefined) expect(out.reports.get(key)![f]).toBe(master.get(key)![f]);
          }
        }
        const changes = out.files[0].changes;
        for (const key of ALL_KEYS) {
          for (const f of REPORT_FIELDS) {
            const c = changes.find((x) => x.key === key && x.field === f);
            if (out.reports.get(key)![f] !== master.get(key)![f]) expect(c).toEqual({ key, field: f, from: master.get(key)![f], to: out.reports.get(key)![f] });
            else expect(c).toBeUndefined();
          }
        }
      }),
      RUNS,
    );
  });
});
