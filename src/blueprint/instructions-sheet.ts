import { DEFAULT_VOCABULARY, KEY, Vocabulary, wordOf, wordsOf } from "../domain/vocabulary";
import { COLORS, SHEET, UNIT_COLUMNS, UNIT_INPUT_FIRST, UNIT_INPUT_LAST, unitHeader } from "./layout";
import { emptySheet, titleFormat } from "./sheet-parts";
import { SheetBlueprint } from "./types";

const linesFor = (v: Vocabulary): string[] => [
  "填报说明",
  "",
  "一、填报范围",
  "1. 每个责任单位只填写以本单位命名的工作表，不要修改其他工作表。",
  "2. 本单位角色为“牵头”的任务，由本单位汇总各配合单位情况后统一填报；“配合”的任务填报本单位承担部分。",
  "",
  "二、填写哪些列",
  `3. 只需填写浅黄色的列：${UNIT_COLUMNS.slice(UNIT_INPUT_FIRST, UNIT_INPUT_LAST + 1).map((c) => unitHeader(c, v)).join("、")}。其他列已锁定。`,
  `4. 完成状态请从下拉列表选择：${wordsOf(v).join("、")}。不要粘贴或手工输入其他文字。`,
  `5. “${wordOf(v, KEY.standing)}”用于需要长期落实、没有完成终点的任务，不计入完成率的分母。`,
  `6. “时限预警”由截止日期自动计算：已过期未完成为“逾期”（红色），临近截止为“即将到期”（黄色）；状态为“${wordOf(v, KEY.late)}”也显示红色。无需也无法填写。`,
  `7. ${unitHeader("填报日期", v)}请填写日期（例如 2026-11-30）。`,
  "",
  "三、注意事项",
  "8. 请勿删除、重命名工作表，勿删除行或修改序号：汇总按“序号 + 单位”匹配，不依赖行的位置。",
  "9. 可以使用 Excel、WPS 或 LibreOffice 填写，保存为 .xlsx 格式后按原渠道报送。",
  "10. 工作表保护只为防止误操作；如确需调整，请与牵头处室联系。",
  "11. 每期请在本期发来的填报表上填写，不要沿用以前各期的旧表：旧表会被识别并退回。请勿修改隐藏的元数据，修改后的填报表无法合并。",
];

/** What a unit must know to return its sheet on time; each part optional, as the coordinator enters it. */
export interface ReturnInfo {
  /** 填报期间, e.g. 2026年12月. */
  period?: string;
  /** 报送截止时间 as the coordinator writes it, e.g. 2026年12月25日前. */
  deadline?: string;
  /** 联系人及电话. */
  contact?: string;
}

/** _meta key holding ReturnInfo (JSON), so a refresh or rebuild writes the same 填报说明 again. */
export const RETURN_INFO_META_KEY = "return_info";

/** Empty parts dropped, so an unchanged form compares equal to what is stored. */
export function cleanReturnInfo(info: ReturnInfo | undefined): ReturnInfo {
  const out: ReturnInfo = {};
  for (const key of ["period", "deadline", "contact"] as const) {
    const value = info?.[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/** What _meta holds; anything unreadable counts as nothing entered (the form shows it empty). */
export function parseReturnInfo(text: string | undefined): ReturnInfo {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return {};
    const v = value as Record<string, unknown>;
    return cleanReturnInfo({
      period: typeof v.period === "string" ? v.period : undefined,
      deadline: typeof v.deadline === "string" ? v.deadline : undefined,
      contact: typeof v.contact === "string" ? v.contact : undefined,
    });
  } catch {
    return {};
  }
}

export function returnInfoMeta(info: ReturnInfo | undefined): Record<string, string> {
  const clean = cleanReturnInfo(info);
  return Object.keys(clean).length > 0 ? { [RETURN_INFO_META_KEY]: JSON.stringify(clean) } : {};
}

/** Above the steps: a unit reads first for when, to whom and for which period it reports. */
function returnLines(info: ReturnInfo, copyPeriod: string | undefined): string[] {
  const period = info.period ?? copyPeriod;
  const lines = [
    ...(period ? [`填报期间：${period}`] : []),
    ...(info.deadline ? [`报送截止时间：${info.deadline}`] : []),
    ...(info.contact ? [`联系人及电话：${info.contact}`] : []),
  ];
  return lines.length > 0 ? ["", ...lines] : [];
}

/** A unit copy says which period it is for, so a unit can tell this month's copy from last month's. */
export function instructionsSheet(
  password?: string,
  copy?: { period: string; exportedAt: string },
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
  info: ReturnInfo = {},
): SheetBlueprint {
  const LINES = linesFor(vocabulary);
  const sheet = emptySheet(SHEET.instructions, "instructions");
  sheet.tabColor = COLORS.instructionsTab;
  const clean = cleanReturnInfo(info);
  const steps = copy ? [...LINES, `12. 本表为 ${copy.period} 的填报表（导出时间 ${copy.exportedAt}）。`] : LINES;
  const lines = [steps[0], ...returnLines(clean, copy?.period), ...steps.slice(1)];
  sheet.cells = lines.map((l) => [l || null]);
  // Fits a portrait A4 page at 100 %: longer lines wrap inside the page instead of running past it.
  sheet.columnWidths = [80];
  sheet.rowHeights = { 1: 24 };
  sheet.formats.push(titleFormat(1), { range: `A2:A${lines.length}`, style: { wrap: true, vAlign: "top" } });
  for (const [i, line] of lines.entries()) {
    if (/^[一二三四五六七八九十]、|^(填报期间|报送截止时间|联系人及电话)：/.test(line)) sheet.formats.push({ range: `A${i + 1}`, style: { bold: true } });
  }
  sheet.protection = { password, unlocked: [] };
  sheet.print = { orientation: "portrait", titleRows: "$1:$1" };
  return sheet;
}
