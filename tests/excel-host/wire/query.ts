/**
 * Answers a Query action: Select/Expand paths in camelCase (`format/fill/color`), answer keys
 * in PascalCase, navigation properties nested, collections as `{_Items: [...]}`.
 */
import { ApiObject, ExecContext, NULL_OBJECT, lowerFirst, typeOf } from "../api";
import { invalidArgument, located, notEmulated } from "../model/errors";
import type { QueryInfo } from "./protocol";
import type { ReferenceTable } from "./references";

type Json = Record<string, unknown>;

export class QueryRunner {
  constructor(
    private readonly cx: ExecContext,
    private readonly refs: ReferenceTable,
  ) {}

  run(o: ApiObject, info: QueryInfo | undefined): unknown {
    const select = info?.Select ?? [];
    const expand = info?.Expand ?? [];
    const paths = select.length === 0 && expand.length > 0 ? ["*", ...expand.map((p) => `${p}/*`)] : [...select, ...expand.map((p) => `${p}/*`)];
    const type = typeOf(o);
    if (type.isCollection) return this.collection(o, paths, info?.Top, info?.Skip);
    return this.fields(o, paths, false);
  }

  private collection(o: ApiObject, paths: string[], top?: number, skip?: number): Json {
    const type = typeOf(o);
    const out: Json = {};
    const itemPaths: string[] = [];
    for (const p of paths) {
      const head = p.split("/")[0];
      const scalar = type.scalar(head);
      if (scalar && !p.includes("/") && scalar[1].get) {
        out[scalar[0]] = located(`${type.name}.${lowerFirst(scalar[0])}`, () => scalar[1].get?.(o, this.cx));
      } else itemPaths.push(p);
    }
    if (itemPaths.length > 0 || paths.length === 0) {
      let items = type.spec.items?.(o, this.cx) ?? [];
      if (skip) items = items.slice(skip);
      if (top !== undefined) items = items.slice(0, top);
      out._Items = items.map((item) => this.fields(item, itemPaths, true));
    }
    return out;
  }

  private fields(o: ApiObject, paths: string[], asItem: boolean): Json {
    const type = typeOf(o);
    type.spec.assertAlive?.(o);
    const out: Json = {};
    const ref = this.refs.idOf(o);
    if (ref) out._ReferenceId = ref;
    if (asItem && type.spec.identity) {
      const id = type.spec.identity(o);
      out[id.key] = id.value;
    }
    const groups = new Map<string, { head: string; tails: string[] }>();
    for (const p of paths.length === 0 ? ["*"] : paths) {
      const [head, ...rest] = p.split("/");
      const group = groups.get(head.toLowerCase()) ?? { head, tails: [] };
      group.tails.push(rest.join("/"));
      groups.set(head.toLowerCase(), group);
    }
    for (const { head, tails } of groups.values()) {
      if (head === "*") {
        for (const [wire, def] of type.defaultScalars()) {
          out[wire] = located(`${type.name}.${lowerFirst(wire)}`, () => def.get?.(o, this.cx));
        }
        continue;
      }
      const scalar = type.scalar(head);
      if (scalar) {
        const [wire, def] = scalar;
        if (!def.get) throw notEmulated(`${type.name}.${lowerFirst(wire)}`);
        if (tails.some((t) => t !== "")) throw invalidArgument(`${wire} is not an object`);
        out[wire] = located(`${type.name}.${lowerFirst(wire)}`, () => def.get?.(o, this.cx));
        continue;
      }
      const nav = type.navigation(head);
      if (!nav) throw notEmulated(`${type.name}.${head}`);
      const [wire, get] = nav;
      const child = located(`${type.name}.${lowerFirst(wire)}`, () => get(o, this.cx));
      if (child === NULL_OBJECT) {
        out[wire] = null;
        continue;
      }
      const childPaths = tails.map((t) => (t === "" ? "*" : t));
      out[wire] = typeOf(child).isCollection ? this.collection(child, childPaths) : this.fields(child, childPaths, false);
    }
    return out;
  }
}
