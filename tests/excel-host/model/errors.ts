/**
 * Errors the host reports back to the client, with Excel's codes, HTTP statuses and the
 * standard English messages of Excel, so tests can assert on `error.code` exactly as they
 * would against real Excel.
 */

export type HostErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidObjectPath"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidSelection"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

const STATUS: Record<HostErrorCode, number> = {
  AccessDenied: 403,
  ApiNotFound: 404,
  GeneralException: 500,
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  InvalidOperation: 400,
  InvalidReference: 400,
  InvalidSelection: 400,
  ItemAlreadyExists: 409,
  ItemNotFound: 404,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
};

const MESSAGE: Record<HostErrorCode, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  InvalidOperation: "The requested operation is invalid.",
  InvalidReference: "This reference isn't valid for the current operation.",
  InvalidSelection: "The current selection is invalid for this operation.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins documentation for more information.",
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins documentation for more information.",
};

export const PROTECTED_CELL_MESSAGE =
  "The cell or chart you're trying to change is protected and therefore read-only.";

export class HostError extends Error {
  readonly code: HostErrorCode;
  readonly httpStatusCode: number;
  /** `Type.member` as Excel reports it in `debugInfo.errorLocation`; filled by the processor when empty. */
  location: string;

  constructor(code: HostErrorCode, message?: string, location = "") {
    super(message ?? MESSAGE[code]);
    this.name = "HostError";
    this.code = code;
    this.httpStatusCode = STATUS[code];
    this.location = location;
  }
}

export const invalidArgument = (detail?: string): HostError =>
  new HostError("InvalidArgument", detail ? `${MESSAGE.InvalidArgument} (${detail})` : undefined);
export const itemNotFound = (detail?: string): HostError =>
  new HostError("ItemNotFound", detail ? `${MESSAGE.ItemNotFound} (${detail})` : undefined);
export const itemAlreadyExists = (detail?: string): HostError =>
  new HostError("ItemAlreadyExists", detail ? `${MESSAGE.ItemAlreadyExists} (${detail})` : undefined);
export const invalidOperation = (detail?: string): HostError =>
  new HostError("InvalidOperation", detail ? `${MESSAGE.InvalidOperation} (${detail})` : undefined);
export const accessDenied = (message = PROTECTED_CELL_MESSAGE): HostError => new HostError("AccessDenied", message);

/** Anything the host does not emulate: loud, and naming the member so the gap is obvious. */
export const notEmulated = (member: string): HostError =>
  new HostError("ApiNotFound", `${MESSAGE.ApiNotFound} [excel-host: ${member} is not emulated]`, member);

/** A member the host emulates in part: the case it does not model is refused as loudly. */
export const notModelled = (member: string, what: string): HostError =>
  new HostError("ApiNotFound", `${MESSAGE.ApiNotFound} [excel-host: ${member} ${what} is not modelled]`, member);

/** Runs `fn`, stamping `location` on a HostError that does not carry one yet. */
export function located<T>(location: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof HostError && !e.location) e.location = location;
    throw e;
  }
}
