import { EMPTY_REPORT, REPORT_FIELDS, Report, isEmptyReport } from "../../src/domain";

describe("whether a unit has reported anything on a task", () => {
  it("counts a report as empty only when every input column is blank", () => {
    expect(isEmptyReport({ ...EMPTY_REPORT })).toBe(true);
    // A single filled column is something reported (and kept on rebuild), whichever column it is.
    for (const field of REPORT_FIELDS) {
      const one: Report = { ...EMPTY_REPORT, [field]: field === "status" ? "进行中" : field === "reportDate" ? "2026-11-28" : "张三" };
      expect([field, isEmptyReport(one)]).toEqual([field, false]);
    }
    expect(isEmptyReport({ status: "已完成", progress: "方案已印发", problems: "无", nextSteps: "抓好落实", evidence: "印发通知", reporter: "李四", reportDate: "2026-11-28" })).toBe(false);
  });
});
