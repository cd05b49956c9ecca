/** Requirement sets: add-in code and the client itself see the configured matrix, as on old Excel. */
import { createFakeOffice, isSetSupported } from "./client/office-stub";
import { createNodeHost } from "./node-host";
import { officeError } from "./testing";

describe("requirement sets", () => {
  it("compares versions part by part and treats absent sets as unsupported", () => {
    const m = { ExcelApi: "1.10" };
    expect(isSetSupported(m, "ExcelApi", "1.9")).toBe(true);
    expect(isSetSupported(m, "excelapi", 1.1)).toBe(true);
    expect(isSetSupported(m, "ExcelApi", "1.11")).toBe(false);
    expect(isSetSupported(m, "ExcelApi")).toBe(true);
    expect(isSetSupported(m, "WordApi", "1.1")).toBe(false);
    expect(createFakeOffice(m).context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(true);
  });

  it("answers add-in code from the matrix and makes the genuine client refuse newer APIs", async () => {
    const host = createNodeHost({ supportedMatrix: { ExcelApi: "1.7" } });
    expect(host.office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(host.office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
    const restore = host.installGlobals();
    try {
      expect((globalThis as unknown as { Office: typeof Office }).Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(false);
      const err = await officeError(
        Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").pageLayout.orientation = "Landscape";
          await ctx.sync();
        }),
      );
      expect(err.code).toBe("ApiNotFound");
      expect(err.message).toContain("ExcelApi 1.9");
    } finally {
      restore();
    }
    expect((globalThis as { Excel?: unknown }).Excel).toBeUndefined();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").freezePanes.freezeRows(1);
      await ctx.sync();
    });
    expect(host.sheet("Sheet1").freeze.rows).toBe(1);
  });
});
