import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildBlueprint, buildUnitCopy } from "../../src/blueprint";
import { CopyAuthority } from "../../src/blueprint/copy-authority";
import { parseTaskList } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { MAX_RETURN_BYTES, MasterIdentity, ReturnRefused, readReturnFile } from "../../src/xlsx/return-files";
import { seedText } from "../support/seed";
import {
  claimSize,
  editWorkbook,
  encryptedWorkbook,
  getMeta,
  inflatingEntry,
  lyingEntry,
  odsFile,
  rowOf,
  setMeta,
  typeInto,
  wholeSheetMerge,
  wholeSheetValidation,
  xlsbFile,
} from "./hostile-returns";

const list = parseTaskList(seedText());
const KEY = "7f".repeat(32);
const authority: CopyAuthority = { key: KEY, exports: {} };
const identity: MasterIdentity = { trackerId: "R1", units: list.units, taskCount: list.tasks.length, authority };
const copyOf = (unit: string, trackerId = "R1", exportedAt = "2026-11-28 10:00") => writeXlsxBuffer(buildUnitCopy(list, unit, { trackerId, exportedAt, copyKey: KEY }));

async function refusal(data: Uint8Array, name = "x.xlsx", master: MasterIdentity = identity): Promise<string> {
  try {
    await readReturnFile(name, data, master);
  } catch (e) {
    if (e instanceof ReturnRefused) return e.reason;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("returned files that are not .xlsx workbooks are refused with a message that says what they are", () => {
  it("a .csv renamed to .xlsx", async () => {
    expect(await refusal(new TextEncoder().encode("序号,完成状态\n1,已完成\n"))).toContain("不是 .xlsx 工作簿");
  });

  it("an old .xls renamed to .xlsx", async () => {
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toContain("旧版 .xls");
  });

  it("an .xlsx with an open password (an encrypted OLE package), .ods and .xlsb", async () => {
    expect(await refusal(encryptedWorkbook())).toContain("设置了打开密码");
    expect(await refusal(await odsFile())).toContain("OpenDocument");
    expect(await refusal(await xlsbFile())).toContain(".xlsb");
  });

  it("a truncated zip", async () => {
    const data = await copyOf("省外办");
    expect(await refusal(data.slice(0, Math.floor(data.length / 2)))).toContain("文件已损坏");
  });

  it("a file over 20 MB", async () => {
    const big = new Uint8Array(MAX_RETURN_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refusal(big)).toContain("超过 20 MB");
  });
});

describe("resource limits are checked before any parsing", () => {
  it("a part inflating past the limit, declared honestly or not", async () => {
    const copy = await copyOf("省外办");
    expect(await refusal(await inflatingEntry(copy, 60))).toMatch(/解压后有 60 MB，超过上限 48 MB/);
    expect(await refusal(await lyingEntry(copy, 60))).toContain("实际大小超过其声明的大小");
  });

  it("whole-sheet merged cells and whole-sheet validation are stripped before ExcelJS, and the copy reads as it is", async () => {
    for (const hostile of [wholeSheetMerge, wholeSheetValidation]) {
      const data = await hostile(await typeInto(await copyOf("省外办"), [[12, "status", "已完成"]]));
      const r = await readReturnFile("x.xlsx", data, identity);
      expect(r.file.reports.get("12|省外办")!.report.status).toBe("已完成");
      expect([...r.file.reports.keys()]).toEqual(["12|省外办", "46|省外办"]);
    }
  });

  it("parts the reader does not need (a pasted photo, even one lying about its size) are dropped unread", async () => {
    const zip = await JSZip.loadAsync(await typeInto(await copyOf("省外办"), [[12, "status", "已完成"]]));
    zip.file("xl/media/image1.png", new Uint8Array(30 * 1024 * 1024));
    const withPhoto = claimSize(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), 1024, "xl/media/image1.png");
    const r = await readReturnFile("x.xlsx", withPhoto, identity);
    expect(r.file.reports.get("12|省外办")!.report.status).toBe("已完成");
  });

  it("100,000 junk rows below the data pass the row limit and are refused", async () => {
    const data = await editWorkbook(await copyOf("省外办"), (wb) => {
      const ws = wb.getWorksheet("省外办")!;
      for (let i = 0; i < 100_000; i++) ws.getCell(10 + i, 2).value = `junk ${i}`;
    });
    expect(await refusal(data)).toMatch(/工作表“省外办”有 \d+ 行内容，超过上限 1100 行/);
  });

  it("a value typed in row 1,048,576 is refused (every reader would walk a million rows)", async () => {
    const data = await editWorkbook(await copyOf("省外办"), (wb) => (wb.getWorksheet("省外办")!.getCell("B1048576").value = "x"));
    expect(await refusal(data)).toContain("第 1048576 行有内容");
  });
});

describe("authority: a copy speaks only for its own unit, and its identity cannot be edited", () => {
  it("a copy from another tracker", async () => {
    expect(await refusal(await copyOf("省外办", "OTHER"))).toContain("来自另一份跟踪表");
  });

  it("a unit copy whose unit the tracker does not have", async () => {
    expect(await refusal(await copyOf("省外办"), "x.xlsx", { ...identity, units: ["省教育厅"] })).toContain("不在当前跟踪表中");
  });

  it("a copy whose unit was changed in the hidden metadata fails its checksum, named by unit and file", async () => {
    const data = await editWorkbook(await copyOf("省外办"), (wb) => setMeta(wb, "unit", "省教育厅"));
    expect(await refusal(data, "外办.xlsx")).toContain("“省教育厅”的填报表（文件 外办.xlsx）未通过校验");
  });

  it("a copy whose baseline, export time or period was edited fails its checksum", async () => {
    const copy = await copyOf("省外办");
    const forged = await editWorkbook(copy, (wb) => setMeta(wb, "baseline", JSON.stringify({ "12|省外办": { status: "已完成" } })));
    expect(await refusal(forged)).toContain("未通过校验");
    expect(await refusal(await editWorkbook(copy, (wb) => setMeta(wb, "exported_at", "2099-01-01 00:00")))).toContain("未通过校验");
    expect(await refusal(await editWorkbook(copy, (wb) => setMeta(wb, "period", "2099年1月")))).toContain("未通过校验");
    // A checksum made with another key is no better.
    const otherKey = await writeXlsxBuffer(buildUnitCopy(list, "省外办", { trackerId: "R1", exportedAt: "2026-11-28 10:00", copyKey: "00".repeat(32) }));
    expect(await refusal(otherKey)).toContain("未通过校验");
  });

  it("a copy without a checksum (exported before copies were signed) is refused with a request to re-export", async () => {
    const old = await writeXlsxBuffer(buildUnitCopy(list, "省外办", { trackerId: "R1", exportedAt: "2026-11-28 10:00" }));
    expect(await refusal(old)).toContain("没有校验码（由旧版本导出）");
    expect(await refusal(old)).toContain("请重新导出“省外办”的填报表");
  });

  it("a copy with a sheet and a metadata row for another unit reads its own unit only", async () => {
    const data = await editWorkbook(await copyOf("省外办"), (wb) => {
      const extra = wb.addWorksheet("省教育厅");
      extra.addRow(["标题"]);
      extra.addRow(["序号", "政策内容", "本单位角色", "其他责任单位", "完成时限", "截止日期", "完成状态"]);
      extra.addRow([26, "x", "牵头", "", "", "", "未启动"]);
      wb.getWorksheet("_meta")!.addRow(["省教育厅", "省教育厅", 45]);
    });
    const r = await readReturnFile("x.xlsx", data, identity);
    expect(r.unit).toBe("省外办");
    expect([...r.file.reports.keys()]).toEqual(["12|省外办", "46|省外办"]);
    expect(r.notes.join()).toContain("单位副本只能填报本单位，已忽略");
  });

  it("a copy relabelled as a full tracker is refused unless the user confirms that file", async () => {
    const data = await editWorkbook(await copyOf("省外办"), (wb) => setMeta(wb, "kind", "master"));
    await expect(readReturnFile("外办.xlsx", data, identity)).rejects.toMatchObject({ needsConfirmation: true, reason: expect.stringContaining("--accept-full-tracker") });
    const r = await readReturnFile("外办.xlsx", data, identity, { acceptFullTracker: true });
    expect([...r.file.reports.keys()]).toEqual(["12|省外办", "46|省外办"]);
  });

  it("a full tracker is read with all its units only when confirmed", async () => {
    const full = await writeXlsxBuffer(buildBlueprint(list, { trackerId: "R1", generatedAt: "x" }));
    expect(await refusal(full, "full.xlsx")).toContain("是一份完整的跟踪表");
    const r = await readReturnFile("full.xlsx", full, identity, { acceptFullTracker: true });
    expect(r.unit).toBe("");
    expect(r.file.reports.size).toBe(171);
    expect(r.file.baseline).toBeUndefined();
  });

  it("a copy exported before the unit's latest export is recognised as an earlier period's", async () => {
    const old = await copyOf("省外办", "R1", "2026-10-30 09:00");
    const master = { ...identity, authority: { key: KEY, exports: { 省外办: { exportedAt: "2026-11-28 10:00", period: "2026年11月" } } } };
    const reason = await refusal(old, "x.xlsx", master);
    expect(reason).toContain("这是 2026年10月 的填报表（导出于 2026-10-30 09:00）");
    expect(reason).toContain("“省外办”2026年11月 的填报表已于 2026-11-28 10:00 导出");
    // The copy of the latest export is taken.
    await expect(readReturnFile("x.xlsx", await copyOf("省外办"), master)).resolves.toMatchObject({ unit: "省外办" });
  });

  it("the copy's 填报说明 names its period; the key itself never leaves the master", async () => {
    const data = await copyOf("省外办");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const lines = wb.getWorksheet("填报说明")!.getColumn(1).values.map(String);
    expect(lines.some((l) => l.includes("本表为 2026年11月 的填报表"))).toBe(true);
    expect(lines.some((l) => l.includes("不要沿用以前各期的旧表"))).toBe(true);
    expect(getMeta(wb, "checksum")).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(data).includes(Buffer.from(KEY))).toBe(false);
    const zipText = JSON.stringify(wb.model);
    expect(zipText).not.toContain(KEY);
  });
});

describe("nothing is erased by accident: what cannot be read is refused, never read as empty", () => {
  it("headers moved and extra columns: columns are found by their header text", async () => {
    const data = await editWorkbook(await copyOf("省外办"), (wb) => {
      const ws = wb.getWorksheet("省外办")!;
      ws.spliceColumns(1, 0, ["备注", "x", "y", "z"]);
      ws.getRow(3).getCell(8).value = "已完成";
    });
    const r = await readReturnFile("x.xlsx", data, identity);
    const first = [...r.file.reports][0];
    expect(first[0]).toBe("12|省外办");
    expect(first[1].report.status).toBe("已完成");
  });

  it("formulas typed into status cells are rejected; formulas in text columns refuse that field", async () => {
    const data = await editWorkbook(await copyOf("省外办"), (wb) => {
      const ws = wb.getWorksheet("省外办")!;
      ws.getCell("G3").value = { formula: 'IF(1,"已完成")' } as ExcelJS.CellFormulaValue;
      rowOf(ws, 46).getCell(9).value = { formula: '""' } as ExcelJS.CellFormulaValue;
    });
    const r = await readReturnFile("x.xlsx", data, identity);
    expect(r.file.reports.get("12|省外办")!.rejectedStatus).toBe('=IF(1,"已完成")');
    expect(r.issues[0].message).toContain("是公式");
    expect(r.file.reports.get("46|省外办")!.refused).toEqual({ problems: expect.stringContaining("“存在问题”是公式") });
  });

  it("a renamed header refuses that column for every row and says so once", async () => {
    const data = await editWorkbook(await copyOf("省外办"), (wb) => (wb.getWorksheet("省外办")!.getCell("I2").value = "存在的问题"));
    const r = await readReturnFile("x.xlsx", data, identity);
    for (const key of ["12|省外办", "46|省外办"]) expect(Object.keys(r.file.reports.get(key)!.refused!)).toEqual(["problems"]);
    expect(r.notes).toEqual([expect.stringContaining("找不到“存在问题”列")]);
  });

  it("a text over Excel's 32,767-character cell limit is refused, not truncated silently", async () => {
    const data = await typeInto(await copyOf("省外办"), [[12, "progress", "长".repeat(40_000)], [12, "status", "已完成"]]);
    const r = await readReturnFile("x.xlsx", data, identity);
    expect(r.file.reports.get("12|省外办")!.refused!.progress).toContain("有 40000 字，超过 Excel 单元格上限 32767 字");
    expect(r.file.reports.get("12|省外办")!.report.status).toBe("已完成");
  });

  it("a duplicated 序号 with different content refuses that task; an identical duplicate is harmless", async () => {
    const copy = await copyOf("省外办");
    const dup = (status: string) =>
      editWorkbook(copy, (wb) => {
        const ws = wb.getWorksheet("省外办")!;
        const values = Array.from((rowOf(ws, 12).values as ExcelJS.CellValue[]).slice(1));
        ws.addRow(values.map((v, i) => (i === 6 ? status : v)));
      });
    const differing = await readReturnFile("x.xlsx", await dup("已完成"), identity);
    expect(differing.file.reports.get("12|省外办")!.refusedRow).toContain("序号 12 出现了 2 次（第 3 行、第 5 行）且内容不同");
    const same = await readReturnFile("x.xlsx", await dup(""), identity);
    expect(same.file.reports.get("12|省外办")!.refusedRow).toBeUndefined();
  });

  it("序号 in full-width digits or with a trailing dot is read; an impossible date is refused", async () => {
    const data = await editWorkbook(await copyOf("省外办"), (wb) => {
      const ws = wb.getWorksheet("省外办")!;
      const a = rowOf(ws, 12);
      const b = rowOf(ws, 46);
      a.getCell(1).value = "１２";
      a.getCell(7).value = "已完成";
      a.getCell(13).value = "2026-02-30";
      b.getCell(1).value = "46.";
      b.getCell(7).value = "推进中";
      b.getCell(13).value = "2026年2月28日";
    });
    const r = await readReturnFile("x.xlsx", data, identity);
    expect(r.file.reports.get("12|省外办")!.report.status).toBe("已完成");
    expect(r.file.reports.get("12|省外办")!.refused).toEqual({ reportDate: "填报日期“2026-02-30”不是有效的日期，未读取。" });
    expect(r.file.reports.get("46|省外办")!.report).toMatchObject({ status: "推进中", reportDate: "2026-02-28" });
  });
});

describe("damaged metadata", () => {
  it("a workbook without our metadata", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "hello";
    expect(await refusal(new Uint8Array(await wb.xlsx.writeBuffer()))).toContain("找不到隐藏的元数据工作表");
  });

  it("a unit copy whose unit sheet was renamed or deleted", async () => {
    const renamed = await editWorkbook(await copyOf("省外办"), (wb) => (wb.getWorksheet("省外办")!.name = "我的表"));
    expect(await refusal(renamed)).toContain("找不到“省外办”的填报表");
  });
});
