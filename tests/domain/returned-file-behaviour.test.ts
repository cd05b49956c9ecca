import { EMPTY_REPORT, Report, ReturnedRows, mergeReturns, parseBaseline, reportKey, returnedFile } from "../../src/domain";

/**
 * What a returned workbook offers to the merge, decided from the rows a reader found in it:
 * whose reports they are, which of them may be written, and which are refused and why.
 * Returns come back by e-mail from other offices, so every refusal here guards the master.
 */
const r = (fields: Partial<Report>): Report => ({ ...EMPTY_REPORT, ...fields });
type Row = ReturnedRows["assignments"][number];
const row = (taskId: number, unit: string, fields: Partial<Report>, extra: Partial<Row> = {}): Row => ({ taskId, unit, report: r(fields), ...extra });

/** The baseline a unit copy keeps: the master's reports at export, as JSON in its metadata. */
const baselineOf = (master: ReadonlyMap<string, Report>): string => JSON.stringify(Object.fromEntries(master));

const WAIBAN = "省外办";
const SHANGWU = "省商务厅";

describe("returnedFile: whose reports a returned file holds", () => {
  it("keys each row by 序号 × unit and keeps the file name and the unit a unit copy belongs to", () => {
    const file = returnedFile({
      source: "省外办-填报表.xlsx",
      unit: WAIBAN,
      assignments: [
        row(12, WAIBAN, { status: "推进中", progress: "已召开专题会议，形成工作方案。", reporter: "张三", reportDate: "2026-11-20" }, { row: 3 }),
        row(46, WAIBAN, { status: "已完成", evidence: "会议纪要（2026年第5期）" }, { row: 4 }),
      ],
    });
    expect(file.source).toBe("省外办-填报表.xlsx");
    expect(file.unit).toBe(WAIBAN);
    expect(file.baseline).toBeUndefined();
    expect([...file.reports]).toEqual([
      [reportKey(12, WAIBAN), { report: r({ status: "推进中", progress: "已召开专题会议，形成工作方案。", reporter: "张三", reportDate: "2026-11-20" }) }],
      [reportKey(46, WAIBAN), { report: r({ status: "已完成", evidence: "会议纪要（2026年第5期）" }) }],
    ]);
  });

  it("a unit copy may only write its own unit's tasks; a full tracker (no unit) may write every unit's", () => {
    // Nothing reported yet, so with or without a baseline every returned value is new.
    const master = new Map([
      [reportKey(12, WAIBAN), r({})],
      [reportKey(12, SHANGWU), r({})],
    ]);
    const rows = [row(12, WAIBAN, { status: "已完成" }), row(12, SHANGWU, { status: "已完成" })];

    const copy = returnedFile({ source: "省外办.xlsx", unit: WAIBAN, assignments: rows });
    const fromCopy = mergeReturns(master, [copy]);
    expect(fromCopy.reports.get(reportKey(12, WAIBAN))!.status).toBe("已完成");
    expect(fromCopy.reports.get(reportKey(12, SHANGWU))!.status).toBe("");
    expect(fromCopy.files[0].rejected).toEqual([
      { key: reportKey(12, SHANGWU), kind: "其他单位的填报", reason: "“省外办”的填报表不能填报“省商务厅”的任务，未写入。" },
    ]);

    const tracker = returnedFile({ source: "跟踪表.xlsx", assignments: rows });
    expect(tracker.unit).toBeUndefined();
    const fromTracker = mergeReturns(master, [tracker]);
    expect(fromTracker.files[0].rejected).toEqual([]);
    expect(fromTracker.reports.get(reportKey(12, SHANGWU))!.status).toBe("已完成");
  });

  it("carries a status outside the vocabulary and unreadable fields with their row, so neither is written", () => {
    const refused = { evidence: "“佐证材料”是公式（=B2），未读取；请填写文字。" };
    const master = new Map([
      [reportKey(12, WAIBAN), r({ status: "推进中", evidence: "批复文件" })],
      [reportKey(46, WAIBAN), r({ status: "推进中" })],
    ]);
    const file = returnedFile({
      source: "省外办.xlsx",
      unit: WAIBAN,
      baselineJson: baselineOf(master),
      assignments: [
        row(12, WAIBAN, { status: "", progress: "正在推进", evidence: "" }, { rejectedStatus: "差不多了", refused, row: 3 }),
        row(46, WAIBAN, { status: "已完成" }, { row: 4 }),
      ],
    });
    expect(file.reports.get(reportKey(12, WAIBAN))).toEqual({ report: r({ progress: "正在推进" }), rejectedStatus: "差不多了", refused });
    expect(file.reports.get(reportKey(46, WAIBAN))).toEqual({ report: r({ status: "已完成" }) });

    const out = mergeReturns(master, [file]);
    expect(out.reports.get(reportKey(12, WAIBAN))).toEqual(r({ status: "推进中", progress: "正在推进", evidence: "批复文件" }));
    expect(out.reports.get(reportKey(46, WAIBAN))).toEqual(r({ status: "已完成" }));
    expect(out.files[0].rejected.map((x) => [x.key, x.field, x.kind])).toEqual([
      [reportKey(12, WAIBAN), "status", "完成状态无效"],
      [reportKey(12, WAIBAN), "evidence", "佐证材料是公式"],
    ]);
  });
});

describe("returnedFile: a 序号 on more than one row", () => {
  it("refuses the task when the rows differ, naming the rows, and writes nothing of either", () => {
    const master = new Map([
      [reportKey(12, WAIBAN), r({ status: "未启动", progress: "主表原有进展" })],
      [reportKey(46, WAIBAN), r({ status: "推进中" })],
    ]);
    const file = returnedFile({
      source: "省外办.xlsx",
      unit: WAIBAN,
      baselineJson: baselineOf(master),
      assignments: [
        row(12, WAIBAN, { status: "推进中", progress: "已起草方案" }, { row: 3 }),
        row(46, WAIBAN, { status: "已完成" }, { row: 4 }),
        row(12, WAIBAN, { status: "已完成", progress: "已起草方案" }, { row: 5 }),
      ],
    });
    expect(file.reports.get(reportKey(12, WAIBAN))).toEqual({
      report: EMPTY_REPORT,
      refusedRow: "序号 12 出现了 2 次（第 3 行、第 5 行）且内容不同，无法判断以哪一行为准，该序号未合并。请删除重复的行后重新报送。",
    });
    // The other tasks of the file are still taken.
    expect(file.reports.get(reportKey(46, WAIBAN))).toEqual({ report: r({ status: "已完成" }) });

    const out = mergeReturns(master, [file]);
    expect(out.reports.get(reportKey(12, WAIBAN))).toEqual(r({ status: "未启动", progress: "主表原有进展" }));
    expect(out.reports.get(reportKey(46, WAIBAN))!.status).toBe("已完成");
    expect(out.files[0].rejected.map((x) => [x.key, x.kind])).toEqual([[reportKey(12, WAIBAN), "整行拒收"]]);
  });

  it("names only the rows it knows, and none when the reader gave no row numbers", () => {
    const three = returnedFile({
      source: "x.xlsx",
      assignments: [row(9, WAIBAN, { progress: "甲" }, { row: 4 }), row(9, WAIBAN, { progress: "乙" }), row(9, WAIBAN, { progress: "丙" }, { row: 9 })],
    });
    expect(three.reports.get(reportKey(9, WAIBAN))!.refusedRow).toBe(
      "序号 9 出现了 3 次（第 4 行、第 9 行）且内容不同，无法判断以哪一行为准，该序号未合并。请删除重复的行后重新报送。",
    );
    const unnumbered = returnedFile({ source: "x.xlsx", assignments: [row(9, WAIBAN, { progress: "甲" }), row(9, WAIBAN, { progress: "乙" })] });
    expect(unnumbered.reports.get(reportKey(9, WAIBAN))!.refusedRow).toBe(
      "序号 9 出现了 2 次且内容不同，无法判断以哪一行为准，该序号未合并。请删除重复的行后重新报送。",
    );
  });

  it("counts an unreadable status or field as content: rows that differ only there are refused too", () => {
    const same = { status: "推进中" as const, progress: "按计划推进" };
    const byStatus = returnedFile({ source: "x.xlsx", assignments: [row(7, WAIBAN, same, { row: 3 }), row(7, WAIBAN, same, { row: 8, rejectedStatus: "=A1" })] });
    expect(byStatus.reports.get(reportKey(7, WAIBAN))!.refusedRow).toContain("序号 7 出现了 2 次（第 3 行、第 8 行）且内容不同");
    const byField = returnedFile({
      source: "x.xlsx",
      assignments: [row(7, WAIBAN, same, { row: 3 }), row(7, WAIBAN, same, { row: 8, refused: { reportDate: "填报日期不是有效日期。" } })],
    });
    expect(byField.reports.get(reportKey(7, WAIBAN))!.refusedRow).toContain("序号 7 出现了 2 次（第 3 行、第 8 行）且内容不同");
  });

  it("takes identical rows as one report, and the same 序号 of two units as two", () => {
    const file = returnedFile({
      source: "跟踪表.xlsx",
      assignments: [
        row(12, WAIBAN, { status: "推进中", progress: "已起草方案" }, { row: 3 }),
        row(12, WAIBAN, { status: "推进中", progress: "已起草方案" }, { row: 5 }),
        row(12, SHANGWU, { status: "已完成" }, { row: 3 }),
      ],
    });
    expect([...file.reports]).toEqual([
      [reportKey(12, WAIBAN), { report: r({ status: "推进中", progress: "已起草方案" }) }],
      [reportKey(12, SHANGWU), { report: r({ status: "已完成" }) }],
    ]);
  });
});

describe("parseBaseline: what each report was when the unit copy was exported", () => {
  it("reads each report; a missing or non-text field is empty and a status outside the vocabulary is dropped", () => {
    const json = JSON.stringify({
      [reportKey(12, WAIBAN)]: { status: "推进中", progress: "已召开专题会议", problems: "", nextSteps: "下月印发方案", evidence: "纪要", reporter: "张三", reportDate: "2026-10-31" },
      [reportKey(46, WAIBAN)]: { status: "差不多了", progress: 5, evidence: null, reporter: "李四" },
      [reportKey(47, WAIBAN)]: null,
    });
    expect([...parseBaseline(json)!]).toEqual([
      [reportKey(12, WAIBAN), r({ status: "推进中", progress: "已召开专题会议", nextSteps: "下月印发方案", evidence: "纪要", reporter: "张三", reportDate: "2026-10-31" })],
      [reportKey(46, WAIBAN), r({ reporter: "李四" })],
      [reportKey(47, WAIBAN), r({})],
    ]);
  });

  it("a file without a baseline (a full tracker, or none kept) has none", () => {
    expect(parseBaseline(undefined)).toBeUndefined();
    expect(parseBaseline("")).toBeUndefined();
    const file = returnedFile({ source: "跟踪表.xlsx", assignments: [row(1, WAIBAN, { status: "已完成" })], baselineJson: "" });
    expect(file.baseline).toBeUndefined();
  });

  it("refuses a damaged baseline, saying what is wrong and to export the copy again", () => {
    expect(() => parseBaseline('{"12|省外办": {"status": "推进中"')).toThrow(
      /^填报副本的隐藏元数据（基线）已损坏（.+），无法判断哪些内容是单位修改的。请重新导出该单位的填报表。$/,
    );
    for (const json of ["null", "42", '"推进中"', "true"]) {
      expect(() => parseBaseline(json)).toThrow(new Error("填报副本的隐藏元数据（基线）格式不对。请重新导出该单位的填报表。"));
    }
    // returnedFile passes the refusal on: the caller refuses the whole file.
    expect(() => returnedFile({ source: "省外办.xlsx", unit: WAIBAN, assignments: [row(12, WAIBAN, { status: "已完成" })], baselineJson: "null" })).toThrow(
      "填报副本的隐藏元数据（基线）格式不对。",
    );
  });

  it("lets the merge tell the unit's edits from the master's: a field the unit left as exported keeps the master's later edit", () => {
    const key = reportKey(12, WAIBAN);
    const exported = r({ status: "推进中", progress: "已起草方案" });
    const file = returnedFile({
      source: "省外办.xlsx",
      unit: WAIBAN,
      baselineJson: JSON.stringify({ [key]: exported }),
      assignments: [row(12, WAIBAN, { status: "已完成", progress: "已起草方案" }, { row: 3 })],
    });
    expect(file.baseline).toEqual(new Map([[key, exported]]));
    const master = new Map([[key, r({ status: "推进中", progress: "方案已报省政府审定" })]]);
    const out = mergeReturns(master, [file]);
    expect(out.reports.get(key)).toEqual(r({ status: "已完成", progress: "方案已报省政府审定" }));
    expect(out.files[0].conflicts).toEqual([]);
  });
});
