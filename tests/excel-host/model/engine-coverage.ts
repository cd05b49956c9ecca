/**
 * Which cells of a sheet the formula engine must hold: the ranges formulas and names read.
 * Kept per column as merged row intervals, so "column F of every unit sheet" stays a few
 * intervals however many formulas read it.
 */
import { Rect } from "./address";

type Interval = [number, number];

/** Beyond this many columns a reference makes the whole sheet mirrored. */
const WIDE = 64;

export interface Slice {
  c: number;
  r0: number;
  r1: number;
}

export class Coverage {
  whole = false;
  private readonly cols = new Map<number, Interval[]>();

  /** Marks `rect` covered; returns the parts that were not covered before. */
  add(rect: Rect): Slice[] | "whole" {
    if (this.whole) return [];
    if (rect.c1 - rect.c0 + 1 > WIDE) {
      this.whole = true;
      this.cols.clear();
      return "whole";
    }
    const fresh: Slice[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) {
      const list = this.cols.get(c) ?? [];
      let cursor = rect.r0;
      for (const [a, b] of list) {
        if (b < cursor) continue;
        if (a > rect.r1) break;
        if (a > cursor) fresh.push({ c, r0: cursor, r1: a - 1 });
        cursor = Math.max(cursor, b + 1);
        if (cursor > rect.r1) break;
      }
      if (cursor <= rect.r1) fresh.push({ c, r0: cursor, r1: rect.r1 });
      this.cols.set(c, merge([...list, [rect.r0, rect.r1]]));
    }
    return fresh;
  }

  /** The covered parts of `rect`, as column slices (or the whole rect). */
  within(rect: Rect): Slice[] | "whole" {
    if (this.whole) return "whole";
    const out: Slice[] = [];
    for (const [c, list] of this.cols) {
      if (c < rect.c0 || c > rect.c1) continue;
      for (const [a, b] of list) {
        const r0 = Math.max(a, rect.r0);
        const r1 = Math.min(b, rect.r1);
        if (r0 <= r1) out.push({ c, r0, r1 });
      }
    }
    return out;
  }
}

function merge(list: Interval[]): Interval[] {
  const sorted = list.sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
