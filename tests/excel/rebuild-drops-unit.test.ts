import { parseTaskList } from "../../src/domain";
import { buildTracker } from "../../src/excel/build-tracker";
import { buildOptions, newHost, sheetInfo, typeStatuses, usedValues } from "../support/excel-host-helpers";

const OWN = ["序号\t政策内容\t责任部门", "1\t推进中职学校达标建设\t省教育厅、省财政厅", "2\t落实学生资助政策\t本地专项办", "3\t开展督导评估\t省教育厅"].join("\n");
const NEXT = ["序号\t政策内容\t责任部门", "1\t推进中职学校达标建设\t省教育厅、省财政厅", "2\t落实学生资助政策\t省财政厅", "3\t开展督导评估\t省教育厅"].join("\n");

describe("a rebuild with a list that drops a unit", () => {
  it("removes that unit's sheet, keeps every other report and leaves no held or staged sheet", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, parseTaskList(OWN, { name: "本地清单" }), buildOptions({ listSource: OWN })));
    await typeStatuses(host, "本地专项办", [[2, "已完成", "已发放到位"]]);
    await typeStatuses(host, "省教育厅", [[3, "推进中", "督导已启动"]]);

    const result = await host.run((ctx) => buildTracker(ctx, parseTaskList(NEXT, { name: "本地清单" }), buildOptions({ listSource: NEXT })));

    const names = (await sheetInfo(host)).map((s) => s.name);
    expect(names).not.toContain("本地专项办");
    expect(names.filter((n) => n.startsWith("__tracker"))).toEqual([]);
    expect(result.issues).toEqual([]);
    const row = (await usedValues(host, "省教育厅")).find((r) => r[0] === 3)!;
    expect(row.slice(6, 8)).toEqual(["推进中", "督导已启动"]);
  });
});
