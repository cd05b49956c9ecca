import type { Lang } from "./protocol";

/** The web page's texts, Chinese first (full-width punctuation), English when the browser is not Chinese. */
const zh = {
  title: "政策任务跟踪（网页版）",
  subtitle: "不需要 Microsoft Excel：在浏览器中生成跟踪表、导出单位填报表、合并回收的填报表、归档和生成进展报告。文件只在本机处理，不上传。",
  switchLanguage: "English",
  listHeading: "1. 生成跟踪表",
  listSource: "清单来源",
  builtinList: "内置清单（江西省职业教育工作任务清单）",
  pastedList: "粘贴的清单",
  fileList: "清单文件（.txt/.csv/.docx/.xlsx）",
  pasteLabel: "粘贴任务清单（序号、政策内容、责任部门，用制表符分隔；或“任务文本。（某某牵头，某某负责）”的段落）",
  build: "生成跟踪表",
  trackerHeading: "2. 当前跟踪表",
  openTracker: "或选择已有的跟踪表（.xlsx）",
  noTracker: "还没有跟踪表：先生成，或选择已有的跟踪表。",
  current: "当前跟踪表：",
  download: "下载",
  keepHint: "每次导出、合并或归档后请下载并保存新的跟踪表，以后用它继续工作。",
  exportHeading: "3. 导出单位填报表",
  exportHint: "每个单位一份 .xlsx，打包为一个 .zip；单位用 Excel、WPS 或 LibreOffice 填写后发回。",
  exportButton: "导出全部单位的填报表",
  mergeHeading: "4. 合并回收的填报表",
  returnsLabel: "选择回收的填报表（.xlsx）或保存的邮件（.eml、Outlook .msg），可多选",
  mergeButton: "合并",
  confirmFull: "确认合并此整表：",
  archiveHeading: "5. 归档本期汇总",
  periodLabel: "期间",
  archiveButton: "归档",
  reportHeading: "6. 进展报告",
  dateLabel: "统计日期",
  reportButton: "生成进展报告（.docx）",
  working: "处理中…",
  done: "完成。",
  errorTitle: "操作未完成",
  needTracker: "请先生成或选择跟踪表。",
  needReturns: "请先选择回收的填报表或邮件。",
  needPaste: "请先粘贴任务清单。",
  needListFile: "请先选择清单文件。",
  gbk: "清单文件不是 UTF-8 编码（可能是 GBK）。请用记事本或 WPS 另存为 UTF-8 后重试。",
  worker: "后台线程不可用，改在页面中处理（大文件时页面可能短暂无响应）。",
  noChange: "跟踪表没有改变。",
  results: "结果",
} as const;

export type WebStrings = { readonly [K in keyof typeof zh]: string };

const en: WebStrings = {
  title: "Policy Task Tracker (web page)",
  subtitle: "No Microsoft Excel needed: build the tracker, export unit copies, merge returns, archive and write the progress report in the browser. Files stay on this computer; nothing is uploaded.",
  switchLanguage: "中文",
  listHeading: "1. Build the tracker",
  listSource: "List source",
  builtinList: "Built-in list (Jiangxi vocational education tasks)",
  pastedList: "Pasted list",
  fileList: "List file (.txt/.csv/.docx/.xlsx)",
  pasteLabel: "Paste the task list (No., content, units, tab-separated; or paragraphs “task.（A牵头，B负责）”)",
  build: "Build tracker",
  trackerHeading: "2. Current tracker",
  openTracker: "Or choose an existing tracker (.xlsx)",
  noTracker: "No tracker yet: build one or choose an existing tracker.",
  current: "Current tracker: ",
  download: "Download",
  keepHint: "After each export, merge or archive, download and keep the new tracker and continue with it.",
  exportHeading: "3. Export unit copies",
  exportHint: "One .xlsx per unit, in one .zip; units fill them in Excel, WPS or LibreOffice and send them back.",
  exportButton: "Export copies for all units",
  mergeHeading: "4. Merge returned copies",
  returnsLabel: "Choose returned copies (.xlsx) or saved emails (.eml, Outlook .msg), several at once",
  mergeButton: "Merge",
  confirmFull: "Merge this full tracker: ",
  archiveHeading: "5. Archive this period",
  periodLabel: "Period",
  archiveButton: "Archive",
  reportHeading: "6. Progress report",
  dateLabel: "Date",
  reportButton: "Write progress report (.docx)",
  working: "Working…",
  done: "Done.",
  errorTitle: "Not done",
  needTracker: "Build or choose a tracker first.",
  needReturns: "Choose the returned copies or emails first.",
  needPaste: "Paste the task list first.",
  needListFile: "Choose the list file first.",
  gbk: "The list file is not UTF-8 (GBK?). Save it as UTF-8 in Notepad or WPS and try again.",
  worker: "No background worker here; working in the page (it may pause briefly on large files).",
  noChange: "The tracker did not change.",
  results: "Results",
};

export function webStrings(lang: Lang): WebStrings {
  return lang === "zh" ? zh : en;
}

/** Chinese unless the browser prefers another language (as the pane follows Office's). */
export function browserLang(languages: readonly string[]): Lang {
  const first = languages[0] ?? "zh-CN";
  return /^zh\b/i.test(first) ? "zh" : "en";
}
