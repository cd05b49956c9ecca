import { parseTaskList } from "../../src/domain";

/**
 * Policy documents number the tasks of a part "（一）（二）…（十一）…（二十三）". Those numbers are
 * the tasks' ids (the key everywhere), so each form of Chinese number must read as written.
 */
describe("inline tasks numbered in Chinese （三）", () => {
  it("reads 一…九, 十, 十一…十九, 二十 and 二十三 as the task's id and drops the number from the text", () => {
    const text = [
      "就业工作任务分工",
      "（三）组织高校毕业生就业见习。（市人社局牵头）",
      "（十）开展就业服务进校园活动。（市教育局负责）",
      "（十一）举办线上线下专场招聘会。（市人社局负责）",
      "（二十）加强就业困难人员帮扶。（市民政局牵头，市残联配合）",
      "（二十三） 落实稳岗返还政策。（市人社局牵头，市财政局配合）",
    ].join("\n");
    expect(parseTaskList(text).tasks.map((t) => [t.id, t.line, t.text])).toEqual([
      [3, 2, "组织高校毕业生就业见习"],
      [10, 3, "开展就业服务进校园活动"],
      [11, 4, "举办线上线下专场招聘会"],
      [20, 5, "加强就业困难人员帮扶"],
      [23, 6, "落实稳岗返还政策"],
    ]);
  });

  it("keeps a mistyped number （十十） in the text and numbers that paragraph by position", () => {
    const text = ["就业工作任务分工", "（一）组织高校毕业生就业见习。（市人社局牵头）", "（十十）落实就业补贴政策。（市财政局负责）"].join("\n");
    expect(parseTaskList(text).tasks.map((t) => [t.id, t.text])).toEqual([
      [1, "组织高校毕业生就业见习"],
      [2, "（十十）落实就业补贴政策"],
    ]);
  });

  it("does not take a （三） inside the sentence for the paragraph's number", () => {
    const text = ["就业工作任务分工", "组织开展职业技能竞赛，落实竞赛方案第（三）项要求。（市人社局牵头）", "开展就业服务进校园活动。（市教育局负责）"].join("\n");
    expect(parseTaskList(text).tasks.map((t) => [t.id, t.text])).toEqual([
      [1, "组织开展职业技能竞赛，落实竞赛方案第（三）项要求"],
      [2, "开展就业服务进校园活动"],
    ]);
  });
});
