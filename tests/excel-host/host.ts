/**
 * The in-memory Excel host: answers RichApi ProcessQuery batches against a WorkbookModel,
 * enforces Excel on the web's 5 MB request/response cap and records round trips.
 */
import { performance } from "perf_hooks";
import "./api";
import { WorkbookObj } from "./api/objects";
import { Rect, parseRef, splitSheetQualifier } from "./model/address";
import { readFormulas, readValues } from "./model/cell-ops";
import type { CellScalar } from "./model/cell-input";
import { HostError } from "./model/errors";
import { WorkbookModel } from "./model/workbook";
import type { SheetModel } from "./model/worksheet";
import { BatchProcessor } from "./wire/processor";
import { ActionType, INTERNAL_OBJECTS, ObjectPathType, RequestBody, ResponseBody } from "./wire/protocol";
import { ReferenceTable } from "./wire/references";
import { BatchKind, HostStats } from "./stats";
import { SeedData, seedWorkbook } from "./seed";

/** Excel on the web's limit for a request and for a response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface ExcelHostOptions {
  /** Sheets the workbook starts with; a new Excel workbook has one, "Sheet1". Ignored with `seed`. */
  sheets?: string[];
  /** Start from this content instead (see seed.ts). */
  seed?: SeedData;
  payloadLimitBytes?: number;
}

export class ExcelHost {
  readonly workbook = new WorkbookModel();
  readonly stats = new HostStats();
  readonly references = new ReferenceTable();
  private readonly root = new WorkbookObj();

  constructor(options: ExcelHostOptions = {}) {
    this.workbook.payloadLimitBytes = options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES;
    if (options.seed) seedWorkbook(this.workbook, options.seed);
    else for (const name of options.sheets ?? ["Sheet1"]) this.workbook.addSheet(name);
  }

  /** Adds sheets and names from plain data (after the existing sheets). */
  seed(data: SeedData): void {
    seedWorkbook(this.workbook, data);
  }

  /**
   * Another client session on this workbook (a co-author's Excel): its own reference ids, the
   * same cells. Batches from every session are applied one at a time, in arrival order, as
   * co-authoring's server does.
   */
  session(): { processRequestText(requestText: string): string } {
    const references = new ReferenceTable();
    return { processRequestText: (text: string) => this.processRequestText(text, { references }) };
  }

  /** One ProcessQuery: request body JSON in, response body JSON out. */
  processRequestText(requestText: string, meta: { references?: ReferenceTable; flags?: number } = {}): string {
    const started = { wall: performance.now(), cpu: process.cpuUsage() };
    const requestBytes = Buffer.byteLength(requestText, "utf8");
    let body: RequestBody;
    try {
      body = JSON.parse(requestText) as RequestBody;
    } catch {
      return this.fail("operation", requestBytes, 0, started, new HostError("InvalidArgument", "The request body is not JSON."));
    }
    const kind = classify(body);
    const limit = this.workbook.payloadLimitBytes;
    if (requestBytes > limit) {
      return this.fail(kind, requestBytes, body.Actions?.length ?? 0, started, new HostError("RequestPayloadSizeLimitExceeded"));
    }
    let response: ResponseBody;
    try {
      response = new BatchProcessor(body, { wb: this.workbook }, meta.references ?? this.references, this.root).run();
    } finally {
      // suspendApiCalculationUntilNextSync lasts for the batch that carried it.
      this.workbook.engine.resume();
    }
    let text = JSON.stringify(response);
    let responseBytes = Buffer.byteLength(text, "utf8");
    let error = response.Error?.Code;
    if (responseBytes > limit) {
      // the batch has run (its changes stay); only its answer is lost
      const err = new HostError("ResponsePayloadSizeLimitExceeded");
      text = JSON.stringify(errorBody(err));
      responseBytes = Buffer.byteLength(text, "utf8");
      error = err.code;
    }
    this.stats.record({ kind, requestBytes, responseBytes, actions: body.Actions?.length ?? 0, ...elapsed(started), error });
    return text;
  }

  processRequest(body: RequestBody): ResponseBody {
    return JSON.parse(this.processRequestText(JSON.stringify(body))) as ResponseBody;
  }

  private fail(kind: BatchKind, requestBytes: number, actions: number, started: Started, err: HostError): string {
    const text = JSON.stringify(errorBody(err));
    this.stats.record({ kind, requestBytes, responseBytes: Buffer.byteLength(text, "utf8"), actions, ...elapsed(started), error: err.code });
    return text;
  }

  // ---- conveniences for assertions -------------------------------------------------------

  sheetNames(): string[] {
    return this.workbook.sheets.map((s) => s.name);
  }

  sheet(name: string): SheetModel {
    const s = this.workbook.findSheet(name);
    if (!s) throw new Error(`no sheet ${name} (sheets: ${this.sheetNames().join(", ")})`);
    return s;
  }

  /** Resolves `'汇总'!A1:B2` (or `A1` on the active sheet) for the helpers below. */
  locate(address: string): { sheet: SheetModel; rect: Rect } {
    const { sheet, ref } = splitSheetQualifier(address);
    const rect = parseRef(ref);
    if (!rect) throw new Error(`not an address: ${address}`);
    const s = sheet === null ? this.workbook.activeSheet : this.workbook.findSheet(sheet);
    if (!s) throw new Error(`no sheet for ${address}`);
    return { sheet: s, rect };
  }

  /** Computed values, as `range.values` would answer. */
  values(address: string): CellScalar[][] {
    const { sheet, rect } = this.locate(address);
    return readValues(this.workbook, sheet, rect);
  }

  formulas(address: string): CellScalar[][] {
    const { sheet, rect } = this.locate(address);
    return readFormulas(sheet, rect);
  }
}

interface Started {
  wall: number;
  cpu: NodeJS.CpuUsage;
}

function elapsed(started: Started): { hostMs: number; hostCpuMs: number } {
  const cpu = process.cpuUsage(started.cpu);
  return { hostMs: performance.now() - started.wall, hostCpuMs: (cpu.user + cpu.system) / 1000 };
}

function errorBody(err: HostError): ResponseBody {
  return { Results: [], Error: { Code: err.code, Message: err.message, HttpStatusCode: err.httpStatusCode, Location: "" } };
}

/** An operation batch, the client's trailing reference cleanup, or the loader's own traffic. */
export function classify(body: RequestBody): BatchKind {
  const paths = Object.values(body.ObjectPaths ?? {});
  if (paths.some((p) => p.ObjectPathType === ObjectPathType.NewObject && INTERNAL_OBJECTS.includes(p.Name))) return "internal";
  const actions = body.Actions ?? [];
  const rootIds = new Set(paths.filter((p) => p.ObjectPathType === ObjectPathType.GlobalObject).map((p) => p.Id));
  const removals = actions.filter(
    (a) => a.ActionType === ActionType.Method && (a.Name === "_RemoveReference" || a.Name === "_RemoveAllReferences"),
  );
  const onlyCleanup = actions.every(
    (a) => (a.ActionType === ActionType.Instantiate && rootIds.has(a.ObjectPathId)) || removals.includes(a),
  );
  return removals.length > 0 && onlyCleanup ? "cleanup" : "operation";
}
