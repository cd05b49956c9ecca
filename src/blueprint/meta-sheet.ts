import { SHEET } from "./layout";
import { emptySheet } from "./sheet-parts";
import { Cell, SheetBlueprint } from "./types";
import { UnitSheetRef } from "./unit-refs";

export type TrackerKind = "master" | "unit-copy";

export interface MetaFields {
  trackerId: string;
  schemaVersion: number;
  kind: TrackerKind;
  listName: string;
  listHash: string;
  generatedAt: string;
}

/** Key/value rows, then the unit ↔ sheet map. Readers look keys up by name. */
export const META_KEYS = ["tracker_id", "schema_version", "kind", "list_name", "list_hash", "generated_at"] as const;
export const META_UNIT_HEADER = ["unit", "sheet", "tasks"] as const;

/**
 * Metadata lives in a very hidden sheet: ExcelJS drops custom XML parts and LibreOffice
 * keeps hidden sheets, so this is what survives every app a return passes through.
 */
/** Cells hold at most 32,767 characters; long values continue in the next columns. */
const CHUNK = 30_000;

/** A high surrogate: the first half of a character outside the BMP (e.g. 𠀀 in a rare name). */
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

function chunked(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; ) {
    // Never end a cell between the halves of one character: xlsx writers turn each lone half into U+FFFD.
    const end = i + CHUNK < text.length && isHighSurrogate(text.charCodeAt(i + CHUNK - 1)) ? i + CHUNK - 1 : i + CHUNK;
    out.push(text.slice(i, end));
    i = end;
  }
  return out.length > 0 ? out : [""];
}

export function metaSheet(meta: MetaFields, units: UnitSheetRef[], password?: string, extra: Record<string, string> = {}): SheetBlueprint {
  const sheet = emptySheet(SHEET.meta, "meta");
  sheet.visibility = "veryHidden";
  const values: Record<(typeof META_KEYS)[number], Cell> = {
    tracker_id: meta.trackerId,
    schema_version: meta.schemaVersion,
    kind: meta.kind,
    list_name: meta.listName,
    list_hash: meta.listHash,
    generated_at: meta.generatedAt,
  };
  for (const key of META_KEYS) sheet.cells.push([key, values[key]]);
  for (const [key, value] of Object.entries(extra)) sheet.cells.push([key, ...chunked(value)]);
  sheet.cells.push([]);
  sheet.cells.push([...META_UNIT_HEADER]);
  for (const u of units) sheet.cells.push([u.unit, u.sheet, u.taskCount]);
  sheet.columnWidths = [16, 40, 8];
  sheet.protection = { password, unlocked: [] };
  return sheet;
}
