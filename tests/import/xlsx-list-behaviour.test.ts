/**
 * An .xlsx task list read cell by cell as the sheet shows it, built here with ExcelJS: rich
 * text, formulas by their cached result, dates, hyperlinks, errors, merged cells down and
 * across; the first sheet or a chosen one; and the errors for a file that is not an .xlsx or
 * lacks the sheet asked for.
 */
import ExcelJS from "exceljs";
import { importXlsx } from "../../src/import/import-list";
import { readXlsxRows } from "../../src/import/xlsx-list";

async function bytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function listWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("说明");
  notes.getCell("A1").value = "本表为任务清单";
  const ws = wb.addWorksheet("任务");
  // row 1 left empty: lines are the sheet's own row numbers
  ws.getRow(2).values = ["序号", "政策内容", "责任部门", "完成时限"];
  ws.getCell("A3").value = 1;
  ws.getCell("B3").value = { richText: [{ text: "健全" }, { font: { bold: true }, text: "标准体系" }] };
  ws.getCell("C3").value = "省教育厅";
  ws.getCell("D3").value = new Date(Date.UTC(2026, 5, 30));
  ws.getCell("A4").value = { formula: "A3+1", result: 2 };
  ws.getCell("B4").value = { text: "见链接", hyperlink: "https://example.org/x" };
  ws.getCell("C4").value = { formula: "C3", result: "省教育厅" };
  ws.getCell("D4").value = { error: "#N/A" };
  ws.getCell("A5").value = 3;
  ws.getCell("B5").value = true;
  ws.getCell("C5").value = { formula: "NOW()" };
  return bytes(wb);
}

describe("cells as the sheet shows them", () => {
  it("reads rich text joined, formulas by result, dates as yyyy-mm-dd, links by text, errors and no result as empty", async () => {
    const read = await readXlsxRows(await listWorkbook(), "任务");
    expect(read.rows).toEqual([
      { line: 2, cells: ["序号", "政策内容", "责任部门", "完成时限"] },
      { line: 3, cells: ["1", "健全标准体系", "省教育厅", "2026-06-30"] },
      { line: 4, cells: ["2", "见链接", "省教育厅", ""] },
      { line: 5, cells: ["3", "true", "", ""] },
    ]);
  });

  it("gives every row the sheet's full width, skipping empty rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("清单");
    ws.getCell("A1").value = "序号";
    ws.getCell("E1").value = "备注";
    ws.getCell("A3").value = 1;
    const read = await readXlsxRows(await bytes(wb));
    expect(read.rows).toEqual([
      { line: 1, cells: ["序号", "", "", "", "备注"] },
      { line: 3, cells: ["1", "", "", "", ""] },
    ]);
  });
});

describe("which sheet", () => {
  it("is the first when none is named, and lists every sheet", async () => {
    const read = await readXlsxRows(await listWorkbook());
    expect(read.sheet).toBe("说明");
    expect(read.sheets).toEqual(["说明", "任务"]);
    expect(read.rows).toEqual([{ line: 1, cells: ["本表为任务清单"] }]);
  });

  it("is the named one when one is named", async () => {
    const read = await readXlsxRows(await listWorkbook(), "任务");
    expect(read.sheet).toBe("任务");
    expect(read.sheets).toEqual(["说明", "任务"]);
  });

  it("a name the workbook lacks is refused, listing the sheets it has", async () => {
    await expect(readXlsxRows(await listWorkbook(), "清单")).rejects.toThrow("Excel 文件中没有名为“清单”的工作表。现有工作表：说明、任务。");
  });
});

describe("merged cells", () => {
  it("a cell merged down repeats its text in every row; merged across, its text counts once", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("清单");
    ws.getRow(1).values = ["序号", "政策内容", "责任部门", "备注"];
    ws.getRow(2).values = [1, "任务一", "省教育厅", "x"];
    ws.getRow(3).values = [2, "任务二", null, "y"];
    ws.getRow(4).values = [3, "任务三", "省财政厅"];
    ws.mergeCells("C2:C3");
    ws.mergeCells("C4:D4");
    const read = await readXlsxRows(await bytes(wb));
    expect(read.rows.map((r) => r.cells)).toEqual([
      ["序号", "政策内容", "责任部门", "备注"],
      ["1", "任务一", "省教育厅", "x"],
      ["2", "任务二", "省教育厅", "y"],
      ["3", "任务三", "省财政厅", ""],
    ]);
  });

  it("a block merged down and across shows its text once per row, in its first column", async () => {
    // A section heading merged over the whole width and two rows tall, as offices lay them out.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("清单");
    ws.getRow(1).values = ["序号", "政策内容", "责任部门"];
    ws.getRow(2).values = ["一、总体要求"];
    ws.mergeCells("A2:C3");
    ws.getRow(4).values = [1, "任务一", "省教育厅"];
    const data = await bytes(wb);
    expect((await readXlsxRows(data)).rows.map((r) => r.cells)).toEqual([
      ["序号", "政策内容", "责任部门"],
      ["一、总体要求", "", ""],
      ["一、总体要求", "", ""],
      ["1", "任务一", "省教育厅"],
    ]);
    const { list } = await importXlsx(data);
    expect(list.tasks.map((t) => [t.id, t.text, t.units, t.section])).toEqual([[1, "任务一", ["省教育厅"], "一、总体要求"]]);
  });
});

describe("files that are not an .xlsx", () => {
  it("are refused, saying to save an old .xls as .xlsx", async () => {
    await expect(readXlsxRows(new TextEncoder().encode("序号,政策内容\n1,任务"))).rejects.toThrow(
      /^无法读取 Excel 文件：.+。请确认是 \.xlsx 格式（旧版 \.xls 请先另存为 \.xlsx）。$/,
    );
  });

  it("a workbook without sheets is refused as such", async () => {
    await expect(readXlsxRows(await bytes(new ExcelJS.Workbook()))).rejects.toThrow("Excel 文件中没有工作表。");
  });
});
