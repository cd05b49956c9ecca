/**
 * The emulated API surface, declared per Excel type: scalar properties (with wire names as
 * Excel sends them, PascalCase), navigation properties, methods and indexers. The processor
 * dispatches through these tables; anything missing is answered with ApiNotFound.
 */
import { HostError, notEmulated } from "../model/errors";
import type { WorkbookModel } from "../model/workbook";

export interface ApiObject {
  readonly kind: string;
}

/** What a `*OrNullObject` member returns when there is nothing. */
export const NULL_OBJECT: ApiObject = Object.freeze({ kind: "Null" });

export interface ExecContext {
  readonly wb: WorkbookModel;
}

export interface ScalarDef<T> {
  get?: (o: T, cx: ExecContext) => unknown;
  set?: (o: T, value: unknown, cx: ExecContext) => void;
  /** Included by a plain `load()`; false for expensive or write-only members. */
  inDefaultLoad?: boolean;
}

export type MethodResult = unknown;

export interface ApiTypeSpec<T> {
  scalars?: Record<string, ScalarDef<T>>;
  navigation?: Record<string, (o: T, cx: ExecContext) => ApiObject>;
  methods?: Record<string, (o: T, args: unknown[], cx: ExecContext) => MethodResult>;
  indexer?: (o: T, args: unknown[], cx: ExecContext) => ApiObject;
  items?: (o: T, cx: ExecContext) => ApiObject[];
  /** Hidden key the client uses to re-address the object (`Id` or `_Id`). */
  identity?: (o: T) => { key: "Id" | "_Id"; value: string };
  /** Throws when the underlying object was deleted. */
  assertAlive?: (o: T) => void;
  /** Supports `_KeepReference` (reference ids across batches), like Excel.Range. */
  keepable?: boolean;
}

export class ApiType<T extends ApiObject = ApiObject> {
  private readonly scalarByLower = new Map<string, [string, ScalarDef<T>]>();
  private readonly navByLower = new Map<string, [string, (o: T, cx: ExecContext) => ApiObject]>();

  constructor(
    readonly name: string,
    readonly spec: ApiTypeSpec<T>,
  ) {
    for (const [wire, def] of Object.entries(spec.scalars ?? {})) this.scalarByLower.set(wire.toLowerCase(), [wire, def]);
    for (const [wire, nav] of Object.entries(spec.navigation ?? {})) this.navByLower.set(wire.toLowerCase(), [wire, nav]);
  }

  get isCollection(): boolean {
    return this.spec.items !== undefined;
  }

  scalar(name: string): [string, ScalarDef<T>] | undefined {
    return this.scalarByLower.get(name.toLowerCase());
  }

  navigation(name: string): [string, (o: T, cx: ExecContext) => ApiObject] | undefined {
    return this.navByLower.get(name.toLowerCase());
  }

  defaultScalars(): Array<[string, ScalarDef<T>]> {
    return [...this.scalarByLower.values()].filter(([, d]) => d.get && d.inDefaultLoad !== false);
  }

  method(name: string): (o: T, args: unknown[], cx: ExecContext) => MethodResult {
    const m = this.spec.methods?.[name];
    if (!m) throw notEmulated(`${this.name}.${lowerFirst(name)}`);
    return m;
  }
}

export const lowerFirst = (s: string): string => (s ? s[0].toLowerCase() + s.slice(1) : s);

const registry = new Map<string, ApiType<ApiObject>>();

export function defineType<T extends ApiObject>(kind: string, spec: ApiTypeSpec<T>): ApiType<T> {
  const type = new ApiType<T>(kind, spec);
  registry.set(kind, type as unknown as ApiType<ApiObject>);
  return type;
}

export function typeOf(o: ApiObject): ApiType<ApiObject> {
  const t = registry.get(o.kind);
  if (!t) throw notEmulated(o.kind);
  return t;
}

/** Argument helpers shared by the API modules. */
export function argString(v: unknown, what: string): string {
  if (typeof v !== "string") throw new TypeErrorArg(what);
  return v;
}

export function argInt(v: unknown, what: string, min = 0): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) throw new TypeErrorArg(what);
  return v;
}

export function argBool(v: unknown, what: string): boolean {
  if (typeof v !== "boolean") throw new TypeErrorArg(what);
  return v;
}

class TypeErrorArg extends HostError {
  constructor(what: string) {
    super("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what})`);
  }
}

/** Accepts an enum value case-insensitively and returns Excel's spelling. */
export function argEnum<E extends string>(v: unknown, allowed: readonly E[], what: string): E {
  if (typeof v === "string") {
    const hit = allowed.find((a) => a.toLowerCase() === v.toLowerCase());
    if (hit) return hit;
  }
  throw new TypeErrorArg(`${what}: ${JSON.stringify(v)} is not one of ${allowed.join(", ")}`);
}
