/**
 * Executes one ProcessQuery batch against the workbook: resolves object paths lazily (once
 * per batch, like Excel evaluates them at their first use), runs actions in order and stops
 * at the first error, reporting its ActionIndex so the client can name the statement.
 */
import { ApiObject, ExecContext, NULL_OBJECT, lowerFirst, typeOf } from "../api";
import { AddinInternalServiceObj, TelemetryServiceObj, WorkbookObj } from "../api/objects";
import { HostError, located, notEmulated } from "../model/errors";
import {
  ADDIN_INTERNAL_SERVICE,
  TELEMETRY_SERVICE,
  ActionInfo,
  ActionResult,
  ActionType,
  ArgumentInfo,
  ObjectPathInfo,
  ObjectPathType,
  RequestBody,
  ResponseBody,
} from "./protocol";
import { QueryRunner } from "./query";
import type { ReferenceTable } from "./references";

const isObject = (v: unknown): v is ApiObject =>
  typeof v === "object" && v !== null && typeof (v as { kind?: unknown }).kind === "string";

export class BatchProcessor {
  private readonly resolved = new Map<number, ApiObject>();
  private readonly query: QueryRunner;

  constructor(
    private readonly body: RequestBody,
    private readonly cx: ExecContext,
    private readonly refs: ReferenceTable,
    private readonly root: WorkbookObj,
  ) {
    this.query = new QueryRunner(cx, refs);
  }

  run(): ResponseBody {
    const results: ActionResult[] = [];
    const actions = this.body.Actions ?? [];
    for (let i = 0; i < actions.length; i++) {
      try {
        this.action(actions[i], results);
      } catch (e) {
        const err = e instanceof HostError ? e : bug(e);
        return {
          Results: results,
          Error: { Code: err.code, Message: err.message, HttpStatusCode: err.httpStatusCode, Location: err.location, ActionIndex: i },
        };
      }
    }
    return { Results: results };
  }

  private action(a: ActionInfo, results: ActionResult[]): void {
    switch (a.ActionType) {
      case ActionType.Instantiate: {
        const o = this.resolve(a.ObjectPathId);
        const value = this.instantiateValue(a.ObjectPathId, o);
        if (value !== undefined) results.push({ ActionId: a.Id, Value: value });
        return;
      }
      case ActionType.Query: {
        const o = this.resolve(a.ObjectPathId);
        results.push({ ActionId: a.Id, Value: o === NULL_OBJECT ? null : this.query.run(o, a.QueryInfo) });
        return;
      }
      case ActionType.Method: {
        const o = this.resolve(a.ObjectPathId);
        if (a.Name === "_KeepReference") {
          if (o !== NULL_OBJECT && typeOf(o).spec.keepable) this.refs.keep(o);
          return;
        }
        if (o === NULL_OBJECT) {
          // operations on a null object do nothing, as in Excel
          results.push({ ActionId: a.Id, Value: null });
          return;
        }
        const args = this.args(a.ArgumentInfo);
        results.push({ ActionId: a.Id, Value: this.method(o, a.Name, args) });
        return;
      }
      case ActionType.SetProperty: {
        const o = this.resolve(a.ObjectPathId);
        if (o === NULL_OBJECT) return;
        const type = typeOf(o);
        const location = `${type.name}.${lowerFirst(a.Name)}`;
        const scalar = type.scalar(a.Name);
        if (!scalar?.[1].set) throw notEmulated(`${location} (set)`);
        const setter = scalar[1].set;
        const [value] = this.args(a.ArgumentInfo);
        located(location, () => {
          type.spec.assertAlive?.(o);
          setter(o, value, this.cx);
        });
        return;
      }
      case ActionType.Trace:
        return;
      default:
        throw notEmulated(`ProcessQuery ActionType ${a.ActionType} (${a.Name || "unnamed"})`);
    }
  }

  private method(o: ApiObject, name: string, args: unknown[]): unknown {
    if (o === this.root) {
      if (name === "_RemoveReference") {
        this.refs.remove(String(args[0]));
        return null;
      }
      if (name === "_RemoveAllReferences") {
        this.refs.clear();
        return null;
      }
      if (name === "_GetReferenceCount") return this.refs.size;
    }
    const type = typeOf(o);
    const location = `${type.name}.${lowerFirst(name)}`;
    return located(location, () => {
      type.spec.assertAlive?.(o);
      const result = type.method(name)(o, args, this.cx);
      if (isObject(result)) throw notEmulated(`${location} returning an object outside a path`);
      return result ?? null;
    });
  }

  /**
   * What Excel answers for an Instantiate: null for a null object, the reference id of a
   * kept object (with AutoKeepReference every keepable object not marked `D`, i.e. not
   * untracked, is kept), the id of an identifiable object (so the client can re-address it by
   * id after a rename), an empty object for other objects made by a method or an indexer (so
   * `isNullObject` is known), nothing for the root and plain navigation properties.
   */
  private instantiateValue(pathId: number, o: ApiObject): unknown {
    if (o === NULL_OBJECT) return null;
    const info = this.pathInfo(pathId);
    if (info.ObjectPathType === ObjectPathType.GlobalObject || info.ObjectPathType === ObjectPathType.NewObject) return undefined;
    if (this.body.AutoKeepReference && !info.D && typeOf(o).spec.keepable) this.refs.keep(o);
    const ref = this.refs.idOf(o);
    if (ref) return { _ReferenceId: ref };
    const identity = typeOf(o).spec.identity?.(o);
    if (identity) return { [identity.key]: identity.value };
    if (info.ObjectPathType === ObjectPathType.Property && !info.Name.endsWith("OrNullObject")) return undefined;
    return {};
  }

  private pathInfo(id: number): ObjectPathInfo {
    const info = this.body.ObjectPaths?.[String(id)];
    if (!info) throw new HostError("InvalidObjectPath", `The object path ${id} is not in the request.`);
    return info;
  }

  private args(info: ArgumentInfo | undefined): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds;
    if (refs) {
      refs.forEach((id, i) => {
        if (id) args[i] = this.resolve(id);
      });
    }
    return args;
  }

  resolve(id: number): ApiObject {
    const memo = this.resolved.get(id);
    if (memo) return memo;
    const info = this.pathInfo(id);
    const o = this.evaluate(info);
    this.resolved.set(id, o);
    return o;
  }

  private evaluate(info: ObjectPathInfo): ApiObject {
    switch (info.ObjectPathType) {
      case ObjectPathType.GlobalObject:
        return this.root;
      case ObjectPathType.NewObject:
        if (info.Name === ADDIN_INTERNAL_SERVICE) return new AddinInternalServiceObj();
        if (info.Name === TELEMETRY_SERVICE) return new TelemetryServiceObj();
        throw notEmulated(`new ${info.Name}`);
      case ObjectPathType.NullObject:
        return NULL_OBJECT;
      case ObjectPathType.ReferenceId: {
        const o = this.refs.get(info.Name);
        if (!o) throw new HostError("InvalidObjectPath", `The reference ${info.Name} was removed or never existed.`);
        return o;
      }
      case ObjectPathType.Property:
      case ObjectPathType.Method:
      case ObjectPathType.Indexer:
        return this.member(info);
      default:
        throw notEmulated(`ObjectPathType ${info.ObjectPathType}`);
    }
  }

  private member(info: ObjectPathInfo): ApiObject {
    if (info.ParentObjectPathId === undefined) throw new HostError("InvalidObjectPath", `Path ${info.Id} has no parent.`);
    const parent = this.resolve(info.ParentObjectPathId);
    if (parent === NULL_OBJECT) return NULL_OBJECT;
    const type = typeOf(parent);
    if (info.ObjectPathType === ObjectPathType.Property) {
      const nav = type.navigation(info.Name);
      const location = `${type.name}.${lowerFirst(info.Name)}`;
      if (!nav) throw notEmulated(location);
      return located(location, () => {
        type.spec.assertAlive?.(parent);
        return nav[1](parent, this.cx);
      });
    }
    const args = this.args(info.ArgumentInfo);
    if (info.ObjectPathType === ObjectPathType.Indexer) {
      const indexer = type.spec.indexer;
      const location = `${type.name}.getItem`;
      if (!indexer) throw notEmulated(location);
      return located(location, () => indexer(parent, args, this.cx));
    }
    const location = `${type.name}.${lowerFirst(info.Name)}`;
    return located(location, () => {
      type.spec.assertAlive?.(parent);
      const result = type.method(info.Name)(parent, args, this.cx);
      if (!isObject(result)) throw notEmulated(`${location} as an object path`);
      return result;
    });
  }
}

/** A defect in the host itself: reported loudly to the client rather than hidden. */
function bug(e: unknown): HostError {
  const detail = e instanceof Error ? e.stack ?? e.message : String(e);
  return new HostError("GeneralException", `excel-host internal error: ${detail}`);
}
