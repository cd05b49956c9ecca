import { deadlineLabel, extractDeadline } from "../../src/domain";

describe("extractDeadline", () => {
  it.each([
    ["到2022年,全省中职学校全部达标", { kind: "date", date: "2022-12-31", wording: "到2022年" }],
    ["力争2023年底前完成", { kind: "date", date: "2023-12-31", wording: "2023年底前" }],
    ["在“十四五”期间达到8000元以上", { kind: "date", date: "2025-12-31", wording: "“十四五”期间" }],
    ["'十四五'期间建成", { kind: "date", date: "2025-12-31", wording: "'十四五'期间" }],
    ["2021年起主要从两个渠道招聘", { kind: "from", year: 2021, wording: "2021年起" }],
    ["年度培训规模达到200万人次", { kind: "yearly", wording: "年度" }],
    ["完善职业院校治理体系", { kind: "none" }],
  ])("%s", (text, deadline) => {
    expect(extractDeadline(text)).toEqual(deadline);
  });

  it("prefers an explicit year over a recurring wording", () => {
    expect(extractDeadline("年度考核,到2024年全面完成").kind).toBe("date");
  });

  it("labels keep the published words", () => {
    expect(deadlineLabel({ kind: "from", year: 2021, wording: "2021年起" })).toBe("2021年起（持续推进）");
    expect(deadlineLabel({ kind: "none" })).toBe("未明确");
  });
});
