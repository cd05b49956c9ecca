import ExcelJS from "exceljs";
import { buildBlueprint } from "../../src/blueprint";
import { buildTracker } from "../../src/excel/build-tracker";
import { parseTaskList } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { seedText } from "../support/seed";
import { buildOptions, newHost } from "../support/excel-host-helpers";

const list = parseTaskList(seedText());

/** What an .xlsx's page setup says, in the terms both paths share. */
function fromXlsx(ws: ExcelJS.Worksheet) {
  const p = ws.pageSetup;
  return {
    orientation: p.orientation,
    titleRows: p.printTitlesRow ?? null,
    titleColumns: p.printTitlesColumn ?? null,
    pagesWide: p.fitToWidth,
    pagesTall: p.fitToHeight,
    centred: p.horizontalCentered,
    margins: [p.margins?.left, p.margins?.right, p.margins?.top, p.margins?.bottom, p.margins?.header, p.margins?.footer],
  };
}

describe("print settings written through Office.js", () => {
  it("match the xlsx renderer's for every printed sheet: orientation, repeated rows and columns, pages wide, centring and margins", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ listSource: seedText() })));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeXlsxBuffer(buildBlueprint(list, { trackerId: "t", generatedAt: "x" }))) as unknown as ArrayBuffer);
    const printed = ["汇总", "任务总表", "填报说明", "省教育厅", "省外办"];
    for (const name of printed) {
      const l = host.sheet(name).pageLayout;
      const office = {
        orientation: l.orientation.toLowerCase(),
        titleRows: l.printTitleRows ? `${l.printTitleRows.r0 + 1}:${l.printTitleRows.r1 + 1}` : null,
        titleColumns: l.printTitleColumns ? `${"ABCDEFGHIJ"[l.printTitleColumns.c0]}:${"ABCDEFGHIJ"[l.printTitleColumns.c1]}` : null,
        pagesWide: l.zoom.horizontalFitToPages,
        pagesTall: l.zoom.verticalFitToPages,
        centred: l.centerHorizontally,
        margins: [l.leftMargin, l.rightMargin, l.topMargin, l.bottomMargin, l.headerMargin, l.footerMargin].map((m) => Math.round((m / 72) * 100) / 100),
      };
      expect({ name, ...office }).toEqual({ name, ...fromXlsx(wb.getWorksheet(name)!) });
      expect(l.paperSize).toBe("A4");
    }
    // A unit sheet: two pages across with 序号 and 政策内容 on both.
    expect(host.sheet("省教育厅").pageLayout).toMatchObject({ orientation: "Landscape", printTitleColumns: { c0: 0, c1: 1 }, zoom: { horizontalFitToPages: 2, verticalFitToPages: 0, scale: null } });
  });
});
