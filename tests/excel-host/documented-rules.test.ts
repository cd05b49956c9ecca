/**
 * Rules Microsoft documents and the host enforces, each test naming its source: the doc comment
 * in @types/office-js, or a page of the Office Add-ins docs. CONFORMANCE.md lists them all.
 */
import { createNodeHost } from "./node-host";
import { officeError } from "./testing";

const run = (host: ReturnType<typeof createNodeHost>, batch: (ctx: Excel.RequestContext) => void) =>
  host.run(async (ctx) => {
    batch(ctx);
    await ctx.sync();
  });

describe("rules from the @types/office-js doc comments", () => {
  it("Worksheet.delete: a VeryHidden sheet fails with InvalidOperation; made Hidden first (an earlier statement of the same batch), it goes", async () => {
    const host = createNodeHost({ seed: { sheets: [{ name: "Sheet1" }, { name: "_meta", cells: [["x"]], visibility: "VeryHidden" }] } });
    const err = await officeError(run(host, (ctx) => ctx.workbook.worksheets.getItem("_meta").delete()));
    expect(err.code).toBe("InvalidOperation");
    expect(err.debugInfo.errorLocation).toBe("Worksheet.delete");
    expect(host.sheetNames()).toEqual(["Sheet1", "_meta"]);
    await run(host, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("_meta");
      ws.visibility = "Hidden";
      ws.delete();
    });
    expect(host.sheetNames()).toEqual(["Sheet1"]);
  });

  it("WorksheetProtection.protect: fails if the worksheet has already been protected", async () => {
    const host = createNodeHost();
    await run(host, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").protection.protect());
    const err = await officeError(run(host, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").protection.protect({ allowFormatRows: true })));
    expect(err.code).toBe("InvalidOperation");
    expect(host.sheet("Sheet1").protection.options.allowFormatRows).toBe(false);
  });

  it("WorksheetProtection.unprotect(password): a missing or wrong password fails and leaves the sheet protected", async () => {
    const host = createNodeHost();
    await run(host, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").protection.protect({}, "s3cret"));
    for (const attempt of [undefined, "wrong", "S3CRET"]) {
      const err = await officeError(run(host, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").protection.unprotect(attempt)));
      expect(err.code).toBe("InvalidArgument");
      expect(host.sheet("Sheet1").protection.protected).toBe(true);
    }
    await run(host, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").protection.unprotect("s3cret"));
    expect(host.sheet("Sheet1").protection.protected).toBe(false);
  });

  it("Workbook.getSelectedRange: throws when several ranges are selected", async () => {
    const host = createNodeHost({ seed: { sheets: [{ name: "清单", cells: [["a"]], selection: ["A1:C5", "E2:E4"] }], activeSheet: "清单" } });
    const err = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.getSelectedRange().load("address");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidSelection");
    const single = await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("清单").getRange("A1:C5").select();
      const r = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      return r.address;
    });
    expect(single).toBe("清单!A1:C5");
  });

  it("Worksheet.getRange: an address over 8,192 characters is InvalidArgument", async () => {
    const host = createNodeHost();
    const long = `A${"0".repeat(8190)}1:B2`;
    expect(long.length).toBeGreaterThan(8192);
    const err = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange(long).load("address");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(err.message).toContain("8192");
  });

  it("Worksheet.name: 31 characters at most (UTF-16 units, so a surrogate pair counts two)", async () => {
    const host = createNodeHost();
    const emoji = "😀".repeat(16);
    expect(emoji.length).toBe(32);
    expect((await officeError(run(host, (ctx) => void ctx.workbook.worksheets.add(emoji)))).code).toBe("InvalidArgument");
    await run(host, (ctx) => void ctx.workbook.worksheets.add(`${"😀".repeat(15)}x`));
    expect(host.sheetNames()).toContain(`${"😀".repeat(15)}x`);
  });

  it("PageLayout.setPrintTitleRows: the range must span entire rows", async () => {
    const host = createNodeHost();
    const err = await officeError(run(host, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintTitleRows("A1:C2")));
    expect(err.code).toBe("InvalidArgument");
    await run(host, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintTitleRows("$1:$2"));
    expect(host.sheet("Sheet1").pageLayout.printTitleRows).toEqual({ r0: 0, r1: 1 });
  });

  it("PageLayout.setPrintTitleColumns: the range must span entire columns", async () => {
    const host = createNodeHost();
    const err = await officeError(run(host, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintTitleColumns("A1:B20")));
    expect(err.code).toBe("InvalidArgument");
    await run(host, (ctx) => ctx.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintTitleColumns("$A:$B"));
    expect(host.sheet("Sheet1").pageLayout.printTitleColumns).toEqual({ c0: 0, c1: 1 });
  });

  it("PageLayout.zoom: set as one JSON object, a scale of 10 to 400 or whole pages to fit to (0 automatic)", async () => {
    const host = createNodeHost();
    const setZoom = (zoom: unknown) => run(host, (ctx) => void (ctx.workbook.worksheets.getItem("Sheet1").pageLayout.zoom = zoom as Excel.PageLayoutZoomOptions));
    for (const bad of [{ scale: 5 }, { scale: 401 }, { horizontalFitToPages: 1.5 }, { horizontalFitToPages: -1 }, { scale: 80, horizontalFitToPages: 1 }, {}]) {
      expect({ bad, code: (await officeError(setZoom(bad))).code }).toEqual({ bad, code: "InvalidArgument" });
    }
    expect(host.sheet("Sheet1").pageLayout.zoom).toEqual({ scale: 100, horizontalFitToPages: null, verticalFitToPages: null });
    await setZoom({ horizontalFitToPages: 2, verticalFitToPages: 0 });
    const read = await host.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem("Sheet1").pageLayout.load("zoom");
      await ctx.sync();
      return layout.zoom;
    });
    expect(read).toEqual({ scale: null, horizontalFitToPages: 2, verticalFitToPages: 0 });
    await setZoom({ scale: 80 });
    expect(host.sheet("Sheet1").pageLayout.zoom).toEqual({ scale: 80, horizontalFitToPages: null, verticalFitToPages: null });
  });
});

describe("rules from the doc comments of properties", () => {
  it("Worksheet.tabColor: null while the sheet is hidden, an empty string for automatic, #RRGGBB otherwise", async () => {
    const host = createNodeHost({ sheets: ["Sheet1", "甲", "乙"] });
    const seen = await host.run(async (ctx) => {
      const [a, b] = [ctx.workbook.worksheets.getItem("甲"), ctx.workbook.worksheets.getItem("乙")];
      a.tabColor = "#1F4E79";
      b.tabColor = "#C00000";
      b.visibility = "Hidden";
      const c = ctx.workbook.worksheets.getItem("Sheet1").load("tabColor");
      a.load("tabColor");
      b.load("tabColor");
      await ctx.sync();
      return [a.tabColor, b.tabColor, c.tabColor];
    });
    expect(seen).toEqual(["#1F4E79", null, ""]);
  });

  it("DataValidationRule: no more than one criterion in a rule (Add data validation to Excel ranges)", async () => {
    const host = createNodeHost();
    const err = await officeError(
      run(host, (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A5").dataValidation.rule = {
          list: { inCellDropDown: true, source: "是,否" },
          custom: { formula: "=LEN(A1)<5" },
        };
      }),
    );
    expect(err.code).toBe("InvalidArgument");
  });
});

describe("rules of protection (Protect a worksheet; WorksheetProtectionOptions)", () => {
  it("a chart cannot be added to a protected sheet unless allowEditObjects: the add-in adds its charts before protecting", async () => {
    const host = createNodeHost({ seed: { sheets: [{ name: "Sheet1", cells: [["a", 1], ["b", 2]], protection: {} }] } });
    const err = await officeError(run(host, (ctx) => void ctx.workbook.worksheets.getItem("Sheet1").charts.add("BarClustered", ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2"))));
    expect(err.code).toBe("AccessDenied");
  });
});

describe("rules from Excel's specifications and the Rename a worksheet page", () => {
  it.each([["x".repeat(32)], ["a:b"], ["a\\b"], ["a/b"], ["a?b"], ["a*b"], ["a[b"], ["a]b"], ["'lead"], ["trail'"], ["History"], ["HISTORY"]])(
    "a sheet name %j is InvalidArgument",
    async (name) => {
      const host = createNodeHost();
      expect((await officeError(run(host, (ctx) => void ctx.workbook.worksheets.add(name)))).code).toBe("InvalidArgument");
    },
  );

  it("sheet names are unique ignoring case (Excel.ErrorCodes: ItemAlreadyExists)", async () => {
    const host = createNodeHost({ sheets: ["汇总", "Abc"] });
    expect((await officeError(run(host, (ctx) => void ctx.workbook.worksheets.add("aBC")))).code).toBe("ItemAlreadyExists");
  });

  it("a formula is at most 8,192 characters", async () => {
    const host = createNodeHost();
    const formula = (length: number) => `=${"1+".repeat((length - 2) / 2)}1`;
    expect(formula(8192)).toHaveLength(8192);
    await run(host, (ctx) => (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [[formula(8192)]]));
    const err = await officeError(run(host, (ctx) => (ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").formulas = [[formula(8194)]])));
    expect(err.code).toBe("InvalidArgument");
    expect(host.formulas("Sheet1!A2")).toEqual([[""]]);
  });
});

describe("rules from Performance optimization using the Excel JavaScript API", () => {
  it("suspendApiCalculationUntilNextSync: values read in the same sync are the old ones; the next sync has them recalculated", async () => {
    const host = createNodeHost();
    const seen = await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:C1").values = [[1, 2, "=SUM(A1:B1)"]];
      const first = ws.getRange("A1:C1").load("values");
      await ctx.sync();
      const before = first.values;
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ws.getRange("A1:B1").values = [[10, 20]];
      const during = ws.getRange("A1:C1").load("values");
      const app = ctx.workbook.application.load("calculationMode");
      await ctx.sync();
      // "Calculation mode should still be Automatic even with suspend recalculation"
      expect(app.calculationMode).toBe("Automatic");
      const stale = during.values;
      during.load("values");
      await ctx.sync();
      return [before, stale, during.values];
    });
    expect(seen).toEqual([[[1, 2, 3]], [[10, 20, 3]], [[10, 20, 30]]]);
  });

  it("suspendApiCalculationUntilNextSync: only calculation waits; a rename in the same batch happens", async () => {
    const host = createNodeHost({ seed: { sheets: [{ name: "Sheet1" }, { name: "甲", cells: [[5]] }] } });
    await run(host, (ctx) => (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["='甲'!A1*2"]]));
    const seen = await host.run(async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      ctx.workbook.worksheets.getItem("甲").name = "乙";
      ctx.workbook.worksheets.getItem("乙").getRange("A1").values = [[7]];
      const f = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("formulas,values");
      await ctx.sync();
      return [f.formulas, f.values];
    });
    expect(seen).toEqual([[["=乙!A1*2"]], [[10]]]);
    expect(host.values("Sheet1!A1")).toEqual([[14]]);
  });
});

describe("rules from Resource limits and performance optimization for Office Add-ins", () => {
  it("a range read is limited to 5,000,000 cells, even where the payload would allow it", async () => {
    const host = createNodeHost({ payloadLimitBytes: 1024 * 1024 * 1024 });
    const err = await officeError(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:E1000001").load("values");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ResponsePayloadSizeLimitExceeded");
  });
});
