/** Excel.Application, document properties with custom properties, and the loader's internal service. */
import { invalidArgument, itemNotFound } from "../model/errors";
import type { CustomPropertyModel, DocumentPropertiesModel, WorkbookModel } from "../model/workbook";
import {
  AddinInternalServiceObj,
  TelemetryServiceObj,
  ApplicationObj,
  CustomPropertyCollectionObj,
  CustomPropertyObj,
  DocumentPropertiesObj,
} from "./objects";
import { ApiObject, NULL_OBJECT, ScalarDef, argEnum, argInt, argString, defineType } from "./registry";

export const ApplicationType = defineType<ApplicationObj>("Application", {
  scalars: {
    // Stored only: formulas are always current in the host, whatever the mode.
    CalculationMode: {
      get: (_o, cx) => cx.wb.calculationMode,
      set: (_o, v, cx) => void (cx.wb.calculationMode = argEnum(v, ["Automatic", "AutomaticExceptTables", "Manual"] as const, "calculationMode")),
    },
  },
  methods: {
    SuspendApiCalculationUntilNextSync: (_o, _a, cx) => {
      cx.wb.engine.suspend();
      return null;
    },
    SuspendScreenUpdatingUntilNextSync: () => null,
    Calculate: () => null,
  },
});

type TextProp = "title" | "subject" | "author" | "keywords" | "comments" | "category" | "manager" | "company";
const text = (key: TextProp): ScalarDef<DocumentPropertiesObj> => ({
  get: (_o, cx) => cx.wb.properties[key],
  set: (_o, v, cx) => void ((cx.wb.properties as DocumentPropertiesModel)[key] = argString(v, key)),
});

export const DocumentPropertiesType = defineType<DocumentPropertiesObj>("DocumentProperties", {
  scalars: {
    Title: text("title"),
    Subject: text("subject"),
    Author: text("author"),
    Keywords: text("keywords"),
    Comments: text("comments"),
    Category: text("category"),
    Manager: text("manager"),
    Company: text("company"),
    LastAuthor: { get: (_o, cx) => cx.wb.properties.lastAuthor },
    RevisionNumber: {
      get: (_o, cx) => cx.wb.properties.revisionNumber,
      set: (_o, v, cx) => void (cx.wb.properties.revisionNumber = argInt(v, "revisionNumber")),
    },
    CreationDate: { get: (_o, cx) => cx.wb.properties.creationDate },
  },
  navigation: { Custom: () => new CustomPropertyCollectionObj() },
});

function findProp(wb: WorkbookModel, key: unknown): CustomPropertyModel | undefined {
  const k = String(key).toUpperCase();
  return wb.customProperties.find((p) => p.key.toUpperCase() === k);
}

function typed(value: unknown): Pick<CustomPropertyModel, "value" | "type"> {
  if (typeof value === "string") return { value, type: "String" };
  if (typeof value === "number" && Number.isFinite(value)) return { value, type: "Number" };
  if (typeof value === "boolean") return { value, type: "Boolean" };
  throw invalidArgument("custom property values are text, numbers or booleans");
}

export const CustomPropertyCollectionType = defineType<CustomPropertyCollectionObj>("CustomPropertyCollection", {
  items: (_o, cx) => cx.wb.customProperties.map((p) => new CustomPropertyObj(p)),
  indexer: (_o, [key], cx) => {
    const p = findProp(cx.wb, key);
    if (!p) throw itemNotFound(`custom property ${String(key)}`);
    return new CustomPropertyObj(p);
  },
  methods: {
    // add() also overwrites an existing key, as documented for Excel
    Add: (_o, [key, value], cx) => {
      const k = argString(key, "key");
      if (k.length === 0 || k.length > 255) throw invalidArgument("custom property key length");
      const existing = findProp(cx.wb, k);
      if (existing) {
        Object.assign(existing, typed(value));
        return new CustomPropertyObj(existing);
      }
      const prop: CustomPropertyModel = { key: k, ...typed(value) };
      cx.wb.customProperties.push(prop);
      return new CustomPropertyObj(prop);
    },
    GetItemOrNullObject: (_o, [key], cx): ApiObject => {
      const p = findProp(cx.wb, key);
      return p ? new CustomPropertyObj(p) : NULL_OBJECT;
    },
    GetCount: (_o, _a, cx) => cx.wb.customProperties.length,
    DeleteAll: (_o, _a, cx) => {
      cx.wb.customProperties.length = 0;
      return null;
    },
    GetItemAt: (_o, [index], cx) => {
      const p = cx.wb.customProperties[argInt(index, "index")];
      if (!p) throw itemNotFound(`custom property #${String(index)}`);
      return new CustomPropertyObj(p);
    },
  },
});

export const CustomPropertyType = defineType<CustomPropertyObj>("CustomProperty", {
  scalars: {
    Key: { get: (o) => o.prop.key },
    Type: { get: (o) => o.prop.type },
    Value: { get: (o) => o.prop.value, set: (o, v) => void Object.assign(o.prop, typed(v)) },
  },
  methods: {
    Delete: (o, _a, cx) => {
      const i = cx.wb.customProperties.indexOf(o.prop);
      if (i >= 0) cx.wb.customProperties.splice(i, 1);
      return null;
    },
  },
});

export const AddinInternalServiceType = defineType<AddinInternalServiceObj>("AddinInternalService", {
  methods: { NotifyActionHandlerReady: () => null },
});

export const TelemetryServiceType = defineType<TelemetryServiceObj>("TelemetryService", {
  methods: { SendTelemetryEvent: () => null },
});
