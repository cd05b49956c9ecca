import { normaliseStatus } from "../../src/domain";

describe("normaliseStatus", () => {
  it.each([
    ["已完成", "已完成"],
    [" 已 完成 ", "已完成"],
    ["完成", "已完成"],
    ["进行中", "推进中"],
    ["长期坚持", "长期坚持"],
    ["延期", "滞后"],
    ["", ""],
    [null, ""],
  ])("%p → %p", (raw, status) => {
    expect(normaliseStatus(raw)).toBe(status);
  });

  it("folds full-width characters", () => {
    expect(normaliseStatus("已完成\u3000")).toBe("已完成");
  });

  it("refuses to guess an unknown word", () => {
    expect(normaliseStatus("差不多了")).toBeUndefined();
    expect(normaliseStatus("=A1")).toBeUndefined();
  });
});
