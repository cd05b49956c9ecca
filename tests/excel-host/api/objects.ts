/**
 * Handles the processor hands around: small immutable pointers into the workbook model, one
 * class per Excel type. A handle kept by reference id stays valid across batches because it
 * points at the model object (a sheet, a chart), not at a name.
 */
import { Rect } from "../model/address";
import { itemNotFound } from "../model/errors";
import type { ChartModel, ConditionalFormatModel, TableModel } from "../model/sheet-features";
import type { CustomPropertyModel, NamedItemModel } from "../model/workbook";
import type { SheetModel } from "../model/worksheet";
import type { ApiObject } from "./registry";

export class WorkbookObj implements ApiObject {
  readonly kind = "Workbook";
}

export class WorksheetCollectionObj implements ApiObject {
  readonly kind = "WorksheetCollection";
}

abstract class OnSheet implements ApiObject {
  abstract readonly kind: string;
  constructor(readonly sheet: SheetModel) {}

  assertAlive(): void {
    if (this.sheet.deleted) throw itemNotFound(`worksheet ${this.sheet.name} was deleted`);
  }
}

export class WorksheetObj extends OnSheet {
  readonly kind = "Worksheet";
}

export class RangeObj extends OnSheet {
  readonly kind = "Range";
  constructor(
    sheet: SheetModel,
    readonly rect: Rect,
  ) {
    super(sheet);
  }
}

abstract class OnRange implements ApiObject {
  abstract readonly kind: string;
  constructor(readonly range: RangeObj) {}
}

export class RangeFormatObj extends OnRange {
  readonly kind = "RangeFormat";
}
export class RangeFillObj extends OnRange {
  readonly kind = "RangeFill";
}
export class RangeFontObj extends OnRange {
  readonly kind = "RangeFont";
}
export class FormatProtectionObj extends OnRange {
  readonly kind = "FormatProtection";
}
export class RangeBorderCollectionObj extends OnRange {
  readonly kind = "RangeBorderCollection";
}
export class RangeBorderObj implements ApiObject {
  readonly kind = "RangeBorder";
  constructor(
    readonly range: RangeObj,
    readonly side: string,
  ) {}
}
export class DataValidationObj extends OnRange {
  readonly kind = "DataValidation";
}
export class ConditionalFormatCollectionObj extends OnRange {
  readonly kind = "ConditionalFormatCollection";
}

export class ConditionalFormatObj implements ApiObject {
  readonly kind = "ConditionalFormat";
  constructor(
    readonly sheet: SheetModel,
    readonly cf: ConditionalFormatModel,
  ) {}
}

abstract class OnConditionalFormat implements ApiObject {
  abstract readonly kind: string;
  constructor(readonly cf: ConditionalFormatObj) {}
}
export class CustomConditionalFormatObj extends OnConditionalFormat {
  readonly kind = "CustomConditionalFormat";
}
export class CellValueConditionalFormatObj extends OnConditionalFormat {
  readonly kind = "CellValueConditionalFormat";
}
export class ConditionalFormatRuleObj extends OnConditionalFormat {
  readonly kind = "ConditionalFormatRule";
}
export class ConditionalRangeFormatObj extends OnConditionalFormat {
  readonly kind = "ConditionalRangeFormat";
}
export class ConditionalRangeFillObj extends OnConditionalFormat {
  readonly kind = "ConditionalRangeFill";
}
export class ConditionalRangeFontObj extends OnConditionalFormat {
  readonly kind = "ConditionalRangeFont";
}

export class WorksheetProtectionObj extends OnSheet {
  readonly kind = "WorksheetProtection";
}
export class FreezePanesObj extends OnSheet {
  readonly kind = "WorksheetFreezePanes";
}
export class PageLayoutObj extends OnSheet {
  readonly kind = "PageLayout";
}
export class ChartCollectionObj extends OnSheet {
  readonly kind = "ChartCollection";
}

export class ChartObj implements ApiObject {
  readonly kind = "Chart";
  constructor(
    readonly sheet: SheetModel,
    readonly chart: ChartModel,
  ) {}
}
export class ChartTitleObj implements ApiObject {
  readonly kind = "ChartTitle";
  constructor(readonly chart: ChartObj) {}
}

export class NamedItemCollectionObj implements ApiObject {
  readonly kind = "NamedItemCollection";
}
export class NamedItemObj implements ApiObject {
  readonly kind = "NamedItem";
  constructor(readonly item: NamedItemModel) {}
}

/** `sheet` null: the workbook's collection of all tables. */
export class TableCollectionObj implements ApiObject {
  readonly kind = "TableCollection";
  constructor(readonly sheet: SheetModel | null) {}
}
export class TableObj implements ApiObject {
  readonly kind = "Table";
  constructor(
    readonly sheet: SheetModel,
    readonly table: TableModel,
  ) {}
}

export class ApplicationObj implements ApiObject {
  readonly kind = "Application";
}
export class DocumentPropertiesObj implements ApiObject {
  readonly kind = "DocumentProperties";
}
export class CustomPropertyCollectionObj implements ApiObject {
  readonly kind = "CustomPropertyCollection";
}
export class CustomPropertyObj implements ApiObject {
  readonly kind = "CustomProperty";
  constructor(readonly prop: CustomPropertyModel) {}
}

/** The win32 loader's start-up handshake object. */
export class AddinInternalServiceObj implements ApiObject {
  readonly kind = "AddinInternalService";
}

/** office.js telemetry's sink; events are accepted and dropped. */
export class TelemetryServiceObj implements ApiObject {
  readonly kind = "TelemetryService";
}
