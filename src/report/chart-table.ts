import { AlignmentType, BorderStyle, HeightRule, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from "docx";
import { FONT, SIZE, TEXT_WIDTH, fontOf } from "./official-style";
import { percent } from "./report-model";

/**
 * Bar charts drawn as tables of shaded cells rather than pictures: no image encoder or
 * font rasteriser is needed (the same code runs in the CLI and in the pane), the labels
 * stay real text in the official fonts, Word/WPS/LibreOffice all render shading, and the
 * bytes are the same on every machine. One bar step is 1/STEPS of 100 %.
 */
export const STEPS = 40;
const BAR = "2F5597";
const TRACK = "EDEDED";

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

const label = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Paragraph({ children: [new TextRun({ text, font: fontOf(FONT.body), size: SIZE.small })], alignment: align });

/** Steps of the bar for a rate; a non-zero rate always shows at least one step. */
export const barSteps = (rate: number | null): number => (rate === null || rate <= 0 ? 0 : Math.max(1, Math.min(STEPS, Math.round(rate * STEPS))));

function barChart(rows: Array<{ name: string; rate: number | null }>): Table {
  const nameWidth = Math.round(TEXT_WIDTH * 0.3);
  const rateWidth = Math.round(TEXT_WIDTH * 0.12);
  const step = Math.floor((TEXT_WIDTH - nameWidth - rateWidth) / STEPS);
  const columnWidths = [nameWidth, ...Array<number>(STEPS).fill(step), rateWidth];
  const cell = (span: number, fill: string) =>
    new TableCell({
      children: [new Paragraph({ children: [] })],
      columnSpan: span,
      width: { size: span * step, type: WidthType.DXA },
      shading: { type: ShadingType.CLEAR, color: "auto", fill },
    });
  return new Table({
    width: { size: nameWidth + STEPS * step + rateWidth, type: WidthType.DXA },
    columnWidths,
    borders: NO_BORDERS,
    rows: rows.map(({ name, rate }) => {
      const n = barSteps(rate);
      const bar = [...(n > 0 ? [cell(n, BAR)] : []), ...(n < STEPS ? [cell(STEPS - n, TRACK)] : [])];
      return new TableRow({
        cantSplit: true,
        height: { value: 300, rule: HeightRule.EXACT },
        children: [
          new TableCell({ children: [label(name, AlignmentType.RIGHT)], width: { size: nameWidth, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER }),
          ...bar,
          new TableCell({ children: [label(percent(rate), AlignmentType.LEFT)], width: { size: rateWidth, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER }),
        ],
      });
    }),
  });
}

/** Completion rate of each unit, in ranking order. */
export const completionChart = (units: ReadonlyArray<{ unit: string; rate: number | null }>): Table => barChart(units.map((u) => ({ name: u.unit, rate: u.rate })));

/** Overall assignment rate of each archived period, oldest first. */
export const trendChart = (periods: ReadonlyArray<{ period: string; rate: number | null }>): Table => barChart(periods.map((p) => ({ name: p.period, rate: p.rate })));
