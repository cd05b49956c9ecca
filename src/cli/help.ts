import { PRESETS, PRESET_IDS } from "../domain/vocabulary";

export const HELP = `policy-tracker — 政策任务跟踪表 / policy task tracker

用法 Usage:
  policy-tracker [build] [--tasks FILE] [--sheet NAME] [--out FILE] [--password PW] [--tracker-id ID] [--vocabulary PRESET|FILE.json]
                   [--period TEXT] [--deadline TEXT] [--contact TEXT]
  policy-tracker export TRACKER.xlsx (--unit NAME ... | --all) [--out DIR] [--period TEXT] [--password PW]
  policy-tracker merge TRACKER.xlsx RETURN.xlsx... [--out MERGED.xlsx] [--accept-full-tracker FILE] [--password PW]
  policy-tracker archive TRACKER.xlsx [--period 2026年11月] [--out FILE] [--password PW] [--today YYYY-MM-DD]
  policy-tracker report TRACKER.xlsx [--today YYYY-MM-DD] [--docx OUT.docx]
  policy-tracker contacts [import] TRACKER.xlsx [联络员.csv]
  policy-tracker mail (drafts | remind | send | collect) ...
  policy-tracker --help

build（默认命令 / default）
  由任务清单生成跟踪工作簿（汇总、任务总表、填报说明、每个责任单位一张表）。
  Builds the tracking workbook (summary, master list, instructions, one sheet per unit).
  --tasks FILE       任务清单：.txt/.csv（表格、“牵头单位：…”分段或“（某某牵头……）”段落）、.docx、.xlsx;
                     默认使用内置的江西省清单。标题、附件、文号、落款等行会被跳过并列出。
                     Task list text (table, block or inline paragraphs; tab-separated or CSV), .docx or .xlsx;
                     defaults to the built-in Jiangxi list. Titles and signatures are skipped and listed.
  --sheet NAME       .xlsx 清单所在的工作表；默认第一张。 Worksheet of an .xlsx list; the first by default.
  --out FILE         输出的 .xlsx 路径；默认 out/<清单名称>-跟踪表.xlsx。
                     Where to write the .xlsx; defaults to out/<list name>-跟踪表.xlsx.
  --password PW      工作表保护密码（防误改，不是加密）；默认无密码。
                     Sheet protection password (deters accidents, not encryption); none by default.
  --tracker-id ID    跟踪表编号；默认随机生成。回收的文件按此编号识别。
                     Tracker id; random by default. Returned files are matched by it.
  --vocabulary V     完成状态等用语：预设 ${PRESET_IDS.join("、")}（默认 ours），或自定义的 JSON 文件；
                     记入跟踪表，重建、合并、汇总沿用。预设 / presets:
${PRESET_IDS.map((id) => `                       ${id}: ${PRESETS[id].name}`).join("\n")}
                     Status words, report columns and cadence: a preset (ours, schedule, handling)
                     or a custom JSON file; kept in the tracker for rebuilds, merges and reports.
  --period TEXT      填报期间，写入填报说明，导出副本时默认用它，如 2026年12月。
                     Reporting period, shown in the instructions; the default period of exported copies.
  --deadline TEXT    报送截止时间，写入填报说明，如 2026年12月25日前。 Return deadline shown in the instructions.
  --contact TEXT     联系人及电话，写入填报说明，如 “张三 0791-12345678”。 Contact and phone shown in the instructions.

export TRACKER.xlsx
  为一个、多个（--unit 可重复）或全部（--all）单位导出填报副本：填报说明 + 本单位工作表 + 合并所需的隐藏元数据。
  Writes per-unit copies (instructions, the unit's sheet, hidden metadata for merging) for --unit NAME
  (repeatable) or --all units.
  --out DIR          输出目录；默认 out/。 Output folder; defaults to out/.
  --period TEXT      填报期间，写入副本和填报说明；默认本月，如 2026年12月。 Reporting period; defaults to this month.
  导出会重写总表（记录导出时间和校验密钥，密钥只保存在总表中）。 Export rewrites the tracker to record the export and its copy key.

merge TRACKER.xlsx RETURN.xlsx...
  把回收的单位副本（或整表）按“序号 + 单位”三方合并进总表，另存为新文件，并在“合并记录”表中记下
  每个文件的更新、未变、冲突、拒收。两边都改过的内容保留总表的值并记为冲突。
  Three-way merges returned copies (or full trackers) by task id × unit into a new tracker file and
  logs updated / unchanged / conflicts / rejected per file on 合并记录. Exit code 2 if a file was refused.
  --out FILE         合并结果；默认 TRACKER-合并.xlsx。 Result file; defaults to TRACKER-合并.xlsx.
  --accept-full-tracker FILE
                     确认合并这一份完整跟踪表（可重复）；整表可改写所有单位的填报，不加此选项一律拒收。
                     Merge this full tracker (repeatable); without it a full tracker is always refused.
  只合并本跟踪表导出的、校验通过的单位副本；改过隐藏元数据、旧版本导出或已被新一期导出取代的副本拒收。
  Only unit copies signed by this tracker are merged; edited metadata, unsigned or superseded copies are refused.

archive TRACKER.xlsx
  把本期汇总（总体与各单位、各状态数）追加到“历次汇总”表，同一期再次归档则替换；汇总表显示最近 12 期趋势。
  Appends this period's roll-up to 历次汇总 (archiving the same period again replaces it);
  汇总 shows the last 12 periods.
  --period TEXT      期间名称；默认本月，如 2026年11月。 Period name; defaults to this month.
  --out FILE         输出文件；默认覆盖原文件（由蓝图重新生成）。 Output; defaults to regenerating TRACKER.

contacts TRACKER.xlsx | contacts import TRACKER.xlsx 联络员.csv
  列出并检查“联络员”表（单位 · 联系人 · 电话 · 邮箱 · 抄送）；import 从 CSV 或制表符分隔的表格（首行为表头）导入，
  同一单位的行替换原有的，其余保留；有错误（未知单位、重复、无效邮箱）时不作任何修改。
  Lists and checks the contacts sheet; import reads a CSV/TSV table with a header row.

mail drafts TRACKER.xlsx --out DIR
  为每个有邮箱的单位导出填报表并生成 .eml 邮件草稿（X-Unsent，Outlook 双击即可发送），主题和正文来自模板
  （--template 文件：首行“主题：…”，其后为正文；占位符 {单位} {联系人} {期间} {回报截止} {任务数} {附件} {落款} {待办任务}）。
  Writes one .eml draft per unit with its signed copy attached, and records the export in the tracker.
mail remind TRACKER.xlsx --out DIR [--today YYYY-MM-DD]
  催报：只给有未填报或已逾期任务的单位生成草稿，正文列出这些任务。 Reminders for units with unreported or overdue tasks.
mail send DIR [--dry-run] [--pause 3]
  通过 SMTP 逐封发送 DIR 中的草稿，每封之间暂停；每个收件人的结果记入 DIR/发送记录.csv，已发送的不会重发。
  服务器设置用选项或环境变量 SMTP_HOST、SMTP_PORT、SMTP_TLS、SMTP_USER、MAIL_FROM；密码只从 SMTP_PASS 读取。
  Sends the drafts over SMTP with a pause; logs each recipient; --dry-run prints what would be sent.
mail collect TRACKER.xlsx [--since YYYY-MM-DD] [--out MERGED.xlsx]
  读取 IMAP 邮箱中带本表填报表附件的回复，保存附件（--save DIR），合并为新文件并列出尚未回复的单位。
  邮箱以只读方式打开，不删除、不标记已读（除非 --mark-seen）。设置：IMAP_HOST、IMAP_PORT、IMAP_TLS、IMAP_USER；密码 IMAP_PASS。
  merge 也接受保存的邮件（.eml、Outlook .msg），取其中的 .xlsx 附件合并。 merge also takes saved .eml and .msg files.

report TRACKER.xlsx
  读取已填报的跟踪表，按各单位填报的状态重新计算汇总（不使用文件中缓存的公式结果）。
  Reads a filled tracker and prints the roll-up computed from the statuses (not cached formulas).
  --today YYYY-MM-DD 计算逾期所用的日期；默认今天。 Date used for overdue; defaults to today.
  --date YYYY-MM-DD  同 --today（报告日期）。 Same as --today (the report's date).
  --docx OUT.docx    另写进展情况通报（Word，公文版式）；同一跟踪表和日期得到相同的文件。
                     Also writes the progress report (.docx, official layout); same tracker and date, same bytes.
`;

/** One line per command, shown with a refused option or argument. */
export const USAGE: Readonly<Record<string, string>> = {
  build: "  policy-tracker [build] [--tasks FILE(.txt/.csv/.docx/.xlsx)] [--sheet NAME] [--out FILE] [--password PW] [--tracker-id ID] [--vocabulary PRESET|FILE.json] [--period TEXT] [--deadline TEXT] [--contact TEXT]",
  export: "  policy-tracker export TRACKER.xlsx (--unit NAME ... | --all) [--out DIR] [--period TEXT] [--password PW]",
  merge: "  policy-tracker merge TRACKER.xlsx RETURN.xlsx... [--out MERGED.xlsx] [--accept-full-tracker FILE] [--password PW]",
  archive: "  policy-tracker archive TRACKER.xlsx [--period 2026年11月] [--out FILE] [--password PW] [--today YYYY-MM-DD]",
  report: "  policy-tracker report TRACKER.xlsx [--today YYYY-MM-DD | --date YYYY-MM-DD] [--docx OUT.docx]",
  contacts: "  policy-tracker contacts TRACKER.xlsx | contacts import TRACKER.xlsx 联络员.csv [--out FILE] [--password PW]",
  mail: "  policy-tracker mail (drafts | remind | send | collect) ...",
  "mail drafts": "  policy-tracker mail drafts TRACKER.xlsx [--out DIR] [--unit NAME ...] [--template FILE] [--from ADDR] [--deadline TEXT] [--sign TEXT] [--period TEXT]",
  "mail remind": "  policy-tracker mail remind TRACKER.xlsx [--out DIR] [--today YYYY-MM-DD] [--unit NAME ...] [--template FILE] [--from ADDR] [--deadline TEXT] [--sign TEXT]",
  "mail send": "  policy-tracker mail send DIR [--dry-run] [--pause SECONDS] [--unit NAME ...] [--from ADDR] [--smtp-host H] [--smtp-port P] [--smtp-tls ssl|starttls|none] [--smtp-user U] [--smtp-ca CA.pem]   (password: SMTP_PASS)",
  "mail collect": "  policy-tracker mail collect TRACKER.xlsx [--imap-host H] [--imap-port P] [--imap-tls ssl|starttls|none] [--imap-user U] [--imap-ca CA.pem] [--mailbox INBOX] [--since YYYY-MM-DD] [--save DIR] [--out FILE] [--mark-seen]   (password: IMAP_PASS)",
};
