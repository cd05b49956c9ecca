import JSZip from "jszip";
import { importDocx } from "../../src/import/import-list";
import { readDocxTableRows } from "../../src/import/docx-table";

const cell = (text: string, merge?: "restart" | "continue") =>
  `<w:tc><w:tcPr>${merge === "restart" ? '<w:vMerge w:val="restart"/>' : merge === "continue" ? "<w:vMerge/>" : ""}</w:tcPr>` +
  text
    .split("\n")
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</w:t></w:r></w:p>`)
    .join("") +
  "</w:tc>";
const row = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;

/** A document as Word saves it: a paragraph, then the task table with a vertically merged units cell. */
async function docx(): Promise<Uint8Array> {
  const body =
    `<w:p><w:r><w:t>附件:重点任务分工表</w:t></w:r></w:p>` +
    "<w:tbl>" +
    row(cell("序号"), cell("重点任务"), cell("牵头单位"), cell("配合单位")) +
    row(cell("1"), cell("健全职业教育\n标准体系"), cell("省教育厅", "restart"), cell("省人社厅、省市场监管局")) +
    row(cell("2"), cell("到2025年建成一批高水平专业群"), cell("", "continue"), cell("省财政厅")) +
    row(cell("3"), cell("推进产教融合 & 校企合作"), cell("省发展改革委"), cell("")) +
    "</w:tbl>";
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array" });
}

describe("a task list in a .docx table", () => {
  it("reads the rows, repeating vertically merged cells", async () => {
    const rows = await readDocxTableRows(await docx());
    expect(rows.map((r) => r.cells)).toEqual([
      ["序号", "重点任务", "牵头单位", "配合单位"],
      ["1", "健全职业教育\n标准体系", "省教育厅", "省人社厅、省市场监管局"],
      ["2", "到2025年建成一批高水平专业群", "省教育厅", "省财政厅"],
      ["3", "推进产教融合 & 校企合作", "省发展改革委", ""],
    ]);
  });

  it("imports it through the same parser (separate 牵头 / 配合 columns)", async () => {
    const list = await importDocx(await docx(), { name: "分工表" });
    expect(list.tasks.map((t) => [t.id, t.units])).toEqual([
      [1, ["省教育厅", "省人社厅", "省市场监管局"]],
      [2, ["省教育厅", "省财政厅"]],
      [3, ["省发展改革委"]],
    ]);
    expect(list.tasks[0].text).toBe("健全职业教育标准体系");
    // "附件:" above the table introduces the title; nothing else was skipped.
    expect(list.name).toBe("重点任务分工表");
    expect(list.ignored).toEqual([]);
    expect(list.tasks[1].deadline).toMatchObject({ date: "2025-12-31" });
  });

  it("refuses an old .doc or a document without a table, saying why", async () => {
    await expect(readDocxTableRows(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toThrow("不是旧版 .doc");
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document><w:body><w:p/></w:body></w:document>");
    await expect(readDocxTableRows(await zip.generateAsync({ type: "uint8array" }))).rejects.toThrow("没有表格");
  });
});
