/** Excel.ChartCollection, Excel.Chart and its title (no series, axes or legend). */
import { invalidArgument, itemNotFound } from "../model/errors";
import { assertAllowed } from "../model/protection";
import type { ChartModel } from "../model/sheet-features";
import type { SheetModel } from "../model/worksheet";
import { ChartCollectionObj, ChartObj, ChartTitleObj, WorksheetObj } from "./objects";
import { rangeArgument } from "./range-args";
import { ApiObject, NULL_OBJECT, ScalarDef, argBool, argEnum, argInt, argString, defineType } from "./registry";

export const CHART_TYPES = [
  "ColumnClustered", "ColumnStacked", "ColumnStacked100", "3DColumnClustered", "3DColumnStacked", "3DColumnStacked100",
  "BarClustered", "BarStacked", "BarStacked100", "3DBarClustered", "3DBarStacked", "3DBarStacked100", "LineStacked",
  "LineStacked100", "LineMarkers", "LineMarkersStacked", "LineMarkersStacked100", "PieOfPie", "PieExploded",
  "3DPieExploded", "BarOfPie", "XYScatterSmooth", "XYScatterSmoothNoMarkers", "XYScatterLines", "XYScatterLinesNoMarkers",
  "AreaStacked", "AreaStacked100", "3DAreaStacked", "3DAreaStacked100", "DoughnutExploded", "RadarMarkers", "RadarFilled",
  "Surface", "SurfaceWireframe", "SurfaceTopView", "SurfaceTopViewWireframe", "Bubble", "Bubble3DEffect", "StockHLC",
  "StockOHLC", "StockVHLC", "StockVOHLC", "CylinderColClustered", "CylinderColStacked", "CylinderColStacked100",
  "CylinderBarClustered", "CylinderBarStacked", "CylinderBarStacked100", "CylinderCol", "ConeColClustered",
  "ConeColStacked", "ConeColStacked100", "ConeBarClustered", "ConeBarStacked", "ConeBarStacked100", "ConeCol",
  "PyramidColClustered", "PyramidColStacked", "PyramidColStacked100", "PyramidBarClustered", "PyramidBarStacked",
  "PyramidBarStacked100", "PyramidCol", "3DColumn", "Line", "3DLine", "3DPie", "Pie", "XYScatter", "3DArea", "Area",
  "Doughnut", "Radar", "Histogram", "Boxwhisker", "Pareto", "RegionMap", "Treemap", "Waterfall", "Sunburst", "Funnel",
] as const;
const SERIES_BY = ["Auto", "Columns", "Rows"] as const;

const live = (sheet: SheetModel): ChartModel[] => sheet.charts.filter((c) => !c.deleted);

function findChart(sheet: SheetModel, key: unknown): ChartModel | undefined {
  return live(sheet).find((c) => c.name === key || c.id === key);
}

/** Distance in points from the sheet's top-left corner to the start of row `r` / column `c`. */
function rowOffset(sheet: SheetModel, r: number): number {
  let sum = r * sheet.defaultRowHeight;
  for (const [row, h] of sheet.rowHeights) if (row < r) sum += h - sheet.defaultRowHeight;
  return sum;
}
function colOffset(sheet: SheetModel, c: number): number {
  let sum = c * sheet.defaultColumnWidth;
  for (const [col, w] of sheet.colWidths) if (col < c) sum += w - sheet.defaultColumnWidth;
  return sum;
}

const wrap = (sheet: SheetModel, chart: ChartModel): ChartObj => new ChartObj(sheet, chart);

export const ChartCollectionType = defineType<ChartCollectionObj>("ChartCollection", {
  items: (o) => live(o.sheet).map((c) => wrap(o.sheet, c)),
  scalars: { Count: { get: (o) => live(o.sheet).length } },
  indexer: (o, [key]) => {
    const c = findChart(o.sheet, key);
    if (!c) throw itemNotFound(`chart ${String(key)}`);
    return wrap(o.sheet, c);
  },
  methods: {
    Add: (o, [type, sourceData, seriesBy], cx) => {
      assertAllowed(o.sheet, "allowEditObjects");
      const source = rangeArgument(cx.wb, sourceData, o.sheet);
      const n = o.sheet.charts.length + 1;
      const chart: ChartModel = {
        id: `{C${String(cx.wb.nextId()).padStart(14, "0")}}`,
        name: `Chart ${n}`,
        chartType: argEnum(type, CHART_TYPES, "type"),
        source: source.rect,
        seriesBy: seriesBy === undefined || seriesBy === null ? "Auto" : argEnum(seriesBy, SERIES_BY, "seriesBy"),
        titleText: "",
        titleVisible: false,
        top: 0,
        left: 0,
        width: 360,
        height: 216,
        deleted: false,
      };
      o.sheet.charts.push(chart);
      return wrap(o.sheet, chart);
    },
    GetItem: (o, [name]) => {
      const c = findChart(o.sheet, name);
      if (!c) throw itemNotFound(`chart ${String(name)}`);
      return wrap(o.sheet, c);
    },
    GetItemOrNullObject: (o, [name]): ApiObject => {
      const c = findChart(o.sheet, name);
      return c ? wrap(o.sheet, c) : NULL_OBJECT;
    },
    GetItemAt: (o, [index]) => {
      const c = live(o.sheet)[argInt(index, "index")];
      if (!c) throw itemNotFound(`chart #${String(index)}`);
      return wrap(o.sheet, c);
    },
    GetCount: (o) => live(o.sheet).length,
  },
});

function edit(o: ChartObj): ChartModel {
  assertAllowed(o.sheet, "allowEditObjects");
  return o.chart;
}

const dimension = (key: "top" | "left" | "width" | "height"): ScalarDef<ChartObj> => ({
  get: (o) => o.chart[key],
  set: (o, v) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw invalidArgument(key);
    edit(o)[key] = v;
  },
});

export const ChartType = defineType<ChartObj>("Chart", {
  identity: (o) => ({ key: "Id", value: o.chart.id }),
  assertAlive: (o) => {
    if (o.chart.deleted || o.sheet.deleted) throw itemNotFound(`chart ${o.chart.name} was deleted`);
  },
  scalars: {
    Name: { get: (o) => o.chart.name, set: (o, v) => void (edit(o).name = argString(v, "name")) },
    Id: { get: (o) => o.chart.id },
    ChartType: { get: (o) => o.chart.chartType, set: (o, v) => void (edit(o).chartType = argEnum(v, CHART_TYPES, "chartType")) },
    Top: dimension("top"),
    Left: dimension("left"),
    Width: dimension("width"),
    Height: dimension("height"),
  },
  navigation: {
    Title: (o) => new ChartTitleObj(o),
    Worksheet: (o) => new WorksheetObj(o.sheet),
  },
  methods: {
    Delete: (o) => {
      edit(o).deleted = true;
      return null;
    },
    Activate: () => null,
    SetData: (o, [sourceData, seriesBy], cx) => {
      const c = edit(o);
      c.source = rangeArgument(cx.wb, sourceData, o.sheet).rect;
      if (seriesBy !== undefined && seriesBy !== null) c.seriesBy = argEnum(seriesBy, SERIES_BY, "seriesBy");
      return null;
    },
    SetPosition: (o, [startCell, endCell], cx) => {
      const c = edit(o);
      const start = rangeArgument(cx.wb, startCell, o.sheet).rect;
      c.top = rowOffset(o.sheet, start.r0);
      c.left = colOffset(o.sheet, start.c0);
      if (endCell !== undefined && endCell !== null) {
        const end = rangeArgument(cx.wb, endCell, o.sheet).rect;
        c.height = Math.max(0, rowOffset(o.sheet, end.r1 + 1) - c.top);
        c.width = Math.max(0, colOffset(o.sheet, end.c1 + 1) - c.left);
      }
      return null;
    },
  },
});

export const ChartTitleType = defineType<ChartTitleObj>("ChartTitle", {
  scalars: {
    Text: {
      get: (o) => o.chart.chart.titleText,
      set: (o, v) => {
        const c = edit(o.chart);
        c.titleText = argString(v, "text");
        c.titleVisible = c.titleText !== "";
      },
    },
    Visible: { get: (o) => o.chart.chart.titleVisible, set: (o, v) => void (edit(o.chart).titleVisible = argBool(v, "visible")) },
  },
});
