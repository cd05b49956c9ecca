import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildBlueprint } from "../../src/blueprint";
import { parseTaskList } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";

/**
 * Characters outside the BMP (two UTF-16 units each) in long texts: in Node, ExcelJS's
 * default path let JSZip encode each part in 16,384-unit slices and a slice boundary that
 * fell inside such a character wrote it as U+FFFD (see src/xlsx/whole-characters.ts).
 */
describe("rare characters outside the BMP in a written tracker", () => {
  // Long runs of 𠀀 at both parities: some 16K boundary of the shared strings falls inside one.
  const rare = (prefix: string) => `${prefix}推进𠀀村${"𠀀".repeat(9000)}发展`;
  const texts = [rare(""), rare("甲"), rare("甲乙"), rare("甲乙丙")];
  const list = parseTaskList(["序号\t政策内容\t责任部门", ...texts.map((t, i) => `${i + 1}\t${t}\t省教育厅`)].join("\n"));
  const bp = buildBlueprint(list, { trackerId: "rare", generatedAt: "2026-12-01 09:00" });

  for (const [name, options] of [
    ["deflated by ExcelJS", {}],
    ["dated and repacked", { at: new Date(Date.UTC(2026, 11, 1, 9)) }],
  ] as const) {
    it(`${name}: every part is free of U+FFFD and the unit sheet reads back each text whole`, async () => {
      const bytes = await writeXlsxBuffer(bp, options);
      const zip = await JSZip.loadAsync(bytes);
      for (const entry of Object.values(zip.files).filter((e) => e.name.endsWith(".xml"))) {
        expect({ part: entry.name, replaced: (await entry.async("string")).includes("\uFFFD") }).toEqual({ part: entry.name, replaced: false });
      }
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet("省教育厅")!;
      const cells: string[] = [];
      sheet.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && c.value.includes("𠀀") && cells.push(c.value)));
      expect(cells).toEqual(texts);
      expect((globalThis as { process?: { browser?: boolean } }).process?.browser).toBeUndefined();
    });
  }
});
