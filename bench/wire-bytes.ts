/**
 * Where the bytes of a RichApi request go: each action's JSON is charged to what it sets
 * (values, formulas, formats, validation, protection); object paths, Instantiate actions,
 * the envelope and every other action are the per-action overhead. Against it, the content:
 * the UTF-8 bytes of the text, numbers and formulas written into cells, what no encoding of
 * the workbook could avoid sending.
 */
import type { ActionInfo, ObjectPathInfo, RequestBody } from "../tests/excel-host/wire/protocol";

export const BYTE_KINDS = ["values", "formulas", "formats", "validation", "protection", "overhead"] as const;
export type ByteKind = (typeof BYTE_KINDS)[number];

export interface WireBytes {
  total: number;
  content: number;
  byKind: Record<ByteKind, number>;
}

export const emptyWireBytes = (): WireBytes => ({ total: 0, content: 0, byKind: { values: 0, formulas: 0, formats: 0, validation: 0, protection: 0, overhead: 0 } });

const utf8 = (s: string): number => Buffer.byteLength(s, "utf8");

const FORMAT_NAMES = new Set(["format", "fill", "font", "borders", "conditionalFormats", "custom", "columnWidth", "rowHeight", "numberFormat", "wrapText", "horizontalAlignment", "verticalAlignment"]);

/** Names on the object path of an action, from the action up to the root. */
function pathNames(paths: Record<string, ObjectPathInfo>, id: number): string[] {
  const names: string[] = [];
  for (let p: ObjectPathInfo | undefined = paths[id]; p; p = p.ParentObjectPathId === undefined ? undefined : paths[p.ParentObjectPathId]) names.push(p.Name);
  return names;
}

function kindOf(action: ActionInfo, paths: Record<string, ObjectPathInfo>): ByteKind {
  // Instantiate (1) and Trace (5) actions only exist to carry references: overhead.
  if (action.ActionType === 1 || action.ActionType === 5) return "overhead";
  if (action.Name === "Values" || action.Name === "values") return "values";
  if (action.Name === "Formulas" || action.Name === "formulas") return "formulas";
  const names = [action.Name, ...pathNames(paths, action.ObjectPathId)].map((n) => n.charAt(0).toLowerCase() + n.slice(1));
  if (names.includes("dataValidation")) return "validation";
  if (names.includes("protection") || names.includes("protect")) return "protection";
  if (names.some((n) => FORMAT_NAMES.has(n))) return "formats";
  return "overhead";
}

/** Bytes of what a cell receives: text as UTF-8, numbers as written, formulas with their "=". */
function cellContent(grid: unknown): number {
  if (!Array.isArray(grid)) return grid === null || grid === undefined ? 0 : utf8(String(grid));
  let n = 0;
  for (const row of grid) {
    if (!Array.isArray(row)) continue;
    for (const c of row) if (c !== null && c !== undefined && c !== "") n += utf8(String(c));
  }
  return n;
}

export function wireBytes(requestText: string): WireBytes {
  const out = emptyWireBytes();
  out.total = utf8(requestText);
  let body: RequestBody;
  try {
    body = JSON.parse(requestText) as RequestBody;
  } catch {
    out.byKind.overhead = out.total;
    return out;
  }
  let charged = 0;
  for (const action of body.Actions ?? []) {
    const kind = kindOf(action, body.ObjectPaths ?? {});
    if (kind === "overhead") continue;
    const bytes = utf8(JSON.stringify(action)) + 1;
    out.byKind[kind] += bytes;
    charged += bytes;
    if (kind === "values" || kind === "formulas") out.content += cellContent(action.ArgumentInfo?.Arguments?.[0]);
  }
  out.byKind.overhead = out.total - charged;
  return out;
}

export function addWireBytes(into: WireBytes, more: WireBytes): void {
  into.total += more.total;
  into.content += more.content;
  for (const k of BYTE_KINDS) into.byKind[k] += more.byKind[k];
}
