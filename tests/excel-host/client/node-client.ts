/**
 * Runs the genuine Excel client script (from the pinned @microsoft/office-js package) in a
 * Node `vm` context whose `_richApiNativeBridge` hands every request to an ExcelHost. Add-in
 * code gets real proxies, real batching and real OfficeExtension errors.
 */
import * as fs from "fs";
import * as vm from "vm";
import { ClientPlatform, excelScriptPath } from "./office-dist";
import { classify } from "../host";
import type { RequestBody } from "../wire/protocol";
import { DEFAULT_MATRIX, FakeOffice, Requirements, createFakeOffice, isSetSupported } from "./office-stub";

// Captured before any test can install fake timers: answers must keep flowing.
const realSetImmediate = setImmediate;
const realSetTimeout = setTimeout;
const realClearTimeout = clearTimeout;
const realSetInterval = setInterval;
const realClearInterval = clearInterval;

const scripts = new Map<string, vm.Script>();

function compiled(file: string): vm.Script {
  let s = scripts.get(file);
  if (!s) {
    s = new vm.Script(fs.readFileSync(file, "utf8"), { filename: file });
    scripts.set(file, s);
  }
  return s;
}

export interface NodeClientOptions {
  /** Which Excel client script to load (default "web"). */
  platform?: ClientPlatform;
  /** Load the `.debug.js` variant (readable stack traces, slower). */
  debugScript?: boolean;
  /**
   * Requirement sets the host supports (default DEFAULT_MATRIX, current Excel): the client's
   * own feature checks and `office.context.requirements.isSetSupported` answer from it.
   * ALL_SETS reproduces a client loaded without office.js (everything "supported").
   */
  supportedMatrix?: Requirements;
  /**
   * Make the client itself throw ApiNotFound when add-in code touches a member newer than the
   * matrix (its built-in check, shipped switched off). Default: on when `supportedMatrix` is given.
   */
  checkRequirementSets?: boolean;
  /**
   * Make Excel.run wait for its trailing `_RemoveReference` batch before resolving (default
   * true), so statistics are complete when `run` returns. Real hosts send it afterwards.
   */
  awaitCleanup?: boolean;
  /** What `office.context.diagnostics.platform` answers: "PC" (default), "Mac" or "OfficeOnline". */
  officePlatform?: "PC" | "Mac" | "OfficeOnline";
  /**
   * Called before each of this client's operation batches reaches the host (not its reference
   * cleanup): a co-author's batches run inside it land between this client's requests, as
   * co-authoring applies edits in the order they arrive. `index` counts from 0 per client.
   */
  beforeRequest?: (request: { index: number }) => void | Promise<void>;
}

interface Bridge {
  sendMessageToHost(text: string): void;
  onMessageFromHost: ((text: string) => void) | null;
}

interface Envelope {
  id: number;
  type: number;
  flags?: number;
  message: { url: string; body: unknown };
}

/** Whatever answers ProcessQuery: an ExcelHost, or a replay of recorded answers. */
export interface RequestProcessor {
  processRequestText(requestText: string, meta?: { flags?: number }): string;
}

export interface NodeClient {
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension;
  /** The fake `Office` whose isSetSupported answers from the matrix; hand it to add-in code. */
  readonly office: FakeOffice;
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Sets globalThis.Excel / OfficeExtension / Office to this client's; returns a restore function. */
  installGlobals(): () => void;
}

export function attachNodeClient(host: RequestProcessor, options: NodeClientOptions = {}): NodeClient {
  const matrix = options.supportedMatrix ?? DEFAULT_MATRIX;
  const office = createFakeOffice(matrix, options.officePlatform ?? "PC");
  const hook = options.beforeRequest;
  let operations = 0;
  // Requests stay in the order this client sent them, whatever the hook awaits.
  let queue: Promise<void> = Promise.resolve();
  const bridge: Bridge = {
    sendMessageToHost(text: string): void {
      const envelope = JSON.parse(text) as Envelope;
      if (envelope.type !== 1 || envelope.message?.url !== "ProcessQuery") {
        throw new Error(`excel-host: unexpected bridge message ${text.slice(0, 200)}`);
      }
      const body = envelope.message.body;
      const requestText = typeof body === "string" ? body : JSON.stringify(body);
      const answer = (response: string) =>
        bridge.onMessageFromHost?.(JSON.stringify({ id: envelope.id, type: 2, message: { statusCode: 200, headers: {}, body: response } }));
      if (!hook) {
        const response = host.processRequestText(requestText, { flags: envelope.flags });
        realSetImmediate(() => answer(response));
        return;
      }
      const operation = classify(JSON.parse(requestText) as RequestBody) === "operation";
      queue = queue.then(async () => {
        let response: string;
        try {
          if (operation) await hook({ index: operations++ });
          response = host.processRequestText(requestText, { flags: envelope.flags });
        } catch (e) {
          // A failing hook (e.g. an assertion) fails this request loudly instead of leaving the client waiting.
          const message = `excel-host: beforeRequest failed: ${e instanceof Error ? e.message : String(e)}`;
          response = JSON.stringify({ Results: [], Error: { Code: "GeneralException", Message: message, HttpStatusCode: 500, Location: "" } });
        }
        realSetImmediate(() => answer(response));
      });
    },
    onMessageFromHost: null,
  };
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout: realSetTimeout,
    clearTimeout: realClearTimeout,
    setInterval: realSetInterval,
    clearInterval: realClearInterval,
    Promise,
    navigator: { userAgent: "excel-host (node)", language: "en-US" },
    _richApiNativeBridge: bridge,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const context = vm.createContext(sandbox);
  compiled(excelScriptPath(options.platform ?? "web", options.debugScript)).runInContext(context);
  const excel = sandbox.Excel as typeof Excel;
  const ext = sandbox.OfficeExtension as typeof OfficeExtension;
  if (!excel?.run || !ext) throw new Error("excel-host: the Excel client script did not define Excel.run");
  const internals = ext as unknown as {
    Utility: { _synchronousCleanup: boolean };
    CommonUtility: { _doApiNotSupportedCheck: boolean; isSetSupported(name: string, version?: string): boolean };
  };
  internals.Utility._synchronousCleanup = options.awaitCleanup !== false;
  // The script's own Office.context needs the loader; the client asks this function instead.
  internals.CommonUtility.isSetSupported = (name, version) => isSetSupported(matrix, name, version);
  // Old Excel refuses newer members on the host side; switching the client's own check on
  // gives the same ApiNotFound, raised at the member access instead of at sync.
  internals.CommonUtility._doApiNotSupportedCheck = options.checkRequirementSets ?? options.supportedMatrix !== undefined;

  return {
    Excel: excel,
    OfficeExtension: ext,
    office,
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => excel.run(batch),
    installGlobals(): () => void {
      const g = globalThis as Record<string, unknown>;
      const installed: Record<string, unknown> = { Excel: excel, OfficeExtension: ext, Office: office };
      const saved = Object.keys(installed).map((k) => [k, k in g, g[k]] as const);
      Object.assign(g, installed);
      return () => {
        for (const [k, had, v] of saved) {
          if (had) g[k] = v;
          else delete g[k];
        }
      };
    },
  };
}
