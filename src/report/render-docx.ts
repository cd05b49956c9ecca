import { DONE, STANDING } from "../domain/statuses";
import { NOT_REPORTED } from "../domain/rollup";
import { wordOf } from "../domain/vocabulary";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import JSZip from "jszip";
import { completionChart, trendChart } from "./chart-table";
import { fontTableXml } from "./font-table";
import { FONT, LINE, PAGE, SIZE, TEXT_WIDTH, fontOf } from "./official-style";
import { ProgressReport, TaskProgress, percent } from "./report-model";

const CN_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const bodyRun = (text: string, bold = false) => new TextRun({ text, font: fontOf(FONT.body), size: SIZE.body, bold });

const body = (children: TextRun[] | string, indent = true, keepNext = false) =>
  new Paragraph({
    keepNext,
    children: typeof children === "string" ? [bodyRun(children)] : children,
    alignment: AlignmentType.JUSTIFIED,
    indent: indent ? { firstLine: SIZE.body * 20 } : undefined,
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
  });

const heading1 = (n: number, text: string) =>
  new Paragraph({
    children: [new TextRun({ text: `${CN_NUMBERS[n - 1]}、${text}`, font: fontOf(FONT.heading1), size: SIZE.body })],
    indent: { firstLine: SIZE.body * 20 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    keepNext: true,
  });

const heading2 = (text: string) =>
  new Paragraph({
    children: [new TextRun({ text, font: fontOf(FONT.heading2), size: SIZE.body })],
    indent: { firstLine: SIZE.body * 20 },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    keepNext: true,
  });

const cellText = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER, bold = false) =>
  new Paragraph({ children: [new TextRun({ text, font: fontOf(FONT.body), size: SIZE.table, bold })], alignment: align });

const LINE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const BORDERS = { top: LINE_BORDER, bottom: LINE_BORDER, left: LINE_BORDER, right: LINE_BORDER, insideHorizontal: LINE_BORDER, insideVertical: LINE_BORDER };

/** A ruled table whose widths add up to the text block; the header row repeats on each page. */
function table(header: string[], rows: string[][], widths: number[], leftColumns: number[] = []): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  const row = (cells: string[], head: boolean) =>
    new TableRow({
      tableHeader: head,
      cantSplit: true,
      children: cells.map(
        (c, i) =>
          new TableCell({
            children: [cellText(c, !head && leftColumns.includes(i) ? AlignmentType.LEFT : AlignmentType.CENTER, head)],
            width: { size: cols[i], type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            shading: head ? { type: ShadingType.CLEAR, color: "auto", fill: "E7E6E6" } : undefined,
          }),
      ),
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: cols,
    borders: BORDERS,
    rows: [row(header, true), ...rows.map((r) => row(r, false))],
  });
}

const caption = (text: string) =>
  new Paragraph({
    children: [new TextRun({ text, font: fontOf(FONT.heading1), size: SIZE.table })],
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 60 },
    keepNext: true,
  });

const spacer = () => new Paragraph({ children: [], spacing: { line: 240, before: 0, after: 0 } });

function taskSection(t: TaskProgress, r: ProgressReport): Paragraph[] {
  const flag = t.overdue ? "，已逾期" : "";
  const out = [
    body([bodyRun(`${t.id}.`, true), bodyRun(`${t.text}`)]),
    body(`（时限：${t.deadline}；任务状态：${wordOf(r.vocabulary, t.status)}${flag}）`),
  ];
  for (const e of t.entries) {
    const head = `${e.unit}（${e.role}）：${e.status ? wordOf(r.vocabulary, e.status) : NOT_REPORTED}。`;
    const parts = [
      e.progress && `本期进展：${e.progress}`,
      e.problems && `存在问题：${e.problems}`,
      e.nextSteps && `下步计划：${e.nextSteps}`,
    ].filter(Boolean);
    out.push(body([bodyRun(head, true), ...(parts.length > 0 ? [bodyRun(parts.join("；") + "。")] : [])]));
  }
  return out;
}

const pageNumber = (side: typeof AlignmentType.LEFT | typeof AlignmentType.RIGHT) =>
  new Footer({
    children: [
      new Paragraph({
        alignment: side,
        indent: side === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: fontOf("宋体"), size: 28 })],
      }),
    ],
  });

/** The document as docx objects: overview, ranking, chart, overdue, silent units, per-task progress. */
export function reportDocument(r: ProgressReport): Document {
  const o = r.rollup.overall;
  const done = wordOf(r.vocabulary, DONE);
  const standing = wordOf(r.vocabulary, STANDING);
  let section = 0;
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      children: [new TextRun({ text: r.title, font: fontOf(FONT.title), size: SIZE.title })],
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
    }),
    new Paragraph({
      children: [new TextRun({ text: `（${r.period}）`, font: fontOf(FONT.heading2), size: SIZE.body })],
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: LINE },
    }),
    heading1(++section, "总体情况"),
    body(r.overview),
    caption("表1 总体完成情况"),
    table(
      ["任务指标", "数值", "责任分工指标", "数值"],
      [
        ["任务总数", String(o.tasks), "责任分工总数", String(o.assignments)],
        [`${done}任务数`, String(o.tasksDone), `${done}分工数`, String(o.assignmentsDone)],
        [`${standing}任务数`, String(o.tasksStanding), "逾期分工数", String(o.overdueAssignments)],
        ["任务完成率", percent(o.taskRate), "分工完成率", percent(o.assignmentRate)],
        ["逾期任务数", String(o.overdueTasks), "即将到期任务数", String(o.dueSoonTasks)],
      ],
      [2, 1, 2, 1],
    ),
    spacer(),
    heading1(++section, "各单位完成情况排名"),
    body(`按责任分工完成率由高到低排列（完成率 = ${done} ÷（分工数 − ${standing}）；仅有${standing}任务的单位不计完成率，列于最后）。`, true, true),
    caption("表2 各单位完成情况"),
    table(
      ["排名", "责任单位", "分工数", "牵头", done, standing, "完成率", "逾期", NOT_REPORTED],
      r.ranking.map((u) => [u.rank, u.unit, u.tasks, u.leads, u.done, u.standing, percent(u.rate), u.overdue, u.notReported].map(String)),
      [0.7, 3.6, 0.9, 0.8, 0.9, 1.1, 1.3, 0.8, 0.9],
      [1],
    ),
    caption("图1 各单位完成率"),
    completionChart(r.chart),
  ];
  if (r.trend.length > 0) children.push(caption("图2 历次完成率趋势"), trendChart(r.trend));
  children.push(spacer(), heading1(++section, "逾期任务"));
  if (r.overdue.length === 0) children.push(body(`截至${r.dateText}，无逾期任务。`));
  else {
    children.push(
      body(`截至${r.dateText}，逾期任务${r.overdue.length}项，请牵头单位会同配合单位加快推进：`, true, true),
      caption("表3 逾期任务"),
      table(
        ["序号", "任务", "时限", "状态", "牵头单位", "配合单位"],
        r.overdue.map((t) => [String(t.id), t.text, t.deadline, wordOf(r.vocabulary, t.status), t.lead, t.supporting.join("、") || "—"]),
        [0.7, 5, 1.3, 1, 1.5, 2],
        [1, 5],
      ),
    );
  }
  children.push(spacer(), heading1(++section, "未填报单位"));
  if (r.silent.length === 0) children.push(body("各单位均已填报全部分工。"));
  else {
    const fully = r.silent.filter((s) => s.notReported === s.tasks);
    const partly = r.silent.filter((s) => s.notReported < s.tasks);
    if (fully.length > 0) children.push(body(`全部未填报（${fully.length}个）：${fully.map((s) => `${s.unit}（${s.tasks}项）`).join("、")}。`));
    if (partly.length > 0) children.push(body(`部分未填报（${partly.length}个）：${partly.map((s) => `${s.unit}（${s.notReported}/${s.tasks}项）`).join("、")}。`));
  }
  children.push(heading1(++section, "各项任务进展"));
  r.tasks.forEach((t, i) => {
    if (t.section && t.section !== r.tasks[i - 1]?.section) children.push(heading2(t.section));
    children.push(...taskSection(t, r));
  });

  return new Document({
    creator: "policy-tracker",
    evenAndOddHeaderAndFooters: true,
    title: r.title,
    description: `${r.listName} ${r.period}`,
    // The language tells Word/WPS/LibreOffice to set the text with Simplified Chinese glyphs and fallbacks.
    styles: { default: { document: { run: { font: fontOf(FONT.body), size: SIZE.body, language: { value: "zh-CN", eastAsia: "zh-CN" } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 851, footer: 1134 },
          },
        },
        // GB/T 9704 page numbers: 四号 digits between dashes, one character in from the right edge on odd pages, from the left on even.
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children,
      },
    ],
  });
}

function coreXml(r: ProgressReport): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const at = `${r.date}T00:00:00Z`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${esc(r.title)}</dc:title><dc:creator>policy-tracker</dc:creator><dc:description>${esc(`${r.listName} ${r.period}`)}</dc:description>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

/**
 * The .docx bytes. Same report, same bytes: the docx package stamps the current time into
 * docProps/core.xml and into every zip entry, so core.xml is replaced with the report date
 * and the package is re-zipped (JSZip, which runs in Node and the browser) with that date.
 */
export async function renderReportDocx(r: ProgressReport): Promise<Uint8Array> {
  const packed = await Packer.toArrayBuffer(reportDocument(r), false, [
    { path: "docProps/core.xml", data: coreXml(r) },
    { path: "word/fontTable.xml", data: fontTableXml() },
  ]);
  const source = await JSZip.loadAsync(packed);
  const date = new Date(`${r.date}T00:00:00Z`);
  const out = new JSZip();
  const names = Object.keys(source.files)
    .filter((n) => !source.files[n].dir)
    .sort((a, b) => (a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) out.file(name, await source.files[name].async("uint8array"), { date, createFolders: false });
  return out.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}
