import { execFile } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { buildBlueprint, buildUnitCopy } from "../../src/blueprint";
import { WorkbookBlueprint } from "../../src/blueprint/types";
import { parseTaskList } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { textWidth } from "../../src/xlsx/row-heights";
import { SOFFICE, libreOfficeAvailable } from "../support/libreoffice";
import { toolAvailable } from "../support/tools";
import { seedText } from "../support/seed";

const run = promisify(execFile);
/** PDF pages rendered to PNG: look at them. */
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/print");
const canRender = libreOfficeAvailable() && toolAvailable("pdftoppm (poppler-utils)", "/usr/bin/pdftoppm");
const list = parseTaskList(seedText());

/** Only `keep` printed: LibreOffice prints every visible sheet. */
const only = (bp: WorkbookBlueprint, keep: string): WorkbookBlueprint => ({
  ...bp,
  activeSheet: keep,
  sheets: bp.sheets.map((s) => (s.name === keep ? s : { ...s, visibility: s.visibility === "visible" ? "hidden" : s.visibility })),
});

async function renderPdf(name: string, data: Uint8Array): Promise<{ pages: number; pngs: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "print-"));
  const xlsx = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(xlsx, data);
  await run(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { timeout: 180_000 });
  const pdf = path.join(dir, `${name}.pdf`);
  const info = (await run("pdfinfo", [pdf])).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.copyFileSync(pdf, path.join(ARTIFACTS, `${name}.pdf`));
  await run("pdftoppm", ["-png", "-r", "60", "-l", "4", pdf, path.join(ARTIFACTS, name)]);
  return { pages, pngs: fs.readdirSync(ARTIFACTS).filter((f) => f.startsWith(name) && f.endsWith(".png")) };
}

describe("the workbook as units print it", () => {
  it("gives wrapped rows the height of their text and prints unit sheets on A4 landscape, two pages across with 序号 and 政策内容 repeated", async () => {
    const data = await writeXlsxBuffer(buildUnitCopy(list, "省教育厅", { trackerId: "t", exportedAt: "2026-11-28" }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("省教育厅")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 2, fitToHeight: 0, printTitlesRow: "1:2", printTitlesColumn: "A:B" });
    // The longest task text needs several lines of the 政策内容 column; its row is tall enough for them.
    const rows = list.tasks.filter((t) => t.units.includes("省教育厅"));
    const longest = rows.reduce((a, b) => (textWidth(b.text) > textWidth(a.text) ? b : a));
    const rowNo = rows.indexOf(longest) + 3;
    expect(ws.getRow(rowNo).getCell(2).value).toBe(longest.text);
    const lines = Math.ceil(textWidth(longest.text) / (Number(ws.getColumn(2).width) - 1));
    expect(lines).toBeGreaterThan(1);
    expect(ws.getRow(rowNo).height).toBeGreaterThanOrEqual(lines * 15);
  });

  it("renders a unit copy and 汇总 to PDF and PNG (test-artifacts/print)", async () => {
    if (!canRender) return;
    const copy = await renderPdf("unit-copy-省教育厅", await writeXlsxBuffer(buildUnitCopy(list, "省教育厅", { trackerId: "t", exportedAt: "2026-11-28" })));
    expect(copy.pages).toBeGreaterThan(1);
    expect(copy.pngs.length).toBeGreaterThan(0);
    const summary = await renderPdf("summary", await writeXlsxBuffer(only(buildBlueprint(list, { trackerId: "t", generatedAt: "2026-11-28 10:00" }), "汇总")));
    expect(summary.pages).toBeGreaterThan(0);
  }, 400_000);

  it("prints 填报说明 with the period, return deadline and contact on one portrait page, every line whole", async () => {
    if (!canRender) return;
    const returnInfo = { period: "2026年12月", deadline: "2026年12月25日（星期五）17:00前", contact: "省政府办公厅督查室 张三 0791-86000000，邮箱 duchashi@example.gov.cn" };
    const bp = only(buildBlueprint(list, { trackerId: "t", generatedAt: "2026-11-28 10:00", returnInfo }), "填报说明");
    const page = await renderPdf("instructions", await writeXlsxBuffer(bp));
    expect(page.pages).toBe(1);
    // Text past the page edge is not in the PDF: each line must be there in full.
    const printed = (await run("pdftotext", [path.join(ARTIFACTS, "instructions.pdf"), "-"])).stdout.replace(/\s+/g, "");
    const lines = bp.sheets.find((s) => s.name === "填报说明")!.cells.map((r) => String(r[0] ?? "").replace(/\s+/g, "")).filter(Boolean);
    expect(lines).toContain(`联系人及电话：${returnInfo.contact.replace(/\s+/g, "")}`);
    expect(lines.filter((l) => !printed.includes(l))).toEqual([]);
  }, 200_000);
});
