/**
 * The one entry for a chosen file (task pane and command line): which reader a file name
 * picks, what list each format gives, the text kept with the tracker to rebuild the same
 * list, an .xlsx's sheets to choose from, and the errors a wrong file gets.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { formatOf, importDocx, importFile, importRows, importText, importXlsx } from "../../src/import/import-list";
import { TaskList } from "../../src/domain/types";

const TABLE_TEXT = ["序号\t政策内容\t责任部门", "1\t健全标准体系\t省教育厅、省财政厅", "2\t建设专业群\t省教育厅"].join("\n");

const summary = (list: TaskList) => list.tasks.map((t) => [t.id, t.text, t.units]);
const EXPECTED = [
  [1, "健全标准体系", ["省教育厅", "省财政厅"]],
  [2, "建设专业群", ["省教育厅"]],
];

async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array" });
}
const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const row = (...cells: string[]) => `<w:tr>${cells.map((c) => `<w:tc>${para(c)}</w:tc>`).join("")}</w:tr>`;
const DOCX_TABLE = para("重点任务分工表") + `<w:tbl>${row("序号", "政策内容", "责任部门")}${row("1", "健全标准体系", "省教育厅、省财政厅")}${row("2", "建设专业群", "省教育厅")}</w:tbl>`;
const DOCX_PARAGRAPHS = ["1．健全标准体系。（省教育厅牵头，省财政厅按职责分工负责）", "2．建设专业群。（省教育厅负责）"].map(para).join("");

async function xlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("封面").getCell("A1").value = "任务清单";
  const ws = wb.addWorksheet("清单");
  for (const line of TABLE_TEXT.split("\n")) ws.addRow(line.split("\t"));
  const other = wb.addWorksheet("另一份");
  other.addRow(["序号", "政策内容", "责任部门"]);
  other.addRow([7, "另一项任务", "省人社厅"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("a file's format, by its name", () => {
  it("is docx or xlsx by the extension in any case, and text otherwise", () => {
    expect(formatOf("清单.docx")).toBe("docx");
    expect(formatOf("清单.DOCX")).toBe("docx");
    expect(formatOf("清单.xlsx")).toBe("xlsx");
    expect(formatOf("清单.XlsX")).toBe("xlsx");
    for (const name of ["清单.txt", "清单.csv", "清单.doc", "清单.xls", "清单.docx.txt", "清单.xlsx.bak", "docx", "xlsx"]) expect(formatOf(name)).toBe("text");
  });
});

describe("lists from each format", () => {
  it("text: any pasted table, named as asked", () => {
    const list = importText(TABLE_TEXT, { name: "测试清单" });
    expect(summary(list)).toEqual(EXPECTED);
    expect(list.name).toBe("测试清单");
  });

  it("text: unit renames apply while reading", () => {
    expect(importText(TABLE_TEXT, { aliases: { 省财政厅: "省财政厅(预算处)" } }).units).toEqual(["省教育厅", "省财政厅(预算处)"]);
  });

  it("docx: its table, the title above it naming the list", async () => {
    const list = await importDocx(await docx(DOCX_TABLE));
    expect(summary(list)).toEqual(EXPECTED);
    expect(list.name).toBe("重点任务分工表");
  });

  it("docx: its paragraphs when it has no table", async () => {
    const list = await importDocx(await docx(DOCX_PARAGRAPHS), { name: "段落清单" });
    expect(summary(list)).toEqual(EXPECTED);
    expect(list.name).toBe("段落清单");
  });

  it("xlsx: the first sheet unless another is chosen, with every sheet to choose from", async () => {
    const data = await xlsx();
    // 封面, the first sheet, holds no list: the error comes from reading it, not 清单.
    await expect(importXlsx(data)).rejects.toThrow(/^第 1 行：这不是任务清单：没有找到表头/);
    const chosen = await importXlsx(data, { sheet: "清单" });
    expect(summary(chosen.list)).toEqual(EXPECTED);
    expect(chosen.sheets).toEqual(["封面", "清单", "另一份"]);
    expect(chosen.sheet).toBe("清单");
    const other = await importXlsx(data, { sheet: "另一份" });
    expect(summary(other.list)).toEqual([[7, "另一项任务", ["省人社厅"]]]);
    expect(other.sheet).toBe("另一份");
  });

  it("rows selected in a sheet", () => {
    const rows = TABLE_TEXT.split("\n").map((l, i) => ({ line: i + 1, cells: l.split("\t") }));
    expect(summary(importRows(rows))).toEqual(EXPECTED);
    expect(importRows(rows, { name: "选区" }).name).toBe("选区");
  });
});

describe("a chosen file", () => {
  it("text, as a string or UTF-8 bytes, keeps the text itself to rebuild from", async () => {
    for (const content of [TABLE_TEXT, new TextEncoder().encode(TABLE_TEXT)]) {
      const read = await importFile("清单.txt", content, { name: "文本" });
      expect(summary(read.list)).toEqual(EXPECTED);
      expect(read.source).toBe(TABLE_TEXT);
      expect(read.list.name).toBe("文本");
      expect(read.sheets).toBeUndefined();
    }
  });

  it("docx keeps the list as text that parses back to the same list", async () => {
    const read = await importFile("清单.docx", await docx(DOCX_TABLE));
    expect(summary(read.list)).toEqual(EXPECTED);
    expect(summary(importText(read.source))).toEqual(EXPECTED);
    expect(importText(read.source).name).toBe("重点任务分工表");
    expect("sheets" in read).toBe(false);
  });

  it("xlsx keeps the list as text and reports the sheets", async () => {
    const read = await importFile("清单.XLSX", await xlsx(), { sheet: "清单" });
    expect(summary(read.list)).toEqual(EXPECTED);
    expect(summary(importText(read.source))).toEqual(EXPECTED);
    expect(read.sheets).toEqual(["封面", "清单", "另一份"]);
    expect(read.sheet).toBe("清单");
  });

  it("a .docx or .xlsx that is really text is refused by its reader, saying which format was expected", async () => {
    await expect(importFile("清单.docx", TABLE_TEXT)).rejects.toThrow(/^无法读取 Word 文件：.*请确认是 \.docx 格式（不是旧版 \.doc）。$/);
    await expect(importFile("清单.xlsx", new TextEncoder().encode(TABLE_TEXT))).rejects.toThrow(/^无法读取 Excel 文件：.*请确认是 \.xlsx 格式/);
  });

  it("an .xlsx without the chosen sheet is refused, listing the sheets", async () => {
    await expect(importFile("清单.xlsx", await xlsx(), { sheet: "2026" })).rejects.toThrow("Excel 文件中没有名为“2026”的工作表。现有工作表：封面、清单、另一份。");
  });
});
