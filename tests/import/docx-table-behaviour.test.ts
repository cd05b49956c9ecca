/**
 * A Word document read without any conversion service, built here as Word saves it: text
 * runs split over several w:t, tabs and line breaks, XML entities, paragraphs around the
 * table, merged cells across (w:gridSpan) and down (w:vMerge), rows with properties. And the
 * errors a user gets for a file that is not a .docx, or has no table.
 */
import JSZip from "jszip";
import { readDocx, readDocxTableRows } from "../../src/import/docx-table";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A paragraph of runs; each string is one w:t (with xml:space), "\t" a w:tab, "\n" a w:br. */
const p = (...runs: string[]) =>
  `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs
    .map((r) => (r === "\t" ? "<w:r><w:tab/></w:r>" : r === "\n" ? "<w:r><w:br/></w:r>" : `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${r}</w:t></w:r>`))
    .join("")}</w:p>`;
const tc = (content: string, props = "") => `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${props}</w:tcPr>${content || "<w:p/>"}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr w:rsidR="00A1B2C3"><w:trPr><w:trHeight w:val="400"/></w:trPr>${cells.join("")}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid>${rows.join("")}</w:tbl>`;
const SPAN2 = '<w:gridSpan w:val="2"/>';
const DOWN = "<w:vMerge/>";
const START = '<w:vMerge w:val="restart"/>';

async function docx(body: string, withBodyTag = true): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const inner = withBodyTag ? `<w:body>${body}<w:sectPr/></w:body>` : body;
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}>${inner}</w:document>`);
  return zip.generateAsync({ type: "uint8array" });
}

describe("text in a Word document", () => {
  it("joins a paragraph's runs, turns w:tab into a tab and w:br into a line break, and decodes entities", async () => {
    const read = await readDocx(await docx(p("省教", "育厅", "\t", "牵头", "\n", "A &lt;&amp;&gt; &quot;B&quot; &apos;C&apos; &amp;lt;")));
    expect(read.text).toBe("省教育厅\t牵头\nA <&> \"B\" 'C' &lt;");
    // outside a table a paragraph is one row, its line breaks as spaces
    expect(read.rows).toEqual([{ line: 1, cells: ["省教育厅\t牵头 A <&> \"B\" 'C' &lt;"] }]);
    expect(read.hasTable).toBe(false);
  });

  it("reads runs without attributes and skips empty paragraphs", async () => {
    const read = await readDocx(await docx(`<w:p><w:r><w:t>第一段</w:t></w:r></w:p><w:p/><w:p><w:r><w:t></w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p>`));
    expect(read.text).toBe("第一段\n第二段");
    expect(read.rows).toEqual([
      { line: 1, cells: ["第一段"] },
      { line: 2, cells: ["第二段"] },
    ]);
  });

  it("reads a document.xml without a w:body as a whole", async () => {
    const read = await readDocx(await docx(p("只有一段"), false));
    expect(read.text).toBe("只有一段");
  });
});

describe("tables in a Word document", () => {
  const TABLE = tbl(
    tr(tc(p("序号")), tc(p("政策内容")), tc(p("责任部门"))),
    tr(tc(p("1")), tc(p("健全标准", "体系")), tc(p("省教育厅") + p("省财政厅"))),
    tr(tc(p("2")), tc(p("建设专业群")), tc("")),
  );

  it("gives one row per w:tr, cells in order, paragraphs in a cell on separate lines", async () => {
    const rows = await readDocxTableRows(await docx(TABLE));
    expect(rows).toEqual([
      { line: 1, cells: ["序号", "政策内容", "责任部门"] },
      { line: 2, cells: ["1", "健全标准体系", "省教育厅\n省财政厅"] },
      { line: 3, cells: ["2", "建设专业群", ""] },
    ]);
  });

  it("numbers the paragraphs around the table with it, in document order", async () => {
    const read = await readDocx(await docx(p("附件1") + p("重点任务分工") + TABLE + p("省政府办公厅") + p("2026年11月")));
    expect(read.hasTable).toBe(true);
    expect(read.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, "附件1"],
      [2, "重点任务分工"],
      [3, "序号"],
      [4, "1"],
      [5, "2"],
      [6, "省政府办公厅"],
      [7, "2026年11月"],
    ]);
    expect([...read.tableLines]).toEqual([3, 4, 5]);
    expect(read.text).toBe("附件1\n重点任务分工\n省政府办公厅\n2026年11月");
  });

  it("keeps only the table's rows for the task table, a one-cell row inside it included", async () => {
    const body = p("附件1") + tbl(tr(tc(p("序号")), tc(p("政策内容")), tc(p("责任部门"))), tr(tc(p("一、总体要求"))), tr(tc(p("1")), tc(p("任务")), tc(p("省教育厅")))) + p("落款");
    const rows = await readDocxTableRows(await docx(body));
    expect(rows).toEqual([
      { line: 2, cells: ["序号", "政策内容", "责任部门"] },
      { line: 3, cells: ["一、总体要求"] },
      { line: 4, cells: ["1", "任务", "省教育厅"] },
    ]);
  });

  it("numbers the rows of a second table after the first", async () => {
    const read = await readDocx(await docx(tbl(tr(tc(p("a")), tc(p("b")))) + p("中间") + tbl(tr(tc(p("c")), tc(p("d"))))));
    expect(read.rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["中间"] },
      { line: 3, cells: ["c", "d"] },
    ]);
    expect([...read.tableLines]).toEqual([1, 3]);
  });
});

describe("empty tables", () => {
  it("a table without rows has no rows, and a row without cells has no cells", async () => {
    expect(await readDocxTableRows(await docx("<w:tbl><w:tblPr/></w:tbl>"))).toEqual([]);
    const read = await readDocx(await docx(p("标题") + tbl(tr(), tr(tc(p("1")), tc(p("任务"))))));
    expect(read.rows).toEqual([
      { line: 1, cells: ["标题"] },
      { line: 2, cells: [] },
      { line: 3, cells: ["1", "任务"] },
    ]);
  });
});

describe("merged cells", () => {
  it("a cell merged across keeps its text in its first column, so later cells stay under their headers", async () => {
    const rows = await readDocxTableRows(
      await docx(tbl(tr(tc(p("序号")), tc(p("政策内容")), tc(p("备注")), tc(p("责任部门"))), tr(tc(p("1")), tc(p("跨两列的任务"), SPAN2), tc(p("省教育厅"))))),
    );
    expect(rows[1].cells).toEqual(["1", "跨两列的任务", "", "省教育厅"]);
  });

  it("a cell merged down repeats the text above it, in every row it covers", async () => {
    const rows = await readDocxTableRows(
      await docx(
        tbl(
          tr(tc(p("1")), tc(p("任务一")), tc(p("省教育厅"), START)),
          tr(tc(p("2")), tc(p("任务二")), tc("", DOWN)),
          tr(tc(p("3")), tc(p("任务三")), tc("", DOWN)),
          tr(tc(p("4")), tc(p("任务四")), tc(p("省财政厅"), START)),
        ),
      ),
    );
    expect(rows.map((r) => r.cells[2])).toEqual(["省教育厅", "省教育厅", "省教育厅", "省财政厅"]);
  });

  it("a block merged down and across shows its text once per row, in its first column (as an .xlsx reads)", async () => {
    const rows = await readDocxTableRows(
      await docx(tbl(tr(tc(p("一、总体要求"), SPAN2 + START), tc(p("x"))), tr(tc("", SPAN2 + DOWN), tc(p("y"))))),
    );
    expect(rows.map((r) => r.cells)).toEqual([
      ["一、总体要求", "", "x"],
      ["一、总体要求", "", "y"],
    ]);
  });

  it("a continued merge with nothing above it reads as empty", async () => {
    const rows = await readDocxTableRows(await docx(tbl(tr(tc("", DOWN), tc(p("甲")), tc("", SPAN2 + DOWN)))));
    expect(rows[0].cells).toEqual(["", "甲", "", ""]);
  });
});

describe("files that are not a task table in Word", () => {
  it("refuses an old .doc, saying to use .docx", async () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readDocx(doc)).rejects.toThrow(/^无法读取 Word 文件：.+。请确认是 \.docx 格式（不是旧版 \.doc）。$/);
  });

  it("refuses a zip that is not a Word document, naming what is missing", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    await expect(readDocx(await zip.generateAsync({ type: "uint8array" }))).rejects.toThrow(
      "无法读取 Word 文件：缺少 word/document.xml。请确认是 .docx 格式（不是旧版 .doc）。",
    );
  });

  it("refuses a document without a table when a table is needed, saying how to lay it out", async () => {
    await expect(readDocxTableRows(await docx(p("1. 任务一（省教育厅）")))).rejects.toThrow(
      "Word 文件中没有表格。请把任务清单放在表格中（序号、政策内容、责任部门）。",
    );
  });
});
