/** The RichApi ProcessQuery wire format as the Office.js client sends and expects it. */

export const enum ObjectPathType {
  GlobalObject = 1,
  NewObject = 2,
  Method = 3,
  Property = 4,
  Indexer = 5,
  ReferenceId = 6,
  NullObject = 7,
}

export const enum ActionType {
  Instantiate = 1,
  Query = 2,
  Method = 3,
  SetProperty = 4,
  Trace = 5,
}

export interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
  /** Set by `untrack()`: the host must not keep a reference for this object. */
  D?: boolean;
}

export interface QueryInfo {
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
}

export interface RequestBody {
  AutoKeepReference?: boolean;
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}

export interface ResponseError {
  Code: string;
  Message: string;
  HttpStatusCode: number;
  Location: string;
  ActionIndex?: number;
}

export interface ResponseBody {
  Results: ActionResult[];
  Error?: ResponseError;
}

export const ADDIN_INTERNAL_SERVICE = "Microsoft.InternalService.AddinInternalService";
/** office.js's telemetry (telemetry/oteljs_agave.js) probes the host through this object. */
export const TELEMETRY_SERVICE = "Microsoft.Telemetry.TelemetryService";
/** Objects the loader itself talks to; their batches are not the add-in's round trips. */
export const INTERNAL_OBJECTS: readonly string[] = [ADDIN_INTERNAL_SERVICE, TELEMETRY_SERVICE];
