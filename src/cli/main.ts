#!/usr/bin/env node
import { TaskListError } from "../domain/task-list-error";
import { TrackerFileError } from "../blueprint/read-grid";
import { UsageError, checkUsage, parseArgs } from "./args";
import { HELP, USAGE } from "./help";

const COMMANDS = ["build", "report", "export", "merge", "archive", "contacts", "mail"] as const;

// Commands are imported when run: ExcelJS (and the jszip it carries) costs several times
// Node's own start-up, and --help or a usage error should not pay for it.

export async function main(argv: readonly string[], out: (s: string) => void = (s) => process.stdout.write(s + "\n")): Promise<number> {
  const args = parseArgs(argv, ["help", "all"]);
  if (args.flags.help) {
    out(HELP);
    return 0;
  }
  const command = (COMMANDS as readonly string[]).includes(args.positional[0]) ? args.positional.shift()! : "build";
  if (command === "build" && args.positional.length > 0) throw new UsageError(`未知的命令或参数“${args.positional[0]}”。运行 --help 查看用法。\n用法 / usage:\n${USAGE.build}`);
  if (command === "mail") return mailMain(args, out);
  checkUsage(command, args, USAGE[command]);
  if (command === "contacts") {
    const r = await (await import("./contacts-command")).contactsCommand(args);
    out(r.text);
    return r.code;
  }
  if (command === "report") {
    out((await (await import("./report-command")).reportCommand(args)).text);
    return 0;
  }
  if (command === "export") {
    const files = await (await import("./export-command")).exportCommand(args);
    out(`已导出 ${files.length} 份单位填报表，并在总表中记录本次导出 / unit copies written, export recorded in the tracker:`);
    for (const f of files) out(`  ${f}`);
    return 0;
  }
  if (command === "archive") {
    const r = await (await import("./archive-command")).archiveCommand(args);
    out(`已归档 ${r.period}（共 ${r.periods} 期）/ archived: ${r.out}`);
    return 0;
  }
  if (command === "merge") {
    const result = await (await import("./merge-command")).mergeCommand(args);
    out(result.text);
    return result.refused.length > 0 ? 2 : 0;
  }
  const started = Date.now();
  const r = await (await import("./build-command")).buildCommand(args);
  out(`已生成跟踪表 / tracker written: ${r.out}`);
  out(`${r.tasks} 项任务，${r.units} 个责任单位，${r.sheets} 张工作表，${(r.bytes / 1024).toFixed(0)} KB，用时 ${Date.now() - started} ms`);
  if (r.ignored.length > 0) {
    out(`已跳过清单以外的 ${r.ignored.length} 行 / lines skipped (not tasks):`);
    for (const l of r.ignored) out(`  第 ${l.line} 行：${l.text}`);
  }
  for (const s of r.suggestions) out(`提示 / hint：“${s.unit}”可能就是“${s.target}”；如是同一单位，请在清单中统一写法。`);
  return 0;
}

async function mailMain(args: ReturnType<typeof parseArgs>, out: (s: string) => void): Promise<number> {
  const mail = await import("./mail-command");
  const sub = args.positional.shift() ?? "";
  if (!(mail.MAIL_SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(`mail 后应是 drafts、remind、send 或 collect（收到“${sub}”）。\n用法 / usage:\n${USAGE.mail}`);
  const name = `mail ${sub}`;
  checkUsage(name, args, USAGE[name]);
  if (sub === "drafts" || sub === "remind") {
    await mail.draftsCommand(args, sub === "drafts" ? "drafts" : "reminders", out);
    return 0;
  }
  if (sub === "send") return mail.sendCommand(args, out);
  return mail.collectCommand(args, out);
}

/** Known failures print their message only; anything else is a bug and keeps its stack. */
export function describeFailure(e: unknown): string {
  if (e instanceof UsageError || e instanceof TaskListError || e instanceof TrackerFileError) return `错误 / error: ${e.message}`;
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(describeFailure(e) + "\n");
      process.exitCode = 1;
    },
  );
}
