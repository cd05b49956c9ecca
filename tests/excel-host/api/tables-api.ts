/**
 * Just enough of Excel.TableCollection / Excel.Table for the recorded contract batches:
 * add over a range with headers, name, header/body/whole ranges, delete.
 */
import { intersect } from "../model/address";
import { cellValue, writeContent } from "../model/cell-ops";
import { invalidArgument, itemAlreadyExists, itemNotFound, notEmulated } from "../model/errors";
import { assertUnprotected } from "../model/protection";
import type { TableModel } from "../model/sheet-features";
import type { WorkbookModel } from "../model/workbook";
import type { SheetModel } from "../model/worksheet";
import { checkDefinedName } from "./names-api";
import { RangeObj, TableCollectionObj, TableObj, WorksheetObj } from "./objects";
import { findName, rangeArgument, workbookRange } from "./range-args";
import { ApiObject, NULL_OBJECT, argInt, argString, defineType } from "./registry";

function all(wb: WorkbookModel, sheet: SheetModel | null): TableObj[] {
  const sheets = sheet ? [sheet] : wb.sheets;
  return sheets.flatMap((s) => s.tables.filter((t) => !t.deleted).map((t) => new TableObj(s, t)));
}

function find(wb: WorkbookModel, sheet: SheetModel | null, key: unknown): TableObj | undefined {
  const k = String(key).toUpperCase();
  return all(wb, sheet).find((t) => t.table.id === key || t.table.name.toUpperCase() === k);
}

function nameTaken(wb: WorkbookModel, name: string): boolean {
  return find(wb, null, name) !== undefined || findName(wb, name) !== undefined;
}

export const TableCollectionType = defineType<TableCollectionObj>("TableCollection", {
  items: (o, cx) => all(cx.wb, o.sheet),
  scalars: { Count: { get: (o, cx) => all(cx.wb, o.sheet).length } },
  indexer: (o, [key], cx) => {
    const t = find(cx.wb, o.sheet, key);
    if (!t) throw itemNotFound(`table ${String(key)}`);
    return t;
  },
  methods: {
    Add: (o, [address, hasHeaders], cx) => {
      if (hasHeaders !== true) throw notEmulated("TableCollection.add without headers");
      const range = o.sheet ? rangeArgument(cx.wb, address, o.sheet) : workbookRange(cx.wb, address);
      const sheet = range.sheet;
      assertUnprotected(sheet);
      if (all(cx.wb, sheet).some((t) => intersect(t.table.rect, range.rect))) throw invalidArgument("tables cannot overlap");
      let n = 1;
      while (nameTaken(cx.wb, `Table${n}`)) n++;
      const table: TableModel = { id: String(cx.wb.nextId()), name: `Table${n}`, rect: range.rect, showHeaders: true, deleted: false };
      const header = { ...range.rect, r1: range.rect.r0 };
      const names: Array<string | null> = [];
      for (let c = header.c0; c <= header.c1; c++) {
        const v = cellValue(cx.wb, sheet, header.r0, c);
        names.push(v === "" ? `Column${c - header.c0 + 1}` : null);
      }
      if (names.some((x) => x !== null)) writeContent(cx.wb, sheet, header, [names], "values");
      sheet.tables.push(table);
      return new TableObj(sheet, table);
    },
    GetItemOrNullObject: (o, [key], cx): ApiObject => find(cx.wb, o.sheet, key) ?? NULL_OBJECT,
    GetItemAt: (o, [index], cx) => {
      const t = all(cx.wb, o.sheet)[argInt(index, "index")];
      if (!t) throw itemNotFound(`table #${String(index)}`);
      return t;
    },
    GetCount: (o, _a, cx) => all(cx.wb, o.sheet).length,
  },
});

export const TableType = defineType<TableObj>("Table", {
  identity: (o) => ({ key: "Id", value: o.table.id }),
  assertAlive: (o) => {
    if (o.table.deleted || o.sheet.deleted) throw itemNotFound(`table ${o.table.name} was deleted`);
  },
  scalars: {
    Id: { get: (o) => o.table.id },
    Name: {
      get: (o) => o.table.name,
      set: (o, v, cx) => {
        const name = checkDefinedName(argString(v, "name"));
        const other = find(cx.wb, null, name);
        if ((other && other.table !== o.table) || findName(cx.wb, name)) throw itemAlreadyExists(`name ${name}`);
        o.table.name = name;
      },
    },
    ShowHeaders: { get: (o) => o.table.showHeaders },
  },
  navigation: { Worksheet: (o) => new WorksheetObj(o.sheet) },
  methods: {
    GetRange: (o) => new RangeObj(o.sheet, o.table.rect),
    GetHeaderRowRange: (o) => new RangeObj(o.sheet, { ...o.table.rect, r1: o.table.rect.r0 }),
    GetDataBodyRange: (o) => {
      const r = o.table.rect;
      if (r.r1 === r.r0) throw itemNotFound("the table has no data rows");
      return new RangeObj(o.sheet, { ...r, r0: r.r0 + 1 });
    },
    Delete: (o) => {
      assertUnprotected(o.sheet);
      o.table.deleted = true;
      return null;
    },
  },
});
