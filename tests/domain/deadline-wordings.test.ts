import { Deadline, deadlineLabel, deadlineWording, dueDate, extractDeadline } from "../../src/domain";

describe("extractDeadline: wordings the seed list does not use", () => {
  it.each([
    ["“十五五”期间全面建成", { kind: "date", date: "2030-12-31", wording: "“十五五”期间" }],
    ["十五五时期基本实现", { kind: "date", date: "2030-12-31", wording: "十五五时期" }],
    ["十四五期间建成一批", { kind: "date", date: "2025-12-31", wording: "十四五期间" }],
    ["到十四五末达到", { kind: "date", date: "2025-12-31", wording: "十四五末" }],
    ["2025年底完成", { kind: "date", date: "2025-12-31", wording: "2025年底" }],
    ["2027年末建成", { kind: "date", date: "2027-12-31", wording: "2027年末" }],
    ["到2025年底前全覆盖", { kind: "date", date: "2025-12-31", wording: "到2025年底前" }],
    ["至2028年完成", { kind: "date", date: "2028-12-31", wording: "至2028年" }],
    ["2024年6月底前完成", { kind: "date", date: "2024-06-30", wording: "2024年6月底前" }],
    ["于2024年2月底前报送", { kind: "date", date: "2024-02-29", wording: "于2024年2月底前" }],
    ["2023年2月底前报送", { kind: "date", date: "2023-02-28", wording: "2023年2月底前" }],
    ["2024年12月完成", { kind: "date", date: "2024-12-31", wording: "2024年12月" }],
    ["2024年3月5日前完成", { kind: "date", date: "2024-03-05", wording: "2024年3月5日前" }],
    ["到2024年10月15日", { kind: "date", date: "2024-10-15", wording: "到2024年10月15日" }],
    ["自2022年开始实施", { kind: "from", year: 2022, wording: "自2022年开始" }],
    ["每年开展一次评估", { kind: "yearly", wording: "每年" }],
  ])("%s", (text, deadline) => {
    expect(extractDeadline(text)).toEqual(deadline);
  });

  it("a year alone is not a deadline without 到/至/于 or 底/末", () => {
    expect(extractDeadline("2021年出台方案").kind).toBe("none");
  });

  it("an explicit date beats a plan period stated in the same text", () => {
    expect(extractDeadline("十四五期间,2023年6月底前完成试点")).toEqual({ kind: "date", date: "2023-06-30", wording: "2023年6月底前" });
    expect(extractDeadline("自2021年起,十五五期间完成")).toEqual({ kind: "date", date: "2030-12-31", wording: "十五五期间" });
  });
});

describe("deadlineLabel, deadlineWording, dueDate", () => {
  const date: Deadline = { kind: "date", date: "2025-12-31", wording: "2025年底前" };
  const from: Deadline = { kind: "from", year: 2021, wording: "2021年起" };
  const yearly: Deadline = { kind: "yearly", wording: "每年" };
  const none: Deadline = { kind: "none" };

  it("labels: a date keeps its words; a start year and a yearly task say so; none says 未明确", () => {
    expect([date, from, yearly, none].map(deadlineLabel)).toEqual(["2025年底前", "2021年起（持续推进）", "每年（每年）", "未明确"]);
  });

  it("wording: the published words, empty when the list states none", () => {
    expect([date, from, yearly, none].map(deadlineWording)).toEqual(["2025年底前", "2021年起", "每年", ""]);
  });

  it("due date: only a date has one", () => {
    expect([date, from, yearly, none].map(dueDate)).toEqual(["2025-12-31", undefined, undefined, undefined]);
  });
});
