import JSZip from "jszip";
import { readFileSync } from "fs";
import path from "path";
import { main } from "../../src/cli/main";
import { buildProgressReport } from "../../src/report/report-model";
import { reportSourceFrom } from "../../src/report/report-source";
import { renderReportDocx } from "../../src/report/render-docx";
import { readTrackerFile } from "../../src/xlsx/read-tracker";
import { writeFilledTracker } from "./filled-tracker";

describe("the progress report's bytes", () => {
  it("are the same for the same tracker and date, from the CLI twice and from the pane's path", async () => {
    const t = await writeFilledTracker();
    const a = path.join(t.dir, "a.docx");
    const b = path.join(t.dir, "b.docx");
    await main(["report", t.file, "--docx", a, "--date", "2026-11-30"], () => undefined);
    // Time passes between runs: the zip entry times and core properties must not follow the clock.
    await new Promise((r) => setTimeout(r, 2100));
    await main(["report", t.file, "--docx", b, "--today", "2026-11-30"], () => undefined);
    const bytes = readFileSync(a);
    expect(Buffer.compare(bytes, readFileSync(b))).toBe(0);

    // The pane reads the same metadata and assignments from the open workbook and renders with the same code.
    const read = await readTrackerFile(readFileSync(t.file));
    const pane = await renderReportDocx(buildProgressReport(reportSourceFrom(read.meta, read.assignments), "2026-11-30"));
    expect(Buffer.compare(bytes, Buffer.from(pane))).toBe(0);

    const zip = await JSZip.loadAsync(bytes);
    const files = Object.values(zip.files);
    expect(files.map((f) => f.date.toISOString()).every((d) => d === "2026-11-30T00:00:00.000Z")).toBe(true);
    expect(Object.keys(zip.files)[0]).toBe("[Content_Types].xml");
    const core = await zip.file("docProps/core.xml")!.async("string");
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-30T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-30T00:00:00Z</dcterms:modified>');

    // Official layout: A4, GB/T 9704 margins, 小标宋 title 二号, 仿宋 body 三号, page numbers.
    const doc = await zip.file("word/document.xml")!.async("string");
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    expect(doc).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/>(<w:b [^>]*\/><w:bCs [^>]*\/>)?<w:sz w:val="32"\/>/);
    expect(await zip.file("word/footer1.xml")!.async("string")).toContain("PAGE");
    expect(await zip.file("word/fontTable.xml")!.async("string")).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');

    // Another date is another report.
    const later = path.join(t.dir, "later.docx");
    await main(["report", t.file, "--docx", later, "--date", "2026-12-31"], () => undefined);
    expect(Buffer.compare(bytes, readFileSync(later))).not.toBe(0);
  });

  it("refuses a bad date or an output that is not .docx, before writing anything", async () => {
    const t = await writeFilledTracker();
    await expect(main(["report", t.file, "--docx", path.join(t.dir, "x.docx"), "--date", "2026-13-45"])).rejects.toThrow(/--date 应为 YYYY-MM-DD/);
    await expect(main(["report", t.file, "--docx", path.join(t.dir, "x.pdf")])).rejects.toThrow(/--docx 应给出 .docx 文件路径/);
  });
});
