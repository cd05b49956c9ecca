import ExcelJS from "exceljs";
import { buildTracker } from "../../src/excel/build-tracker";
import { makeUnitCopies } from "../../src/excel/export-copies";
import { mergeReturnFiles } from "../../src/excel/merge-returns";
import { parseTaskList } from "../../src/domain";
import { composeDraft } from "../../src/mail/compose";
import { seedText } from "../support/seed";
import { buildOptions, newHost, usedValues } from "../support/excel-host-helpers";

const source = seedText();
const list = parseTaskList(source);

describe("the add-in's merge takes saved reply emails", () => {
  it("merges the copy attached to an .eml and refuses an email without a workbook, with the reason", async () => {
    const host = newHost();
    await host.run((ctx) => buildTracker(ctx, list, buildOptions({ trackerId: "EML", listSource: source })));
    const copies = await host.run((ctx) => makeUnitCopies(ctx, "all", "2026-11-28 10:00"));
    const unit = list.units[2];
    const task = list.tasks.find((t) => t.units.includes(unit))!.id;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copies.find((c) => c.unit === unit)!.data as unknown as ArrayBuffer);
    wb.worksheets[0].eachRow((row) => {
      if (row.getCell(1).value === task) row.getCell(7).value = "已完成";
    });
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const reply = composeDraft({ to: ["coord@office.test"], cc: [], subject: "回复:请报送", text: "已填", attachment: { filename: `${unit}-填报.xlsx`, content: edited }, date: new Date(0), messageId: `r-${unit.length}@t.invalid` });
    const noAttachment = Buffer.from("Subject: 收到\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n好的\r\n");

    const result = await host.run((ctx) =>
      mergeReturnFiles(ctx, [{ name: "回复.eml", size: reply.length, data: new Uint8Array(reply) }, { name: "收到.eml", data: new Uint8Array(noAttachment) }], "2026-12-01 10:00"),
    );
    expect(result.refused).toEqual([{ source: "收到.eml", reason: expect.stringContaining("没有 .xlsx 附件") }]);
    expect(result.unitOf.get(`回复.eml/${unit}-填报.xlsx`)).toBe(unit);
    expect(result.outcome.files.flatMap((f) => f.updated)).toHaveLength(1);
    expect((await usedValues(host, unit)).find((r) => r[0] === task)![6]).toBe("已完成");
  });
});
