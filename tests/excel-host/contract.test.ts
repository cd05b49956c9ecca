/**
 * Wire-format contract. The add-in calls that produced the captures are replayed through the
 * genuine client of the pinned @microsoft/office-js, answered with the captured answers: every
 * request must come out byte-for-byte as recorded, so a new office.js that changes the wire
 * format fails here. Then the captured requests are played against this host, whose answers
 * must agree with the recorded ones.
 */
import { attachNodeClient, RequestProcessor } from "./client/node-client";
import { ALL_SETS, DEFAULT_MATRIX, Requirements } from "./client/office-stub";
import { CapturedBatch, loadCapture } from "./captures/captures";
import { ExcelHost } from "./host";
import type { RequestBody, ResponseBody } from "./wire/protocol";

/** The calls behind both captures, reconstructed from their object paths and actions. */
async function recordedScenario(ctx: Excel.RequestContext, failures: string[]): Promise<void> {
  const catchCode = (e: { code: string }): void => void failures.push(e.code);
  ctx.workbook.worksheets.add("A");
  const r = ctx.workbook.worksheets.getItem("A").getRange("A1:B2");
  r.values = [[1, 2], [3, 4]];
  r.load("address");
  await ctx.sync();

  r.formulas = [["=1+1", "=SUM(A1:A1)"], [3, 4]];
  r.numberFormat = [["0.00", "0.00"], ["0.00", "0.00"]];
  r.format.fill.color = "red";
  r.format.font.bold = true;
  r.load("values,formulas,numberFormat,format/fill/color,format/font/bold,rowCount");
  await ctx.sync();

  const dv = ctx.workbook.worksheets.getItem("A").getRange("C1:C5").dataValidation;
  dv.clear();
  dv.rule = { list: { inCellDropDown: true, source: "Yes,No" } };
  dv.load("type,rule,valid");
  ctx.workbook.worksheets.load("name,position");
  ctx.workbook.worksheets.getCount();
  ctx.workbook.worksheets.getItemOrNullObject("Nope");
  await ctx.sync();

  const sheet = ctx.workbook.worksheets.getItem("A");
  const cf = sheet.getRange("A1:A5").conditionalFormats.add("CellValue");
  cf.cellValue.format.font.color = "red";
  cf.cellValue.rule = { formula1: "=0", operator: "LessThan" };
  const table = ctx.workbook.tables.add("A!E1:F3", true);
  table.name = "T1";
  table.getHeaderRowRange().values = [["x", "y"]];
  table.load("name");
  const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B2"), "Auto");
  chart.title.text = "Sales";
  chart.load("name,title/text");
  sheet.protection.protect({ allowFormatCells: true });
  sheet.protection.load("protected");
  sheet.getRange("A1:A5").conditionalFormats.load("type");
  await ctx.sync();

  sheet.getRange("A1").values = [[99]];
  await ctx.sync().catch(catchCode);

  ctx.workbook.worksheets.getItem("Missing").load("name");
  await ctx.sync().catch(catchCode);

  ctx.workbook.worksheets.getItem("A").delete();
  ctx.workbook.worksheets.load("name");
  await ctx.sync();
}

/** Answers each request with the next recorded answer and keeps what the client sent. */
class Replay implements RequestProcessor {
  readonly sent: Array<{ body: RequestBody; flags?: number }> = [];
  private next = 0;

  constructor(private readonly answers: ResponseBody[]) {}

  processRequestText(text: string, meta?: { flags?: number }): string {
    this.sent.push({ body: JSON.parse(text) as RequestBody, flags: meta?.flags });
    const answer = this.answers[this.next++] ?? { Results: [] };
    return JSON.stringify(answer);
  }
}

async function replay(batches: CapturedBatch[], platform: "web" | "win32", matrix: Requirements) {
  const recorded = batches.filter((b) => !b.internal);
  const replayer = new Replay(recorded.map((b) => b.response));
  const failures: string[] = [];
  await attachNodeClient(replayer, { platform, supportedMatrix: matrix }).run((ctx) => recordedScenario(ctx, failures));
  return { recorded, sent: replayer.sent, failures };
}

describe.each([
  ["jsdom-web-host-script.json", "web", ALL_SETS],
  ["chromium-win32-loader.json", "win32", DEFAULT_MATRIX],
] as const)("wire contract of %s", (file, platform, matrix) => {
  it(`the ${platform} client sends exactly the recorded requests`, async () => {
    const { recorded, sent, failures } = await replay(loadCapture(file), platform, matrix);
    expect(failures).toEqual(["AccessDenied", "ItemNotFound"]);
    expect(sent.slice(0, recorded.length).map((s) => s.body)).toEqual(recorded.map((b) => b.request));
    expect(sent.slice(0, recorded.length).map((s) => s.flags)).toEqual(recorded.map((b) => b.flags));
    // after the last recorded batch Excel.run releases the ranges it kept
    const cleanup = sent.slice(recorded.length);
    expect(cleanup).toHaveLength(1);
    const names = cleanup[0].body.Actions.filter((a) => a.ActionType === 3).map((a) => [a.Name, a.ArgumentInfo?.Arguments]);
    expect(names).toEqual(["_R1", "_R2", "_R3", "_R4", "_R5", "_R6", "_R7"].map((id) => ["_RemoveReference", [id]]));
  });
});

/** Ids are the host's own; collection items of the recorded host carried no ids. */
function normalise(value: unknown, inItems = false): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v, inItems));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if ((k === "Id" || k === "_Id") && inItems) continue;
      out[k] = k === "Id" ? "<id>" : normalise(v, k === "_Items");
    }
    return out;
  }
  return value;
}

describe.each(["jsdom-web-host-script.json", "chromium-win32-loader.json"] as const)("this host on the requests of %s", (file) => {
  it("answers as recorded, apart from the documented differences", () => {
    const host = new ExcelHost({ sheets: [] });
    // Excel refuses "T1" as a table name (it reads as cell T1); the recording host took it
    const batches = loadCapture(file).map((b): CapturedBatch => JSON.parse(JSON.stringify(b).replace(/"T1"/g, '"SalesT1"')));
    const last = batches[batches.length - 1];
    for (const batch of batches) {
      const ours = host.processRequest(batch.request);
      const actionType = new Map(batch.request.Actions.map((a) => [a.Id, a.ActionType]));
      const byId = new Map(ours.Results.map((r) => [r.ActionId, normalise(r.Value)]));
      if (batch === last) {
        // Excel refuses to delete the only visible sheet; the recording host allowed it
        expect(ours.Error).toMatchObject({ Code: "InvalidOperation", ActionIndex: 3 });
        continue;
      }
      for (const r of batch.response.Results) expect([r.ActionId, byId.get(r.ActionId)]).toEqual([r.ActionId, normalise(r.Value)]);
      // this host also answers Instantiate actions the recording host left unanswered
      const extra = ours.Results.filter((r) => !batch.response.Results.some((c) => c.ActionId === r.ActionId));
      for (const r of extra) expect([r.ActionId, actionType.get(r.ActionId)]).toEqual([r.ActionId, 1]);
      if (batch.response.Error) {
        const { Code, HttpStatusCode, ActionIndex } = batch.response.Error;
        expect(ours.Error).toMatchObject({ Code, HttpStatusCode, ActionIndex });
      } else {
        expect(ours.Error).toBeUndefined();
      }
    }
  });
});
