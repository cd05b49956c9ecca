import ExcelJS from "exceljs";
import { buildBlueprint, buildUnitCopy } from "../../src/blueprint";
import { parseTaskList } from "../../src/domain";
import { writeXlsxBuffer } from "../../src/xlsx/render-xlsx";
import { MAX_RETURN_BYTES, ReturnRefused, readReturnFile } from "../../src/xlsx/return-files";
import { seedText } from "../support/seed";

const list = parseTaskList(seedText());
const identity = { trackerId: "R1", units: list.units };
const copyOf = (unit: string, trackerId = "R1") => writeXlsxBuffer(buildUnitCopy(list, unit, { trackerId, exportedAt: "2026-11-28" }));

async function edit(data: Uint8Array, fn: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  fn(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function refusal(data: Uint8Array, name = "x.xlsx"): Promise<string> {
  try {
    await readReturnFile(name, data, identity);
  } catch (e) {
    if (e instanceof ReturnRefused) return e.reason;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("returned files that cannot be trusted are refused with a reason", () => {
  it("a .csv renamed to .xlsx", async () => {
    expect(await refusal(new TextEncoder().encode("序号,完成状态\n1,已完成\n"))).toContain("不是 .xlsx 工作簿");
  });

  it("an old .xls renamed to .xlsx", async () => {
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toContain("旧版 .xls");
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

  it("a copy from another tracker", async () => {
    expect(await refusal(await copyOf("省外办", "OTHER"))).toContain("来自另一份跟踪表");
  });

  it("a unit copy whose unit the tracker does not have", async () => {
    const data = await copyOf("省外办");
    await expect(readReturnFile("x.xlsx", data, { trackerId: "R1", units: ["省教育厅"] })).rejects.toThrow("不在当前跟踪表中");
  });

  it("a workbook without our metadata", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "hello";
    expect(await refusal(new Uint8Array(await wb.xlsx.writeBuffer()))).toContain("找不到隐藏的元数据工作表");
  });

  it("a unit copy whose unit sheet was renamed or deleted", async () => {
    const renamed = await edit(await copyOf("省外办"), (wb) => (wb.getWorksheet("省外办")!.name = "我的表"));
    expect(await refusal(renamed)).toContain("找不到“省外办”的填报表");
  });
});

describe("returned files that were damaged in ways that can be handled", () => {
  it("headers moved and extra columns: columns are found by their header text", async () => {
    const data = await edit(await copyOf("省外办"), (wb) => {
      const ws = wb.getWorksheet("省外办")!;
      ws.spliceColumns(1, 0, ["备注", "x", "y", "z"]);
      ws.getRow(3).getCell(8).value = "已完成";
    });
    const r = await readReturnFile("x.xlsx", data, identity);
    const first = [...r.file.reports][0];
    expect(first[0]).toBe("12|省外办");
    expect(first[1].report.status).toBe("已完成");
  });

  it("formulas typed into status cells are rejected, not merged", async () => {
    const data = await edit(await copyOf("省外办"), (wb) => (wb.getWorksheet("省外办")!.getCell("G3").value = { formula: 'IF(1,"已完成")' } as ExcelJS.CellFormulaValue));
    const r = await readReturnFile("x.xlsx", data, identity);
    expect(r.file.reports.get("12|省外办")!.rejectedStatus).toBe('=IF(1,"已完成")');
    expect(r.issues[0].message).toContain("是公式");
  });

  it("100,000 junk rows below the data are skipped", async () => {
    const data = await edit(await copyOf("省外办"), (wb) => {
      const ws = wb.getWorksheet("省外办")!;
      for (let i = 0; i < 100_000; i++) ws.getCell(10 + i, 2).value = `junk ${i}`;
    });
    const r = await readReturnFile("x.xlsx", data, identity);
    expect([...r.file.reports.keys()]).toEqual(["12|省外办", "46|省外办"]);
  });

  it("a full tracker returned as a whole is read with all its units", async () => {
    const full = await writeXlsxBuffer(buildBlueprint(list, { trackerId: "R1", generatedAt: "x" }));
    const r = await readReturnFile("full.xlsx", full, identity);
    expect(r.unit).toBe("");
    expect(r.file.reports.size).toBe(171);
    expect(r.file.baseline).toBeUndefined();
  });
});

describe("damaged metadata", () => {
  it("a unit copy whose baseline was damaged is refused rather than merged blindly", async () => {
    const data = await edit(await copyOf("省外办"), (wb) => {
      wb.getWorksheet("_meta")!.eachRow((row) => {
        if (row.getCell(1).value === "baseline") row.getCell(2).value = "{broken";
      });
    });
    expect(await refusal(data)).toContain("基线)已损坏");
  });
});
