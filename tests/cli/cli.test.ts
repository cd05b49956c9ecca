import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { describeFailure, main } from "../../src/cli/main";
import { readTrackerFile } from "../../src/xlsx/read-tracker";

const tmp = () => mkdtempSync(path.join(os.tmpdir(), "tracker-cli-"));

async function runCli(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (s) => lines.push(s));
  return { code, out: lines.join("\n") };
}

async function failureOf(args: string[]): Promise<string> {
  try {
    await runCli(args);
  } catch (e) {
    return describeFailure(e);
  }
  throw new Error("expected the command to fail");
}

describe("policy-tracker CLI", () => {
  it("--help explains every option in Chinese and English", async () => {
    const { out } = await runCli(["--help"]);
    for (const option of ["--tasks", "--out", "--password", "--tracker-id", "--today", "report"]) expect(out).toContain(option);
    expect(out).toContain("任务清单");
    expect(out).toContain("Task list text");
  });

  it("build with no arguments writes the built-in tracker and prints its path", async () => {
    const dir = tmp();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { code, out } = await runCli([]);
      expect(code).toBe(0);
      const file = path.join(dir, "out", "江西省工作任务清单-跟踪表.xlsx");
      expect(out).toContain(file);
      expect(out).toContain("50 项任务，37 个责任单位，41 张工作表");
      const read = await readTrackerFile(readFileSync(file));
      expect(read.meta.units).toHaveLength(37);
      expect(read.assignments).toHaveLength(171);
    } finally {
      process.chdir(cwd);
    }
  });

  it("build --tasks --out --tracker-id, then report prints the roll-up from the statuses", async () => {
    const dir = tmp();
    const tasks = path.join(dir, "list.txt");
    writeFileSync(tasks, "序号\t政策内容\t责任部门\n1\t到2020年完成甲\t省教育厅、省财政厅\n2\t乙\t省财政厅\n");
    const out = path.join(dir, "t.xlsx");
    await runCli(["build", "--tasks", tasks, "--out", out, "--tracker-id", "cli-1"]);
    expect(existsSync(out)).toBe(true);
    const { out: report } = await runCli(["report", out, "--today", "2026-01-01"]);
    expect(report).toContain("跟踪表 cli-1");
    expect(report).toContain("任务 2 项：已完成 0，长期坚持 0，完成率 0.0%，逾期 1");
    expect(report).toMatch(/省财政厅\s+2\s+1\s+0/);
  });

  it("names the bad line of a task list", async () => {
    const dir = tmp();
    const tasks = path.join(dir, "bad.txt");
    writeFileSync(tasks, "序号\t政策内容\t责任部门\n1\t甲\t省教育厅\n2\t乙\t\n");
    expect(await failureOf(["--tasks", tasks, "--out", path.join(dir, "x.xlsx")])).toBe("错误 / error: 第 3 行：序号 2 缺少责任部门。请填写至少一个责任单位（从 Word 复制合并单元格时，请在每一行都填上）。");
  });

  it("refuses a GBK file and says how to fix it", async () => {
    const dir = tmp();
    const tasks = path.join(dir, "gbk.txt");
    writeFileSync(tasks, Buffer.from([0xd0, 0xf2, 0xba, 0xc5, 0x09, 0x31])); // "序号\t1" in GBK
    expect(await failureOf(["--tasks", tasks])).toContain("不是 UTF-8 编码");
  });

  it("report refuses a file that is not a tracker", async () => {
    const dir = tmp();
    const file = path.join(dir, "x.xlsx");
    writeFileSync(file, "not a zip");
    expect(await failureOf(["report", file])).toContain("不是有效的 .xlsx");
  });

  it("rejects unknown arguments", async () => {
    expect(await failureOf(["frobnicate"])).toContain("未知的命令或参数");
  });

  it("refuses a mistyped or unknown option with the usage, in every command, before writing anything", async () => {
    const dir = tmp();
    const out = path.join(dir, "t.xlsx");
    const typo = await failureOf(["build", "--pasword", "secret", "--out", out]);
    expect(typo).toContain("不认识选项 --pasword");
    expect(typo).toContain("是不是 --password");
    expect(typo).toContain("policy-tracker [build]");
    expect(existsSync(out)).toBe(false);
    expect(await failureOf(["--bogus"])).toContain("不认识选项 --bogus");
    expect(await failureOf(["report", "x.xlsx", "--tody", "2026-01-01"])).toContain("policy-tracker report TRACKER.xlsx");
    expect(await failureOf(["export", "x.xlsx", "--al"])).toContain("不认识选项 --al");
    expect(await failureOf(["merge", "x.xlsx", "r.xlsx", "--ot", "m.xlsx"])).toContain("不认识选项 --ot");
    expect(await failureOf(["archive", "x.xlsx", "--perod", "2026年1月"])).toContain("不认识选项 --perod");
  });

  it("refuses stray arguments with the usage", async () => {
    expect(await failureOf(["report", "a.xlsx", "b.xlsx"])).toContain("多余的参数“b.xlsx”");
    expect(await failureOf(["export", "a.xlsx", "extra", "--all"])).toContain("多余的参数“extra”");
    expect(await failureOf(["archive", "a.xlsx", "b"])).toContain("policy-tracker archive TRACKER.xlsx");
    expect(await failureOf(["build", "list.txt"])).toContain("未知的命令或参数“list.txt”");
    expect(await failureOf(["export", "a.xlsx", "--all=yes"])).toContain("--all 不带值");
  });
});
