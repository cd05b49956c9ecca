import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

const run = (args: string[]) => main(args, () => undefined);

async function instructionLines(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return (wb.getWorksheet("填报说明")!.getColumn(1).values as unknown[]).map(String);
}

describe("policy-tracker build --period --deadline --contact", () => {
  it("writes them into 填报说明 and into the copies export makes, and the regenerated master keeps them", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tracker-cli-info-"));
    const tasks = path.join(dir, "list.txt");
    writeFileSync(tasks, "序号\t政策内容\t责任部门\n1\t推进甲\t省教育厅、省财政厅\n2\t落实乙\t省财政厅\n");
    const out = path.join(dir, "t.xlsx");
    const code = await run(["build", "--tasks", tasks, "--out", out, "--period", "2026年12月", "--deadline", "2026年12月25日前", "--contact", "张三 0791-86000000"]);
    expect(code).toBe(0);
    const wanted = ["填报期间：2026年12月", "报送截止时间：2026年12月25日前", "联系人及电话：张三 0791-86000000"];
    expect(await instructionLines(out)).toEqual(expect.arrayContaining(wanted));

    await run(["export", out, "--unit", "省财政厅", "--out", dir]);
    expect(await instructionLines(path.join(dir, "list-省财政厅-填报.xlsx"))).toEqual(expect.arrayContaining([...wanted, expect.stringMatching(/^12\. 本表为 2026年12月 的填报表/)]));
    expect(await instructionLines(out)).toEqual(expect.arrayContaining(wanted));
  });

  it("lists the options in build's help", async () => {
    const lines: string[] = [];
    await main(["--help"], (s) => lines.push(s));
    for (const option of ["--period TEXT", "--deadline TEXT", "--contact TEXT", "报送截止时间", "联系人及电话"]) expect(lines.join("\n")).toContain(option);
  });
});
